#!/usr/bin/env bash
# answer as a vendor runs it on a customer's workbook: the filled copy opens in a second
# reader (openpyxl) with its formatting intact, the report lists every row, and each bad
# input is refused with a message naming the file, nothing written.
source "$(dirname "$0")/lib.sh"
CUSTOMER_SHEET=${CUSTOMER_SHEET:?path to tp_customer_sheet_tool}
repo="$work/repo"
demo_repo "$repo"
"$CUSTOMER_SHEET" "$work/their-sheet.xlsx"
cp "$work/their-sheet.xlsx" "$work/original.xlsx"

# --- a filled copy, the report, and the customer's file untouched --------------------------
"$TRUSTPAGE" answer "$work/their-sheet.xlsx" --content "$repo/content" --out "$work/filled.xlsx" \
  --report "$work/answers.md" >"$work/out.txt"
expect "the summary line counts 20 questions" grep -q "^20 questions: " "$work/out.txt"
expect "it says where it wrote" grep -q "wrote $work/filled.xlsx" "$work/out.txt"
expect "the questionnaire itself is unchanged" cmp -s "$work/their-sheet.xlsx" "$work/original.xlsx"
expect "the report is Markdown with a row per question" \
  test "$(grep -c '^| [0-9]* | ' "$work/answers.md")" -eq 20
expect "the report cites the commit" grep -q "commit [0-9a-f]\{12\}, 2026-10-01" "$work/answers.md"
expect "the report lists the unanswered rows" grep -q "| unanswered |\|| unsure |" "$work/answers.md"

# --- --published: the signed release of the deployed site is cited when it is of that commit --
"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$work/keys" >/dev/null
"$TRUSTPAGE" build -q --html-only --sign --key "$work/secret/demo.key" --first-release \
  --content "$repo/content" --out "$work/public"
"$TRUSTPAGE" answer "$work/their-sheet.xlsx" --content "$repo/content" --out "$work/released.xlsx" \
  --published "$work/public" --report "$work/released.md" >/dev/null
expect "--published: answers cite release 1 and its date" grep -q "release 1 (2026-10-01)" "$work/released.md"
echo "# later" >>"$repo/content/pages/overview.md"
git -C "$repo" -c user.name=V -c user.email=v@example.com -c commit.gpgsign=false commit -qam later
"$TRUSTPAGE" answer "$work/their-sheet.xlsx" --content "$repo/content" --out "$work/later.xlsx" \
  --published "$work/public" --report "$work/later.md" >/dev/null 2>"$work/later.err"
expect "--published of another commit: says so" grep -q "not of the commit answered from" "$work/later.err"
expect "--published of another commit: cites the commit" grep -q "commit [0-9a-f]\{12\}, " "$work/later.md"

# --- a second reader: formatting survived, answers are choices, sources in the remarks -----
cat >"$work/check.py" <<'PY'
import sys
import openpyxl
before = openpyxl.load_workbook(sys.argv[1])
after = openpyxl.load_workbook(sys.argv[2])
assert before.sheetnames == after.sheetnames, after.sheetnames
b, a = before["チェックシート"], after["チェックシート"]
assert sorted(map(str, b.merged_cells.ranges)) == sorted(map(str, a.merged_cells.ranges)), a.merged_cells.ranges
assert len(a.merged_cells.ranges) >= 6
dv = a.data_validations.dataValidation
assert len(dv) == 1 and dv[0].type == "list", dv
assert dv[0].formula1 == '"はい,いいえ,該当なし"', dv[0].formula1
assert str(dv[0].sqref) == str(b.data_validations.dataValidation[0].sqref)
for col in "ABCDEFG":
    assert b.column_dimensions[col].width == a.column_dimensions[col].width, col
assert a.freeze_panes == b.freeze_panes == "A6"
filled = 0
for row in range(6, 26):
    value = a.cell(row, 4).value
    if value is None:
        assert a.cell(row, 5).value is None, row
        continue
    filled += 1
    assert value in ("はい", "いいえ", "該当なし"), (row, value)
    assert "出典: " in a.cell(row, 5).value, row
    assert a.cell(row, 4).style_id == b.cell(row, 4).style_id, row
    assert a.cell(row, 4).fill.fgColor.rgb == b.cell(row, 4).fill.fgColor.rgb
for row in range(1, 27):
    for col in (1, 2, 3, 6, 7):
        assert a.cell(row, col).value == b.cell(row, col).value, (row, col)
