#!/usr/bin/env bash
# The command line as a vendor uses it: help, exit codes, messages, untouched output.
source "$(dirname "$0")/lib.sh"

out=$("$TRUSTPAGE" --help)
expect "--help lists the commands" grep -q "build" <<<"$out"
expect "--help teaches check and serve" bash -c 'grep -q "check" <<<"$1" && grep -q "serve" <<<"$1"' _ "$out"
expect "build --help documents --worktree and --rev" bash -c '"$1" build --help | grep -q -- "--worktree" && "$1" build --help | grep -q -- "--rev"' _ "$TRUSTPAGE"
expect "--version prints the version" bash -c '"$1" --version | grep -Eq "^trustpage [0-9]+\.[0-9]+\.[0-9]+$"' _ "$TRUSTPAGE"
"$TRUSTPAGE" build --no-such-flag >/dev/null 2>&1 && code=0 || code=$?
expect "an unknown flag exits 2" test "$code" -eq 2

demo_repo "$work/repo"
"$TRUSTPAGE" check --content "$work/repo/content" >"$work/check.out" 2>&1 && code=0 || code=$?
expect "check passes on the demo, reporting its stale answers as warnings" \
  bash -c 'test "$1" -eq 0 && grep -q "warning: reviewed" "$2"' _ "$code" "$work/check.out"
"$TRUSTPAGE" check --strict --content "$work/repo/content" >/dev/null 2>&1 && code=0 || code=$?
expect "check --strict fails on warnings" test "$code" -eq 1
"$TRUSTPAGE" check --strict --stale-after 48 --content "$work/repo/content" >/dev/null 2>&1 && code=0 || code=$?
expect "check --strict --stale-after 48 passes once nothing is stale" test "$code" -eq 0

(cd "$work/repo" && "$TRUSTPAGE" build -q) && code=0 || code=$?
expect "build with defaults publishes content/ into public/" test "$code" -eq 0 -a -f "$work/repo/public/checklists/meti-cloud-sla/index.html"
cp "$work/repo/public/index.html" "$work/index.before"

# A vendor mistypes a status in the web UI.
item="$work/repo/content/checklists/meti-cloud-sla/application-operations/02-planned-maintenance-notice.md"
sed -i 's/^status: .*/status: yess/' "$item"
"$TRUSTPAGE" check --content "$work/repo/content" >"$work/check.out" 2>&1 && code=0 || code=$?
expect "check fails on a bad status with exit 1" test "$code" -eq 1
line=$(grep -n '^status:' "$item" | cut -d: -f1)
expect "check names file:line:col of the bad status" \
  grep -q "02-planned-maintenance-notice.md:$line:[0-9]*: error: .*yess" "$work/check.out"
expect "the message lists the allowed statuses" grep -q "yes" "$work/check.out"

git -C "$work/repo" -c user.name=V -c user.email=v@example.com commit -qam "typo"
(cd "$work/repo" && "$TRUSTPAGE" build) >"$work/build.out" 2>&1 && code=0 || code=$?
expect "build fails with exit 1 on the committed typo" test "$code" -eq 1
expect "build says the output was not changed" grep -q "was not changed" "$work/build.out"
expect "public/ is untouched after a failed build" cmp -s "$work/index.before" "$work/repo/public/index.html"

# Outside git: build explains what to do; --worktree works.
mkdir -p "$work/nogit" && cp -r "$REPO/content" "$work/nogit/content"
"$TRUSTPAGE" build --content "$work/nogit/content" --out "$work/nogit/public" >"$work/nogit.out" 2>&1 && code=0 || code=$?
expect "build outside git fails and suggests --worktree" bash -c 'test "$1" -eq 1 && grep -q -- "--worktree" "$2"' _ "$code" "$work/nogit.out"
"$TRUSTPAGE" build --worktree -q --content "$work/nogit/content" --out "$work/nogit/public" && code=0 || code=$?
expect "build --worktree works outside git" test "$code" -eq 0 -a -f "$work/nogit/public/index.html"

mkdir -p "$work/precious" && echo keep >"$work/precious/notes.txt"
"$TRUSTPAGE" build --worktree -q --content "$work/nogit/content" --out "$work/precious" 2>/dev/null && code=0 || code=$?
expect "build refuses to replace a folder that is not a site" bash -c 'test "$1" -eq 1 && test "$(cat "$2")" = keep' _ "$code" "$work/precious/notes.txt"

# check finds what build would: a broken link in a page body.
demo_repo "$work/links"
echo '[壊れたリンク](/pages/no-such-page.md)' >>"$work/links/content/pages/overview.md"
"$TRUSTPAGE" check --content "$work/links/content" >"$work/links.out" 2>&1 && code=0 || code=$?
expect "check reports a broken Markdown link with file:line" \
  bash -c 'test "$1" -eq 1 && grep -q "pages/overview.md:[0-9]*:[0-9]*: error: link to \"/pages/no-such-page.md\"" "$2"' _ "$code" "$work/links.out"

# A trailing slash (as shells complete folder names) changes nothing, themes included.
mkdir -p "$work/slash" && cp -r "$REPO/content" "$work/slash/content"
mkdir -p "$work/slash/themes/default/templates"
printf '<div xmlns:tp="urn:trustpage:template"><h1 class="from-override" tp:text="page.title"/></div>\n' \
  >"$work/slash/themes/default/templates/page.xhtml"
