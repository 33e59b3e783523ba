#!/usr/bin/env bash
# import, init and the downloads, as a vendor and a reviewer use them from the shell.
source "$(dirname "$0")/lib.sh"
seed="$REPO/tests/fixtures/import/vendor-c-checklist.tsv"
commit() {
  git -C "$1" add -A
  GIT_AUTHOR_NAME=Vendor GIT_AUTHOR_EMAIL=v@example.com GIT_COMMITTER_NAME=Vendor \
    GIT_COMMITTER_EMAIL=v@example.com GIT_AUTHOR_DATE=2026-04-01T10:00:00+09:00 \
    GIT_COMMITTER_DATE=2026-04-01T10:00:00+09:00 \
    git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}

# --- import: from an existing sheet to a published site --------------------------------
v="$work/vendor"
mkdir -p "$v" && git -C "$v" init -q -b main
"$TRUSTPAGE" import "$seed" --checklist meti --content "$v/content" --dry-run >"$work/dry.txt"
expect "--dry-run writes nothing" test ! -e "$v/content"
expect "--dry-run shows the files it would write" \
  grep -q "=== $v/content/checklists/meti/application-operations/01-service-hours.md ===" "$work/dry.txt"
"$TRUSTPAGE" import "$seed" --checklist meti --content "$v/content" >"$work/import.txt"
expect "the report lists rows not imported with file:line" \
  grep -q "vendor-c-checklist.tsv:69: No. 49" "$work/import.txt"
expect "the report lists statuses to set" \
  grep -q "vendor-c-checklist.tsv:14: item 5 (サービス稼働率)" "$work/import.txt"
count=$(find "$v/content/checklists/meti" -name '*.md' | wc -l)
expect "one file per METI item (49, found $count)" test "$count" -eq 49
expect "a starter site.yaml" test -f "$v/content/site.yaml"
"$TRUSTPAGE" check --content "$v/content" 2>"$work/check.txt" && not_ok "check fails while statuses are unset" || ok "check fails while statuses are unset"
expect "check names each status to set" \
  grep -q "05-availability-rate.md:8:1: error: status not set" "$work/check.txt"
errors=$(grep -c ': error: ' "$work/check.txt")
expect "check reports only unset statuses and unanswered items (26, got $errors)" test "$errors" -eq 26
# The vendor sets the statuses the importer could not tell; then the site builds.
sed -i 's/^status:$/status: yes/' $(grep -l '^answer: "' -r "$v/content/checklists/meti")
for f in $(grep -L '^answer: "' -r "$v/content/checklists/meti" --include='*.md'); do
  sed -i 's/^status:$/status: undisclosed/; s/^answer:$/answer: 回答準備中/; s/^reviewed:$/reviewed: 2026-03-18/' "$f"
done
expect "after setting the statuses, check passes" "$TRUSTPAGE" check --content "$v/content"
commit "$v" "Import our METI sheet"
expect "build publishes the imported sheet" "$TRUSTPAGE" build -q --content "$v/content" --out "$work/site"
expect "the site has the checklist page" test -f "$work/site/checklists/meti/index.html"

"$TRUSTPAGE" import "$seed" --checklist meti --content "$v/content" >/dev/null 2>"$work/again.txt" \
  && not_ok "a second import without --force is refused" || ok "a second import without --force is refused"
expect "the refusal says what to do" grep -q -- "--force" "$work/again.txt"
expect "… and changed nothing" git -C "$v" diff --quiet

# --- broken files: a clear error, exit 1, nothing written --------------------------------
b="$work/broken"
head -c 3000 "$work/site/checklists/meti/meti.xlsx" >"$work/cut.xlsx"
head -c 4096 /dev/urandom >"$work/garbage.csv"
printf 'No.,項目,回答\n1,サービス時間,"24時間\n' >"$work/quote.csv"
truncate -s 50M "$work/big.csv"
for f in cut.xlsx garbage.csv quote.csv big.csv; do
  set +e
  "$TRUSTPAGE" import "$work/$f" --checklist meti --content "$b" >/dev/null 2>"$work/err.txt"
  rc=$?
  set -e
  expect "$f: exit status 1 (got $rc)" test "$rc" -eq 1
  expect "$f: the error names the file" grep -q "$work/$f" "$work/err.txt"
  expect "$f: nothing written" test ! -e "$b"
  if [[ $f == quote.csv ]]; then
    expect "the quote error names its line" grep -q "quote.csv:2: error: a quoted cell" "$work/err.txt"
  fi
