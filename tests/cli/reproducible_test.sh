#!/usr/bin/env bash
# Same commit -> byte-identical site, whatever the time zone, locale, clone path or clock.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/a/repo"
git clone -q "$work/a/repo" "$work/b/elsewhere/clone"

TZ=Asia/Tokyo LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 \
  "$TRUSTPAGE" build -q --content "$work/a/repo/content" --out "$work/out1" 2>/dev/null
sleep 1  # a different wall-clock second must not matter
TZ=America/Los_Angeles LANG=C LC_ALL=C \
  "$TRUSTPAGE" build -q --content "$work/b/elsewhere/clone/content" --out "$work/out2" 2>/dev/null

expect "two builds produce identical trees" diff -r "$work/out1" "$work/out2"
expect "the output holds no absolute path of the build machine" \
  bash -c '! grep -rq -e "$1" -e "$2" "$3"' _ "$work/a" "$work/b" "$work/out1"
count=$(find "$work/out1" -type f | wc -l)
expect "the compared trees are the whole site ($count files)" test "$count" -gt 100

finish