"$TRUSTPAGE" build -q --worktree --content "$work/slash/content/" --out "$work/slash/public/" && code=0 || code=$?
expect "--content DIR/ finds themes/ beside DIR" \
  bash -c 'test "$1" -eq 0 && grep -q "from-override" "$2/slash/public/pages/overview.html"' _ "$code" "$work"

mkdir -p "$work/mytheme/templates"
printf '<div xmlns:tp="urn:trustpage:template"><h1 class="from-flag" tp:text="page.title"/></div>\n' \
  >"$work/mytheme/templates/page.xhtml"
"$TRUSTPAGE" build -q --worktree --theme "$work/mytheme" --content "$work/slash/content" --out "$work/flag" && code=0 || code=$?
expect "--theme DIR overrides the built-in theme" \
  bash -c 'test "$1" -eq 0 && grep -q "from-flag" "$2/flag/pages/overview.html"' _ "$code" "$work"

(cd "$work" && "$TRUSTPAGE" build) >"$work/nocontent.out" 2>&1 && code=0 || code=$?
expect "build without a content folder says so and how to fix it" \
  bash -c 'test "$1" -eq 1 && grep -q "content folder content does not exist" "$2" && grep -q -- "--content" "$2"' _ "$code" "$work/nocontent.out"

# history ITEM-ID: the item's changes, field by field, newest first.
demo_repo "$work/hist"
item="$work/hist/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
sed -i 's/^status: .*/status: partial/' "$item"
GIT_AUTHOR_NAME=Reviewer GIT_AUTHOR_EMAIL=r@example.com GIT_COMMITTER_NAME=Reviewer \
  GIT_COMMITTER_EMAIL=r@example.com GIT_AUTHOR_DATE=2026-11-02T10:00:00+09:00 \
  GIT_COMMITTER_DATE=2026-11-02T10:00:00+09:00 \
  git -C "$work/hist" -c commit.gpgsign=false commit -q -m "Service hours now partial during migration" -- "$item"
out=$(cd "$work/hist" && "$TRUSTPAGE" history meti-01-service-hours)
expect "history prints the newest commit first with its message, author and date" \
  bash -c 'grep -n "Service hours now partial" <<<"$1" | head -1 | grep -q . &&
           [[ $(grep -n "^commit" <<<"$1" | head -1 | cut -d: -f1) -lt $(grep -n "Demo content" <<<"$1" | cut -d: -f1) ]] &&
           grep -q "Author: Reviewer <r@example.com>" <<<"$1" && grep -q "Date:   2026-11-02 10:00 +0900" <<<"$1"' _ "$out"
expect "history shows the field before -> after" grep -q 'status: "yes" → "partial"' <<<"$out"
(cd "$work/hist" && "$TRUSTPAGE" history meti-01-service-hour) >"$work/hist.out" 2>&1 && code=0 || code=$?
expect "history of an unknown id exits 1 and suggests the right one" \
  bash -c 'test "$1" -eq 1 && grep -q "did you mean \"meti-01-service-hours\"" "$2"' _ "$code" "$work/hist.out"
git clone -q --depth 1 "file://$work/hist" "$work/shallow"
(cd "$work/shallow" && "$TRUSTPAGE" build -q) >"$work/shallow.out" 2>&1 && code=0 || code=$?
expect "build from a shallow clone fails, saying to fetch the full history" \
  bash -c 'test "$1" -eq 1 && grep -q "git fetch --unshallow" "$2" && grep -q -- "--allow-shallow" "$2"' _ "$code" "$work/shallow.out"
(cd "$work/shallow" && "$TRUSTPAGE" build -q --allow-shallow) >"$work/shallow2.out" 2>&1 && code=0 || code=$?
expect "build --allow-shallow publishes, and the pages say the history is truncated" \
  bash -c 'test "$1" -eq 0 && grep -q "浅いクローン" "$2/public/changes.html"' _ "$code" "$work/shallow"

# --html-only: the pages without the downloads (PDF, CSV, XLSX, JSON) or links to them.
(cd "$work/hist" && "$TRUSTPAGE" build -q --html-only --out "$work/htmlonly") && code=0 || code=$?
expect "build --html-only publishes the pages without PDF, CSV, XLSX or JSON downloads" \
  bash -c 'test "$1" -eq 0 && test -f "$2/checklists/meti-cloud-sla/index.html" &&
           test -z "$(find "$2" -name "*.pdf" -o -name "*.csv" -o -name "*.xlsx" -o -name "*.json")" &&
           ! grep -q "meti-cloud-sla.pdf" "$2/checklists/meti-cloud-sla/index.html"' _ "$code" "$work/htmlonly"
(cd "$work/hist" && "$TRUSTPAGE" build -q --out "$work/full") && code=0 || code=$?
expect "a full build has them" \
  bash -c 'test -f "$1/checklists/meti-cloud-sla/meti-cloud-sla.pdf" && test -f "$1/checklists/meti-cloud-sla/history.json" &&
           grep -q "meti-cloud-sla.pdf" "$1/checklists/meti-cloud-sla/index.html"' _ "$work/full"

finish
