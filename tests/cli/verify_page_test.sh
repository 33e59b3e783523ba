#!/usr/bin/env bash
# The "how to verify" page (verify.html, ja and en): every command it prints, run exactly as
# printed (only HTML entities decoded) in the folder it names, passes for the genuine site
# and its files; the commands that check a file fail when one byte of the PDF is changed;
# and an attacker who controls the host and re-signs everything with another key gets
# nowhere once step 1 is followed (its pinned fingerprint differs), while the genuine
# page's commands reject the attacker's files.
#
# Each command is a <pre class="command" data-where="any|flat|mirror" data-files="ROUTES"
# data-checks="ROUTE">: "flat" runs in a folder holding only the files of data-files (each
# linked from the page), "mirror" in a copy of the whole site, "any" in both.
source "$(dirname "$0")/lib.sh"

keys="$work/keys"
"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$keys" >/dev/null
"$TRUSTPAGE" keygen --name demo --private "$work/secret/attacker.key" --keys "$work/attacker-keys" >/dev/null
genuine_fp=$(ssh-keygen -lf "$keys/demo.ssh.pub" | awk '{print $2}')
attacker_fp=$(ssh-keygen -lf "$work/attacker-keys/demo.ssh.pub" | awk '{print $2}')

# The host: whatever is in $work/host, on 127.0.0.1, is the site at its base_url.
mkdir -p "$work/host"
if [[ -n ${STATIC_SERVER:-} ]]; then
  "$STATIC_SERVER" --root "$work/host" --port-file "$work/port" --seconds 600 2>/dev/null &
else
  python3 -c '
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
open(sys.argv[2] + ".tmp", "w").write(str(server.server_address[1]) + "\n")
__import__("os").rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()' "$work/host" "$work/port" &
fi
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.1; done
base_url="http://127.0.0.1:$(cat "$work/port")/"
serve() { rm -rf "$work/host/"* && cp -r "$1/." "$work/host/"; }

demo_repo "$work/repo"
sed -i "s|^base_url: .*|base_url: \"$base_url\"|" "$work/repo/content/site.yaml"
git -C "$work/repo" add -A
GIT_AUTHOR_DATE=2026-10-01T10:00:00+09:00 GIT_COMMITTER_DATE=2026-10-01T10:00:00+09:00 \
  git -C "$work/repo" -c user.name=Vendor -c user.email=v@example.com -c commit.gpgsign=false \
  commit -q -m "Served from the test host"
build() {  # build KEY OUT
  "$TRUSTPAGE" build -q --sign --key "$1" --first-release --content "$work/repo/content" --out "$2"
}
build "$work/secret/demo.key" "$work/genuine"
build "$work/secret/attacker.key" "$work/attacker"
pdf=checklists/meti-cloud-sla/meti-cloud-sla.pdf
expect "the genuine and the attacker's site are signed by different keys" \
  bash -c 'grep -q "$1" "$3/verify.html" && grep -q "$2" "$4/verify.html" && ! grep -q "$1" "$4/verify.html"' \
  _ "$genuine_fp" "$attacker_fp" "$work/genuine" "$work/attacker"
expect "each checklist PDF has its own signature" test -s "$work/genuine/$pdf.minisig"

# The customer's copy with one byte of the PDF changed.
cp -r "$work/genuine" "$work/tampered"
offset=2000
byte=$(dd if="$work/tampered/$pdf" bs=1 skip=$offset count=1 2>/dev/null)
if [[ $byte == X ]]; then printf Y; else printf X; fi |
  dd of="$work/tampered/$pdf" bs=1 seek=$offset conv=notrunc 2>/dev/null
expect "the tampered PDF differs from the genuine one" bash -c '! cmp -s "$1" "$2"' _ "$work/genuine/$pdf" "$work/tampered/$pdf"

