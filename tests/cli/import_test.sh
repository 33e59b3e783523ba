#!/usr/bin/env bash
# import as a vendor runs it: refusals leave content/ byte-identical, --dry-run is free,
# --force keeps what the sheet leaves empty, rows beyond the template are kept on request,
# and hostile files are refused within the limits (time and memory measured).
source "$(dirname "$0")/lib.sh"
fixtures="$REPO/tests/fixtures/import"
seed_c="$fixtures/vendor-c-checklist.tsv"
v="$work/vendor"
"$TRUSTPAGE" import "$seed_c" --checklist meti --content "$v/content" >/dev/null
snapshot() { (cd "$1" && find . -printf '%p %y %l\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snapshot "$v/content" >"$work/before.txt"
unchanged() { snapshot "$v/content" >"$work/after.txt" && cmp -s "$work/before.txt" "$work/after.txt"; }
refused() {  # refused DESCRIPTION PATTERN COMMAND...: exit 1, the message, content/ untouched
  local what=$1 pattern=$2; shift 2
  set +e; "$@" >"$work/out.txt" 2>"$work/err.txt"; local rc=$?; set -e
  expect "$what: exit 1 (got $rc)" test "$rc" -eq 1
  expect "$what: says \"$pattern\"" grep -q -- "$pattern" "$work/err.txt"
  expect "$what: content/ is byte-identical" unchanged
}

# --- the data-loss path: PDF text with the hint's --columns over 49 answered items -------
refused "vendor A's PDF text with --columns --force" "text copied from a PDF" \
  "$TRUSTPAGE" import "$fixtures/vendor-a-checklist.txt" --checklist meti \
  --columns no=A,item=C,answer=E --force --content "$v/content"
refused "vendor B's PDF text" "Open the original Excel file" \
  "$TRUSTPAGE" import "$fixtures/vendor-b-security-sheet.txt" --checklist meti --content "$v/content"
refused "a --columns map whose answer column is empty" "not one answer was read" \
  "$TRUSTPAGE" import "$seed_c" --checklist meti --columns no=A,item=C,answer=F --force \
  --content "$v/content"

# --- --dry-run needs no --force, writes nothing, shows each change ------------------------
sed 's/^2\t\t計画停止予定通知\t\(.*\)\t【有】 7日前までにメールにて通知$/2\t\t計画停止予定通知\t\1\t【無】 通知しない/' \
  "$seed_c" >"$work/later.tsv"
"$TRUSTPAGE" import "$work/later.tsv" --checklist meti --content "$v/content" --dry-run >"$work/dry.txt"
expect "--dry-run without --force succeeds and writes nothing" unchanged
expect "--dry-run lists the change before → after" grep -q "status: yes → no" "$work/dry.txt"
expect "--dry-run says a real run needs --force" grep -q "it needs --force for that" "$work/dry.txt"
refused "the same import without --force" "exist already" \
  "$TRUSTPAGE" import "$work/later.tsv" --checklist meti --content "$v/content"

# --- --force --unmarked keeps hand-set statuses and answers the sheet leaves empty --------
item5="$v/content/checklists/meti/application-operations/05-availability-rate.md"
sed -i 's/^status:$/status: partial/' "$item5"
"$TRUSTPAGE" import "$work/later.tsv" --checklist meti --content "$v/content" --force \
  --unmarked yes >"$work/force.txt"
expect "--unmarked kept the hand-set partial" grep -q "^status: partial" "$item5"
expect "the report says it was kept" grep -q "status: partial kept" "$work/force.txt"
expect "the marked answer replaced the status" \
  grep -q "^status: no" "$v/content/checklists/meti/application-operations/02-planned-maintenance-notice.md"
expect "the report lists before → after" grep -q "status: yes → no" "$work/force.txt"

# --- --extra-checklist -------------------------------------------------------------------
e="$work/extra"
"$TRUSTPAGE" import "$seed_c" --checklist meti --content "$e/content" >"$work/noextra.txt"
expect "dropped rows point to --extra-checklist" grep -q "pass --extra-checklist ID" "$work/noextra.txt"
rm -rf "$e"
"$TRUSTPAGE" import "$seed_c" --checklist meti --extra-checklist vendor-c-extra \
  --content "$e/content" >"$work/extra.txt"
count=$(find "$e/content/checklists/vendor-c-extra" -name '*.md' | wc -l)
expect "--extra-checklist writes the 32 extra rows (got $count)" test "$count" -eq 32
expect "… with its own checklist.yaml" test -f "$e/content/checklists/vendor-c-extra/checklist.yaml"

# --- symlinks ----------------------------------------------------------------------------
mv "$v/content/checklists/meti/data-management" "$work/elsewhere"
ln -s "$work/elsewhere" "$v/content/checklists/meti/data-management"
snapshot "$v/content" >"$work/before.txt"
refused "a symlinked section folder" "this is a symlink" \
  "$TRUSTPAGE" import "$seed_c" --checklist meti --force --content "$v/content"
rm "$v/content/checklists/meti/data-management" && mv "$work/elsewhere" "$v/content/checklists/meti/data-management"
ln -sf "$work/planted.md" "$v/content/checklists/meti/data-management/99-planted.md"
snapshot "$v/content" >"$work/before.txt"
refused "a dangling symlink" "this is a symlink" \
  "$TRUSTPAGE" import "$seed_c" --checklist meti --force --content "$v/content"
expect "nothing was planted outside content/" test ! -e "$work/planted.md"
rm "$v/content/checklists/meti/data-management/99-planted.md"
snapshot "$v/content" >"$work/before.txt"

# --- hostile files, within 10 s and 1 GB ------------------------------------------------
python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
def xlsx(name, rows, shared):
    with zipfile.ZipFile(f"{work}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", "<sst>" + shared + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
xlsx("shared.xlsx", "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 200001)),
     "<si><t>" + "z" * (8 << 20) + "</t></si>")
xlsx("xfd.xlsx", "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(1, 200001)), "")
with open(f"{work}/long-cell.csv", "w") as f:
    f.write("No.,サービスレベル項目(例),回答,備考\n1,サービス時間,有,<b " + "x" * 50000 + "\n")
with open(f"{work}/wide-table.csv", "w") as f:
    f.write("No.,サービスレベル項目(例),規定内容,回答,備考\n")
    for r in range(39800):
        f.write(f"{r % 60 + 1},サービス時間の規定,計画停止予定通知の事前連絡,有 対応,障害発生時のシステム復旧\n")
PY
for f in shared.xlsx xfd.xlsx long-cell.csv wide-table.csv; do
  set +e
  /usr/bin/time -v "$TRUSTPAGE" import "$work/$f" --checklist meti --content "$work/h-$f" --dry-run \
    >/dev/null 2>"$work/time.txt"
  rc=$?
  set -e
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  echo "# $f: exit $rc, wall $wall, max RSS ${rss} KB"
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  expect "$f: read or refused in under 10 s (${secs}s)" awk -v s="$secs" 'BEGIN { exit !(s < 10) }'
  expect "$f: under 1 GB (${rss} KB)" test "$rss" -lt 1048576
  expect "$f: no crash (exit $rc)" test "$rc" -le 1
  expect "$f: nothing written" test ! -e "$work/h-$f/checklists"
done
expect "the 8 MB shared string is refused at row 1" \
  bash -c '"$1" import "$2" --checklist meti --content "$3" 2>&1 | grep -q "shared.xlsx:1: error: row 1, column A: a cell of 8 MB"' \
  _ "$TRUSTPAGE" "$work/shared.xlsx" "$work/h"
expect "the XFD cell is refused naming row and column" \
  bash -c '"$1" import "$2" --checklist meti --content "$3" 2>&1 | grep -q "row 1, column XFD"' \
  _ "$TRUSTPAGE" "$work/xfd.xlsx" "$work/h"

finish
