#!/usr/bin/env bash
# `serve` previews the working tree on loopback, rebuilds on save, and tells open pages.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/repo"
port=$((20000 + RANDOM % 20000))
"$TRUSTPAGE" serve --content "$work/repo/content" --port "$port" >"$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs "$url/" >/dev/null 2>&1 && break; sleep 0.1; done

page=$(curl -fs "$url/checklists/meti-cloud-sla/index.html")
expect "serve answers with the checklist page" grep -q "item-meti-01-service-hours" <<<"$page"
expect "pages load the live-reload script" grep -q "/__trustpage/live.js" <<<"$page"
expect "a directory URL serves its index.html" bash -c 'curl -fs "$1/en/" | grep -q "<html lang=\"en\""' _ "$url"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/no/such/page.html")
expect "a missing page is a 404" test "$code" = 404
version=$(curl -fs "$url/__trustpage/wait?v=")

item="$work/repo/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
sed -i 's/^answer: .*/answer: 平日9時から18時まで（保存後すぐ反映）/' "$item"
new_version=$(curl -fs --max-time 25 "$url/__trustpage/wait?v=$version")
expect "a waiting page learns of the rebuild" test "$new_version" != "$version"
expect "the edit is served without a restart (uncommitted edits are previewed)" \
  bash -c 'curl -fs "$1/checklists/meti-cloud-sla/items/meti-01-service-hours.html" | grep -q "保存後すぐ反映"' _ "$url"

sed -i 's|^status: .*|status: "<script>alert(1)</script>"|' "$item"
for _ in $(seq 50); do
  code=$(curl -s -o "$work/err.html" -w '%{http_code}' "$url/index.html")
  [[ $code == 500 ]] && break
  sleep 0.1
done
expect "a broken edit shows the errors in the browser" \
  bash -c 'test "$1" = 500 && grep -q "01-service-hours.md:8:" "$2"' _ "$code" "$work/err.html"
expect "the error page shows the bad value as text, not markup" \
  bash -c 'grep -q "&lt;script&gt;alert(1)" "$1" && ! grep -q "<script>alert" "$1"' _ "$work/err.html"
listening=$(ss -Hltn "sport = :$port" | awk '{print $4}')
expect "serve listens on loopback only ($listening)" test "$listening" = "127.0.0.1:$port"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: attacker.example" "$url/index.html")
expect "a request for another host name is refused (DNS rebinding)" test "$code" = 403

# Ten open tabs each hold a long-poll; a page request must still be answered at once.
version=$(curl -fs "$url/__trustpage/wait?v=")
for _ in $(seq 10); do curl -fs --max-time 25 "$url/__trustpage/wait?v=$version" >/dev/null & done
sleep 0.5
seconds=$(curl -s -o /dev/null -w '%{time_total}' "$url/404.html")
expect "pages are served while ten previews wait for changes (${seconds}s)" \
  awk -v t="$seconds" 'BEGIN { exit !(t < 2) }'

# Seventy open tabs: the oldest polls are answered early (503, the page polls again later),
# so the workers stay free and a page request is still answered at once.
version=$(curl -fs "$url/__trustpage/wait?v=")
for i in $(seq 70); do
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 25 "$url/__trustpage/wait?v=$version" \
    >"$work/poll.$i" &
done
# On a loaded machine seventy curls take a while to connect: wait (bounded) until the early
# answers are in, so the page request below really meets the full queue.
for _ in $(seq 100); do
  [[ $(cat "$work"/poll.* 2>/dev/null | grep -c 503 || true) -ge 50 ]] && break
  sleep 0.1
done
seconds=$(curl -s -o /dev/null -w '%{time_total}' "$url/index.html")
expect "pages are served at once while seventy previews wait (${seconds}s)" \
  awk -v t="$seconds" 'BEGIN { exit !(t < 1) }'
early=$(cat "$work"/poll.* 2>/dev/null | grep -c 503 || true)
expect "the oldest polls were answered early ($early of 70)" test "$early" -ge 50
echo "# touch" >>"$item"
sed -i 's|^status: .*|status: yes|' "$item"
wait_for_polls() { for _ in $(seq 100); do [[ $(cat "$work"/poll.* | wc -l) -ge 70 ]] && return; sleep 0.1; done; }
wait_for_polls
waited=$(cat "$work"/poll.* | grep -c 200 || true)
expect "the newest polls still learn of the rebuild ($waited)" test "$waited" -ge 1

# What serve writes: only the history cache, and with --no-history-cache nothing.
expect "serve --help says it writes the history cache" \
  bash -c '"$1" serve --help | tr -s " \n" " " | grep -q "history.cache"' _ "$TRUSTPAGE"
demo_repo "$work/quiet"
port2=$((port + 1))
"$TRUSTPAGE" serve --content "$work/quiet/content" --port "$port2" --no-history-cache \
  >"$work/serve2.out" 2>&1 &
server2=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port2/" >/dev/null 2>&1 && break; sleep 0.1; done
kill "$server2" 2>/dev/null; wait "$server2" 2>/dev/null || true
expect "serve --no-history-cache writes nothing into the repository" \
  bash -c 'test -z "$(git -C "$1" status --porcelain --ignored)" && test ! -e "$1/.git/trustpage"' _ "$work/quiet"

finish