# verify.html -> one line per command: WHERE, STEP, FILES, CHECKS, COMMAND, separated by
# US (\x1f): unlike a tab, `read` keeps an empty field between two of them.
sep=$'\x1f'
decode() { sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e "s/&apos;/'/g" -e 's/&amp;/\&/g'; }
attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" <<<"$2"; }
commands_of() {  # commands_of PAGE
  local pre code
  grep -o '<pre class="command"[^>]*><code>[^<]*</code></pre>' "$1" | while IFS= read -r pre; do
    code=$(sed -e 's/.*<code>//' -e 's/<\/code><\/pre>$//' <<<"$pre" | decode)
    printf "%s$sep%s$sep%s$sep%s$sep%s\n" "$(attr data-where "$pre")" "$(attr data-step "$pre")" \
      "$(attr data-files "$pre")" "$(attr data-checks "$pre")" "$code"
  done
}
genuine_ja=$(commands_of "$work/genuine/verify.html" || true)
genuine_en=$(commands_of "$work/genuine/en/verify.html" || true)
attacker_ja=$(commands_of "$work/attacker/verify.html" || true)
attacker_en=$(commands_of "$work/attacker/en/verify.html" || true)
count=$(grep -c . <<<"$genuine_ja" || true)
expect "the verify page prints the commands of steps 1-3 (found $count)" test "$count" -ge 11
expect "the English page prints the same commands" test "$genuine_ja" = "$genuine_en"
expect "the attacker's English page prints the same commands as its Japanese page" test "$attacker_ja" = "$attacker_en"
minisign_key=$(tail -n 1 "$keys/demo.minisign.pub")
ssh_key=$(awk '{print $2}' "$keys/demo.ssh.pub")
names_the_key() {  # every command carries the key (or its fingerprint) and reads no keys/
  local where step files checks cmd
  while IFS=$sep read -r where step files checks cmd; do
    [[ $cmd != *keys/* ]] || return 1
    [[ $cmd == *"$minisign_key"* || $cmd == *"$genuine_fp"* || $cmd == *"$ssh_key"* ]] || return 1
  done <<<"$genuine_ja"
}
expect "every command names the genuine key itself, never keys/ from the site" names_the_key
expect "the English verify page exists too" grep -q "How to verify this site" "$work/genuine/en/verify.html"
expect "the footer links to the verify page" grep -q 'href="../../verify.html"' "$work/genuine/checklists/meti-cloud-sla/index.html"
expect "no sha256sum command skips missing files" bash -c '! grep -q -- --ignore-missing <<<"$1"' _ "$genuine_ja"
expect "step 2 covers every checklist's PDF" bash -c 'for c in "$1"/checklists/*/; do id=$(basename "$c"); grep -q "checklists/$id/$id.pdf" <<<"$2" || exit 1; done' _ "$work/genuine" "$genuine_ja"
expect "the page lists the CSV, XLSX, JSON and documents with their signatures" \
  bash -c 'for f in checklists/meti-cloud-sla/meti-cloud-sla.csv checklists/meti-cloud-sla/meti-cloud-sla.xlsx checklists/meti-cloud-sla/meti-cloud-sla.json documents/sla-summary.txt; do
             grep -q "href=\"$f\"" "$1" && grep -q "href=\"$f.minisig\"" "$1" || exit 1; done' _ "$work/genuine/verify.html"

# Runs a command as printed in DIR; `trustpage` is the binary under test.
run_in() {  # run_in DIR COMMAND
  (cd "$1" && eval "${2/#trustpage /\"\$TRUSTPAGE\" }") 2>&1
}
flat_folder() {  # flat_folder SITE FILES PAGE PREFIX -> a new folder with just those files
  local dir route
  dir=$(mktemp -d "$work/flat.XXXX")
  for route in $2; do
    cp "$1/$route" "$dir/" || return 1
    grep -q "href=\"$4$route\"" "$3" || { echo "the page does not link $route" >&2; return 1; }
  done
  echo "$dir"
}
printed_fingerprint() { grep -o 'SHA256:[A-Za-z0-9+/]*' <<<"$1" | head -n 1; }

# scenario NAME PAGE_SITE PREFIX FILES_SITE EXPECT: runs every command of PAGE_SITE's page
# against the files of FILES_SITE. EXPECT: genuine (all pass, step 1 prints the genuine
# fingerprint), tampered (the commands checking the PDF fail), attacker (the attacker's own
# page: its commands pass on its files, but step 1 prints another fingerprint), foreign (the
# genuine page on the attacker's files: every command checking a file fails).
scenario() {
  local name=$1 page="$2/${3}verify.html" prefix=$3 files=$4 mode=$5
  local up=""; [[ -n $prefix ]] && up="../"
  local where step list checks cmd dir out code
  while IFS=$sep read -r where step list checks cmd; do
    [[ -n $cmd ]] || continue
    local dirs=()
    case $where in
      any) dir=$(flat_folder "$files" "" "$page" "$up") && dirs=("$dir" "$files") ;;
      flat) dir=$(flat_folder "$files" "$list" "$page" "$up") && dirs=("$dir") ||
              { not_ok "$name: the page links the files of: $cmd"; continue; } ;;
      mirror) dirs=("$files") ;;
      *) not_ok "$name: data-where=\"$where\" is not any, flat or mirror: $cmd"; continue ;;
    esac
    for dir in "${dirs[@]}"; do
      out=$(run_in "$dir" "$cmd") && code=0 || code=$?
      local label="$name [$where${dir:+ $(basename "$dir")}]: $cmd"
      if [[ $step == pin ]]; then
        local fp; fp=$(printed_fingerprint "$out" || true)
        if [[ $mode == attacker ]]; then
          if [[ $code -eq 0 && $fp == "$attacker_fp" && $fp != "$genuine_fp" ]]; then ok "$label prints another fingerprint ($fp): step 1 stops the customer"
          else not_ok "$label (exit $code, printed ${fp:-nothing})"; echo "$out" | sed 's/^/    /' | head -5; fi
        else
          if [[ $code -eq 0 && $fp == "$genuine_fp" ]]; then ok "$label prints the genuine fingerprint"
          else not_ok "$label (exit $code, printed ${fp:-nothing}, expected $genuine_fp)"; echo "$out" | sed 's/^/    /' | head -5; fi
        fi
        continue
      fi
      local should=pass
      [[ $mode == foreign ]] && should=fail
      [[ $mode == tampered && ( $where == mirror || $checks == "$pdf" ) ]] && should=fail
      if [[ $should == pass && $code -eq 0 ]] || [[ $should == fail && $code -ne 0 ]]; then
        ok "$label ${should/%ss/sse}s"
      else
        not_ok "$label should $should (exit $code)"; echo "$out" | sed 's/^/    /' | tail -5
      fi
      if [[ $mode == genuine && $cmd == "minisign -Vm $(basename "$pdf") "* ]]; then
        expect "$name: minisign shows the file and its release in the trusted comment" \
          grep -q "Trusted comment: trustpage file $pdf release 1 " <<<"$out"
      fi
    done
  done < <(commands_of "$page")
}

serve "$work/genuine"
scenario "genuine ja" "$work/genuine" "" "$work/genuine" genuine
scenario "genuine en" "$work/genuine" "en/" "$work/genuine" genuine
scenario "tampered PDF ja" "$work/genuine" "" "$work/tampered" tampered
scenario "tampered PDF en" "$work/genuine" "en/" "$work/tampered" tampered

# The attacker controls the host: its own page and files agree with each other, so only
# step 1 (the fingerprint compared with the one from the contract) tells them apart...
serve "$work/attacker"
scenario "attacker's own page ja" "$work/attacker" "" "$work/attacker" attacker
scenario "attacker's own page en" "$work/attacker" "en/" "$work/attacker" attacker
# ...but the genuine page's commands (the key pinned in step 1) reject every attacker file.
scenario "genuine key on attacker files ja" "$work/genuine" "" "$work/attacker" foreign
scenario "genuine key on attacker files en" "$work/genuine" "en/" "$work/attacker" foreign

finish
