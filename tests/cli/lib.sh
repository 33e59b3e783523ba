# Shared by the command-line tests: a tiny assertion kit and a git fixture of the demo.
set -euo pipefail
TRUSTPAGE=${TRUSTPAGE:?path to the trustpage binary}
REPO=${REPO:?path to the source tree}
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
expect() {  # expect DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}

# A git repository holding a copy of the demo content, committed at a fixed date.
demo_repo() {
  local dir=$1
  mkdir -p "$dir"
  cp -r "$REPO/content" "$dir/content"
  git -C "$dir" init -q -b main
  git -C "$dir" add -A
  GIT_AUTHOR_NAME=Vendor GIT_AUTHOR_EMAIL=v@example.com GIT_COMMITTER_NAME=Vendor \
    GIT_COMMITTER_EMAIL=v@example.com GIT_AUTHOR_DATE=2026-10-01T09:00:00+09:00 \
    GIT_COMMITTER_DATE=2026-10-01T09:00:00+09:00 \
    git -C "$dir" -c commit.gpgsign=false commit -q -m "Demo content"
}
