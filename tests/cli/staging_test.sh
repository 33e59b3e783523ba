#!/usr/bin/env bash
# Builds killed with SIGKILL leave their temporary folder beside the output; the next build
# of the same output removes them, and nothing else.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/repo"
repo="$work/repo"
# A large document keeps the build writing long enough to be killed while it does.
head -c 40000000 /dev/urandom >"$repo/content/documents/large.zip"
git -C "$repo" add -A
git -C "$repo" -c user.name=V -c user.email=v@example.com -c commit.gpgsign=false commit -qm large
(cd "$repo" && "$TRUSTPAGE" build -q) || true
leftovers() { find "$repo" -maxdepth 1 -name '.public.tmp-*' -type d | wc -l; }

killed=0
for attempt in 1 2 3 4 5 6; do
  (cd "$repo" && exec "$TRUSTPAGE" build -q) &
  pid=$!
  for _ in $(seq 1 3000); do  # up to 30 s for the build to start writing
    [[ -n $(find "$repo" -maxdepth 1 -name '.public.tmp-*' -type d -newer "$repo/content" -print -quit) ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null || true
  touch "$repo/content"  # the next attempt waits for a folder newer than this
done
n=$(leftovers)
expect "kill -9 while writing left temporary folders ($n after $killed kills)" test "$n" -ge 1

# Not ours: an unmarked folder, and one whose build (here: flock) still holds its marker.
mkdir "$repo/.public.tmp-foreign" && echo keep >"$repo/.public.tmp-foreign/file"
mkdir "$repo/.public.tmp-Live12"
printf 'trustpage build staging folder\n' >"$repo/.public.tmp-Live12.lock"
# The sleeping process itself holds the lock (fd 9), so killing it releases the lock.
(exec 9<>"$repo/.public.tmp-Live12.lock" && flock 9 && exec sleep 30) >/dev/null 2>&1 &
holder=$!
sleep 0.2

(cd "$repo" && "$TRUSTPAGE" build -q) && code=0 || code=$?
expect "the next build succeeds" test "$code" -eq 0
left=$(find "$repo" -maxdepth 1 -name '.public.tmp-*' | sort | sed 's|.*/||' | tr '\n' ' ')
expect "it removed every folder the killed builds left (left: $left)" \
  test "$left" = ".public.tmp-Live12 .public.tmp-Live12.lock .public.tmp-foreign "
expect "an unmarked folder is never removed" test "$(cat "$repo/.public.tmp-foreign/file")" = keep
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null || true

(cd "$repo" && "$TRUSTPAGE" build -q) || true
expect "once its build is gone, the marked folder goes too" \
  test ! -e "$repo/.public.tmp-Live12" -a ! -e "$repo/.public.tmp-Live12.lock"
expect "the site is complete" cmp -s "$repo/content/documents/large.zip" "$repo/public/documents/large.zip"
expect "git status shows no temporary folder with the advised .gitignore" \
  bash -c 'printf "/public/\n/.public.tmp-*\n" >"$1/.gitignore"; test -z "$(git -C "$1" status --porcelain --ignored=no -- . ":!.gitignore")"' _ "$repo"

"$TRUSTPAGE" init "$work/fresh" >/dev/null
expect "init's .gitignore keeps the temporary folders out of git" grep -qxF "/.public.tmp-*" "$work/fresh/.gitignore"

finish
