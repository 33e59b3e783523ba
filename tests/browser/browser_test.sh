#!/usr/bin/env bash
# Builds the demo (from a git commit, as published) and the XSS fixture, then loads every
# page of both in Debian's chromium. Screenshots land in $SHOTS (default: a temp dir).
set -euo pipefail
TRUSTPAGE=${TRUSTPAGE:?path to the trustpage binary}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=${SHOTS:-$work/shots}

if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "playwright-core is missing: run scripts/install-deps.sh --test" >&2
  exit 1
fi

mkdir -p "$work/demo"
cp -r "$repo/content" "$work/demo/content"
git -C "$work/demo" init -q -b main
git -C "$work/demo" add -A
GIT_AUTHOR_DATE=2026-10-01T09:00:00+09:00 GIT_COMMITTER_DATE=2026-10-01T09:00:00+09:00 \
  git -C "$work/demo" -c user.name=Vendor -c user.email=v@example.com -c commit.gpgsign=false \
  commit -q -m "Demo content"
# A second commit a month later, so the site has a history to show.
item_file="$work/demo/content/checklists/meti-cloud-sla/data-management/30-backup-retention.md"
sed -i 's/^answer: .*/answer: 90日間（ブラウザ試験）/' "$item_file"
GIT_AUTHOR_DATE=2026-11-01T09:00:00+09:00 GIT_COMMITTER_DATE=2026-11-01T09:00:00+09:00 \
  git -C "$work/demo" -c user.name=Vendor -c user.email=v@example.com -c commit.gpgsign=false \
  commit -qam "Longer backup retention"
"$TRUSTPAGE" build -q --content "$work/demo/content" --out "$work/demo-site"
"$TRUSTPAGE" build -q --worktree --content "$repo/tests/fixtures/xss" --out "$work/xss-site"

status=0
echo "# demo site"
node "$here/check-site.mjs" "$work/demo-site" "$shots/demo" || status=1
echo "# history: changes since a date, item timeline, Atom feed"
node "$here/check-changes.mjs" "$work/demo-site" \
  checklists/meti-cloud-sla/items/meti-30-backup-retention.html "90日間（ブラウザ試験）" || status=1
echo "# printing the demo's checklists"
node "$here/check-print.mjs" "$work/demo-site" "$shots/print" || status=1
echo "# serve: live reload in the browser"
cp -r "$repo/content" "$work/live"
node "$here/check-live-reload.mjs" "$TRUSTPAGE" "$work/live" || status=1
echo "# verify page: the in-browser check of a signed site"
node "$here/check-verify-page.mjs" "$TRUSTPAGE" "$work/verify" || status=1
echo "# release box: number, dates, key, expiry as of the day the page is read"
node "$here/check-release-box.mjs" "$TRUSTPAGE" "$work/release-box" || status=1
echo "# XSS fixture"
node "$here/check-site.mjs" "$work/xss-site" "$shots/xss" || status=1
exit $status
