#!/usr/bin/env bash
# Old commits nobody validated: an item and a commit in Shift_JIS, a stray \xff byte, a
# 300 KB remark rewritten line by line, a 48 MB item. The build still succeeds, quickly and
# in bounded memory, warns with commit and path, and publishes only valid UTF-8 and a
# well-formed Atom feed.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/repo"
repo="$work/repo"
ops="content/checklists/meti-cloud-sla/application-operations"
hours="$ops/01-service-hours.md"
notice="$ops/02-planned-maintenance-notice.md"
commit() {  # commit MESSAGE [git options...]
  local message=$1; shift
  git -C "$repo" add -A
  GIT_AUTHOR_NAME=${AUTHOR:-Vendor} GIT_AUTHOR_EMAIL=v@example.com GIT_COMMITTER_NAME=Vendor \
    GIT_COMMITTER_EMAIL=v@example.com git -C "$repo" -c commit.gpgsign=false "$@" \
    commit -q -m "$message"
}
cp "$repo/$hours" "$work/hours.md"
cp "$repo/$notice" "$work/notice.md"

# A Windows editor saved the item as Shift_JIS; the commit itself is Shift_JIS too.
iconv -f UTF-8 -t SHIFT_JIS "$work/hours.md" >"$repo/$hours"
AUTHOR=$(printf '山田' | iconv -f UTF-8 -t SHIFT_JIS) \
  commit "$(printf 'サービス時間を更新' | iconv -f UTF-8 -t SHIFT_JIS)" -c i18n.commitEncoding=SHIFT_JIS
cp "$work/hours.md" "$repo/$hours"
sed -i 's/^answer: \(.*\)$/answer: \1\xff/' "$repo/$hours"
commit "A stray byte"
cp "$work/hours.md" "$repo/$hours" && commit "Fixed"

# A 300 KB remark, then every line changed: once a line-diff table of ~10^9 cells.
{ cat "$work/notice.md"; seq 1 30000 | sed 's/^/line /'; } >"$repo/$notice" && commit "Long remark"
{ cat "$work/notice.md"; seq 1 30000 | sed 's/^/changed line /'; } >"$repo/$notice"
commit "Every line changed"
# Within 64 KiB, 6000 short lines all changed: 36 M cells, over the diff's bound.
{ cat "$work/notice.md"; seq 1 6000 | sed 's/^/l /'; } >"$repo/$notice" && commit "Shorter"
{ cat "$work/notice.md"; seq 1 6000 | sed 's/^/m /'; } >"$repo/$notice" && commit "Rewritten"
# A 48 MB paste.
{ cat "$work/notice.md"; head -c 50331648 /dev/zero | tr '\0' x | fold -w 100; } >"$repo/$notice"
commit "Huge paste"
cp "$work/notice.md" "$repo/$notice" && commit "Back to normal"

"$TRUSTPAGE" check --content "$repo/content" >/dev/null 2>&1 && code=0 || code=$?
expect "the current content is valid (check passes)" test "$code" -eq 0

start=$(date +%s)
(ulimit -v 3000000 && cd "$repo" && "$TRUSTPAGE" build) >"$work/build.out" 2>&1 && code=0 || code=$?
seconds=$(($(date +%s) - start))
expect "build succeeds under ulimit -v 3 GB (exit $code)" test "$code" -eq 0
[[ $code -eq 0 ]] || sed -n 1,20p "$work/build.out"
expect "in under a minute (${seconds} s)" test "$seconds" -lt 60
expect "a warning names the Shift_JIS revision's path and commit" \
  grep -q "01-service-hours.md: warning: in commit [0-9a-f]\{12\}, .*not UTF-8" "$work/build.out"
expect "a warning names the Shift_JIS commit" \
  grep -q "warning: commit [0-9a-f]\{12\}: its author and message are not UTF-8" "$work/build.out"
expect "a warning names the 48 MB revision" \
  grep -q "02-planned-maintenance-notice.md: warning: in commit .*remarks .*over 64 KiB" "$work/build.out"

bad=0
while IFS= read -r -d '' f; do
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || { bad=$((bad + 1)); echo "not UTF-8: $f"; }
done < <(find "$repo/public" \( -name '*.html' -o -name '*.atom' -o -name '*.json' -o -name '*.xml' \) -print0)
expect "every page, feed and JSON file is valid UTF-8" test "$bad" -eq 0
expect "changes.atom is well-formed XML" xmllint --noout "$repo/public/changes.atom"
page=$(find "$repo/public" -path '*02-planned-maintenance-notice*' -name '*.html' | head -1)
size=$(stat -c %s "$page")
expect "the item page stays small ($size bytes)" test "$size" -lt 1000000
expect "it says the huge revision could not be read" grep -q "64 KiB" "$page"
expect "and that the rewrite is too large to compare" grep -q "行単位で比較するには大きすぎます" "$page"
expect "the Shift_JIS revision shows as unreadable" \
  grep -rq "UTF-8 ではありません" "$(dirname "$(find "$repo/public" -path '*01-service-hours*' -name '*.html' | head -1)")"

finish
