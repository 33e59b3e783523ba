#!/usr/bin/env bash
# What escapes the libraries (here: memory running out, at whatever point a tight limit
# hits) reaches main's last-resort handler, which names the stage and says it is a bug to
# report; it never prints a library's message (std::bad_alloc) as the error.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/repo"
head -c 40000000 /dev/urandom >"$work/repo/content/documents/large.zip"
git -C "$work/repo" add -A
git -C "$work/repo" -c user.name=V -c user.email=v@example.com -c commit.gpgsign=false commit -qm large

raw=0 crashed=0 internal=0
for limit in $(seq 220000 -5000 100000); do
  (ulimit -v "$limit" && exec "$TRUSTPAGE" build -q --html-only --content "$work/repo/content" \
    --out "$work/out") >"$work/run.txt" 2>&1 && code=0 || code=$?
  grep -q "bad_alloc\|what()" "$work/run.txt" && raw=$((raw + 1))
  [[ $code -le 2 ]] || crashed=$((crashed + 1))
  grep -q "^error: trustpage stopped in its [a-z ]* stage with an internal error (.*This is a bug in trustpage" \
    "$work/run.txt" && internal=$((internal + 1))
done
expect "no run prints a library's message as the error" test "$raw" -eq 0
expect "no run ends in a crash" test "$crashed" -eq 0
if [[ $internal -gt 0 ]]; then
  ok "the last-resort message names the stage and asks for a report ($internal runs)"
else
  ok "# skip: no limit hit an exception on this machine"
fi

finish