done

# --- downloads: in the signed bundle, opening as Excel expects ----------------------------
csv="$work/site/checklists/meti/meti.csv"
expect "the CSV starts with a UTF-8 BOM" bash -c '[[ $(head -c 3 "$1" | od -An -tx1 | tr -d " ") == efbbbf ]]' _ "$csv"
expect "the CSV's records end in CRLF" bash -c 'head -1 "$1" | grep -q $'"'"'\r$'"'"'' _ "$csv"
expect "zipinfo lists the XLSX with fixed entry dates" \
  bash -c 'zipinfo "$1" | grep "xl/workbook.xml" | grep -q "80-Jan-01 00:00"' _ "$work/site/checklists/meti/meti.xlsx"
expect "the JSON names its schema version" grep -q '"format_version": 1' "$work/site/checklists/meti/meti.json"
key="$work/key.pem"
"$TRUSTPAGE" keygen --name t --private "$key" --keys "$work/keys" >/dev/null 2>&1
"$TRUSTPAGE" build -q --sign --first-release --key "$key" --content "$v/content" --out "$work/signed" 2>/dev/null
for f in csv xlsx json; do
  expect "meti.$f is in the signed manifest" grep -q " checklists/meti/meti.$f\$" "$work/signed/SHA256SUMS"
done
expect "sha256sum -c accepts every file" bash -c 'cd "$1" && sha256sum -c --quiet SHA256SUMS' _ "$work/signed"

# --- init: a new repository with everything left to answer -------------------------------
n="$work/new"
"$TRUSTPAGE" init "$n" >/dev/null
for f in content/site.yaml content/pages/overview.md content/checklists/meti/checklist.yaml \
  keys/README.md .gitignore .github/workflows/trustpage.yml; do
  expect "init writes $f" test -f "$n/$f"
done
expect ".gitignore keeps private keys out" grep -qx '\*.key' "$n/.gitignore"
expect "the workflow fetches full history" grep -q 'fetch-depth: 0' "$n/.github/workflows/trustpage.yml"
expect "the workflow signs with the CI secret" \
  grep -q 'TRUSTPAGE_SIGNING_KEY: ${{ secrets.TRUSTPAGE_SIGNING_KEY }}' "$n/.github/workflows/trustpage.yml"
"$TRUSTPAGE" check --content "$n/content" 2>"$work/init-check.txt" || true
left=$(grep -c 'error: not answered yet' "$work/init-check.txt")
total=$(grep -c ': error: ' "$work/init-check.txt")
expect "check lists the 49 items left to answer (got $left of $total errors)" \
  test "$left" -eq 49 -a "$total" -eq 49
"$TRUSTPAGE" init "$n" >/dev/null 2>&1 && not_ok "init refuses a folder it already set up" \
  || ok "init refuses a folder it already set up"
expect "import --help teaches with examples" bash -c '"$1" import --help | grep -q "Examples:"' _ "$TRUSTPAGE"

# --- import --unmarked: the sheet as it is, published with two commands ----------------
u="$work/unmarked"
mkdir -p "$u" && git -C "$u" init -q -b main
(cd "$u" && "$TRUSTPAGE" import "$seed" --checklist meti --unmarked yes >"$work/unmarked.txt" &&
  "$TRUSTPAGE" build -q --worktree) && code=0 || code=$?
expect "import --unmarked yes, then build: the sheet is published as it is" \
  test "$code" -eq 0 -a -f "$u/public/checklists/meti/items/meti-05-availability-rate.html"
expect "every status --unmarked set is listed with its line, to confirm" \
  bash -c 'grep -q "Statuses set by --unmarked .* (24)" "$1" &&
           grep -q "vendor-c-checklist.tsv:14: item 5 (サービス稼働率): .*status set to yes" "$1"' _ "$work/unmarked.txt"
expect "items the sheet does not answer are left out, and listed" \
  bash -c 'grep -q "item 43 .*left out" "$1" && test ! -e "$2/public/checklists/meti/items/meti-43-accounting-audit-reports.html" &&
           test "$(ls "$2/public/checklists/meti/items" | wc -l)" -eq 47' _ "$work/unmarked.txt" "$u"
expect "a marked answer keeps its own status under --unmarked" \
  grep -q "^status: no" "$u/content/checklists/meti/data-management/34-multitenant-key-management.md"

finish