assert a.cell(6, 3).comment is not None and "回答例" in a.cell(6, 3).comment.text
assert after["記入要領"]["A2"].value == before["記入要領"]["A2"].value
assert filled >= 16, filled
print("filled", filled)
PY
# Debian's python3 (python3-openpyxl), not whichever python3 comes first on the PATH.
expect "openpyxl reads the copy: merged cells, dropdown, widths, comment, other sheet intact" \
  /usr/bin/python3 "$work/check.py" "$work/original.xlsx" "$work/filled.xlsx"

# --- bad input: exit 1, a message naming the file, nothing written --------------------------
refused() {  # refused DESCRIPTION PATTERN OUT COMMAND...
  local what=$1 pattern=$2 out=$3; shift 3
  rm -f "$out"
  set +e; "$@" >"$work/o.txt" 2>"$work/e.txt"; local rc=$?; set -e
  expect "$what: exit 1 (got $rc)" test "$rc" -eq 1
  expect "$what: says \"$pattern\"" grep -q -- "$pattern" "$work/e.txt"
  expect "$what: nothing written" test ! -e "$out"
  expect "$what: no temporary file left" \
    test -z "$(find "$(dirname "$out")" -maxdepth 1 -name "$(basename "$out").tmp*" 2>/dev/null)"
}
refused "--out the questionnaire itself" "must not be the questionnaire itself" "$work/nothing.xlsx" \
  "$TRUSTPAGE" answer "$work/their-sheet.xlsx" --content "$repo/content" --out "$work/their-sheet.xlsx"
expect "... and the questionnaire is unchanged" cmp -s "$work/their-sheet.xlsx" "$work/original.xlsx"
head -c 3000 "$work/original.xlsx" >"$work/damaged.xlsx"
refused "a damaged workbook" "damaged.xlsx: error: cannot read this XLSX workbook" "$work/f1.xlsx" \
  "$TRUSTPAGE" answer "$work/damaged.xlsx" --content "$repo/content" --out "$work/f1.xlsx"
{ printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'; head -c 504 /dev/zero
  printf 'E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0'; head -c 512 /dev/zero; } >"$work/locked.xlsx"
refused "a password-protected workbook" "locked.xlsx: error: this workbook is protected with a password" \
  "$work/f5.xlsx" "$TRUSTPAGE" answer "$work/locked.xlsx" --content "$repo/content" --out "$work/f5.xlsx"
"$CUSTOMER_SHEET" "$work/samples.xlsx" --sample-answers
refused "sample answers" "samples.xlsx:6: error: rows 6, 7: .*--overwrite" "$work/f2.xlsx" \
  "$TRUSTPAGE" answer "$work/samples.xlsx" --content "$repo/content" --out "$work/f2.xlsx"
"$TRUSTPAGE" answer "$work/samples.xlsx" --content "$repo/content" --out "$work/f2.xlsx" \
  --overwrite >/dev/null
expect "--overwrite fills them" test -s "$work/f2.xlsx"
printf 'No,内容説明,回答\n1,テスト,\n' >"$work/noquestion.csv"
refused "no question column" "noquestion.csv:1: error: the header row names no question column" \
  "$work/f3.csv" "$TRUSTPAGE" answer "$work/noquestion.csv" --content "$repo/content" --out "$work/f3.csv"
refused "an output folder that does not exist" "cannot write" "$work/missing/f4.xlsx" \
  "$TRUSTPAGE" answer "$work/their-sheet.xlsx" --content "$repo/content" --out "$work/missing/f4.xlsx"

# --- usage errors exit 2; --help teaches ---------------------------------------------------
set +e; "$TRUSTPAGE" answer "$work/their-sheet.xlsx" >/dev/null 2>&1; rc=$?; set -e
expect "--out missing: exit 2 (got $rc)" test "$rc" -eq 2
set +e; "$TRUSTPAGE" answer "$work/their-sheet.xlsx" --out x.xlsx --min-score 3 >/dev/null 2>&1; rc=$?; set -e
expect "--min-score 3: exit 2 (got $rc)" test "$rc" -eq 2
"$TRUSTPAGE" answer --help >"$work/help.txt"
expect "--help gives an example" grep -q "trustpage answer their-sheet.xlsx --out filled.xlsx" "$work/help.txt"
expect "--help says the default min-score" grep -q "default 0.25" "$work/help.txt"
"$TRUSTPAGE" --help >"$work/top.txt"
expect "trustpage --help lists answer" grep -q "trustpage answer" "$work/top.txt"
finish
