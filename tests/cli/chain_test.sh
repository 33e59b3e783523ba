#!/usr/bin/env bash
# The release chain as a vendor's CI meets it: each release continues from the site as
# deployed (over real HTTP on 127.0.0.1), a hostile host cannot get its files signed, no
# build starts a new chain unless told to, and a key rotates without customers seeing a fork.
source "$(dirname "$0")/lib.sh"
STATIC_SERVER=${STATIC_SERVER:?path to tp_static_server}

commit_all() {  # commit_all REPO DATE MESSAGE
  git -C "$1" add -A
  GIT_AUTHOR_DATE=$2 GIT_COMMITTER_DATE=$2 git -C "$1" -c user.name=Vendor \
    -c user.email=v@example.com -c commit.gpgsign=false commit -q -m "$3"
}
servers=()
stop_servers() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap stop_servers EXIT
serve() {  # serve ROOT [server options...]: starts a server, sets $port
  local root=$1; shift
  rm -f "$work/port"
  "$STATIC_SERVER" --root "$root" --port-file "$work/port" --seconds 240 "$@" 2>>"$work/server.log" &
  servers+=($!)
  for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.05; done
  port=$(cat "$work/port")
}
# fails_untouched DESCRIPTION PATTERN BUILD-ARGS...: the build fails naming PATTERN, writes nothing
fails_untouched() {
  local what=$1 pattern=$2 out code; shift 2
  rm -rf "$work/out" && mkdir -p "$work/out" && echo keep >"$work/out/index.html"
  out=$("$TRUSTPAGE" build -q --sign --key "$work/secret/demo.key" --content "$work/repo/content" \
    --out "$work/out" "$@" 2>&1) && code=0 || code=$?
  if [[ $code -ne 0 ]] && grep -q -- "$pattern" <<<"$out" && [[ "$(ls "$work/out")" == index.html ]] &&
     [[ "$(cat "$work/out/index.html")" == keep ]]; then
    ok "$what"
  else
    not_ok "$what (exit $code)"; echo "$out" | sed 's/^/    /'
  fi
}

"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$work/keys" >/dev/null
fingerprint=$(ssh-keygen -lf "$work/keys/demo.ssh.pub" | awk '{print $2}')
demo_repo "$work/repo"
deployed="$work/deployed"
mkdir -p "$deployed"
serve "$deployed"
url="http://127.0.0.1:$port/"

# No release anywhere: refused unless it is the first release.
fails_untouched "build --sign with no previous release and no --first-release fails, writing nothing" \
  "Pass --previous URL" --previous "$url"
fails_untouched "build --sign into an empty --out without --previous fails too" "--first-release"

"$TRUSTPAGE" build --sign --first-release --key "$work/secret/demo.key" --content "$work/repo/content" \
  --out "$work/r1" >"$work/r1.log" 2>&1
cp -r "$work/r1/." "$deployed/"
fails_untouched "--first-release over a site that holds a release is refused" \
  "holds release 1" --first-release --previous "$url"

# Release 2 from a fresh runner: nothing but the URL.
mkdir -p "$deployed/archive/9" "$deployed/archive/01"
echo '<script>alert(1)</script>' >"$deployed/archive/evil.html"
cp "$deployed/SHA256SUMS" "$deployed/archive/01/SHA256SUMS"
cp "$deployed/index.html" "$deployed/archive/9/index.html"
sed -i 's/^answer: .*/answer: 24時間365日（2026年11月改定）/' \
  "$work/repo/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
commit_all "$work/repo" 2026-11-01T10:00:00+09:00 "Revise service hours"
out=$("$TRUSTPAGE" build --sign --key "$work/secret/demo.key" --content "$work/repo/content" \
  --out "$work/r2" --previous "$url" 2>&1) && code=0 || code=$?
expect "a release continued from the deployed URL into an empty folder builds" test "$code" -eq 0
expect "it is release 2" grep -q '"sequence": 2,' "$work/r2/release.json"
r1_digest=$(sha256sum "$work/r1/SHA256SUMS" | cut -d' ' -f1)
expect "its previous_manifest_sha256 is the SHA-256 of release 1's SHA256SUMS" \
  grep -q "\"previous_manifest_sha256\": \"$r1_digest\"" "$work/r2/release.json"
expect "the build says what it signed: release 2, extending release 1 from the URL, expiry and key" \
  grep -q "signed release 2 (extends release 1 from $url), expires 2027-04-30, key $fingerprint" <<<"$out"
expect "files planted under the served archive/ are not in release 2" \
  bash -c 'test ! -e "$1/archive/evil.html" -a ! -e "$1/archive/9" -a ! -e "$1/archive/01" && ! grep -q -e evil -e "archive/9/" -e "archive/01/" "$1/SHA256SUMS"' _ "$work/r2"
expect "release 1's files are archived under archive/1/" \
  bash -c 'for f in SHA256SUMS SHA256SUMS.minisig SHA256SUMS.sig release.json; do cmp -s "$1/$f" "$2/archive/1/$f" || exit 1; done' _ "$work/r1" "$work/r2"
expect "release 2 verifies with the vendor's fingerprint" \
  "$TRUSTPAGE" verify "$work/r2" --fingerprint "$fingerprint"

# The same from a folder: the planted files are reported, not carried.
out=$("$TRUSTPAGE" build --sign --key "$work/secret/demo.key" --content "$work/repo/content" \
  --out "$work/r2dir" --previous "$deployed" 2>&1) && code=0 || code=$?
expect "from a folder, files under archive/ that no signed release lists are reported as dropped" \
  bash -c 'test "$1" -eq 0 && grep -q "archive/evil.html: warning: not listed by any signed release" <<<"$2" && test ! -e "$3/archive/evil.html"' _ "$code" "$out" "$work/r2dir"
expect "folder and URL give the same release, byte for byte" diff -r "$work/r2" "$work/r2dir"
rm -rf "$deployed/archive"
cp -r "$work/r2/." "$deployed/"

# One downloaded file against the live site: current, superseded, unknown.
pdf=checklists/meti-cloud-sla/meti-cloud-sla.pdf
mkdir -p "$work/downloads/r1" "$work/downloads/r2"
cp "$work/r1/$pdf" "$work/downloads/r1/" && cp "$work/r2/$pdf" "$work/downloads/r2/"
out=$("$TRUSTPAGE" verify "$work/downloads/r2/meti-cloud-sla.pdf" --site "$url" --fingerprint "$fingerprint") && code=0 || code=$?
expect "a release-2 PDF against the live site is genuine and current (exit 0)" \
  bash -c 'test "$1" -eq 0 && grep -q "genuine and current — checklists/meti-cloud-sla/meti-cloud-sla.pdf in release 2" <<<"$2"' _ "$code" "$out"
out=$("$TRUSTPAGE" verify "$work/downloads/r1/meti-cloud-sla.pdf" --site "$url" --fingerprint "$fingerprint") && code=0 || code=$?
expect "a release-1 PDF against the live release-2 site is superseded by release 2, with its date (exit 1)" \
  bash -c 'test "$1" -eq 1 && grep -q "genuine but superseded — .* in release 1 .*replaced by release 2 on 2026-11-01" <<<"$2"' _ "$code" "$out"
printf 'x' >>"$work/downloads/r2/meti-cloud-sla.pdf"
out=$("$TRUSTPAGE" verify "$work/downloads/r2/meti-cloud-sla.pdf" --site "$url" --fingerprint "$fingerprint") && code=0 || code=$?
expect "an altered PDF is not part of any release (exit 1)" \
  bash -c 'test "$1" -eq 1 && grep -q "not part of any release" <<<"$2"' _ "$code" "$out"
cp "$work/r1/SHA256SUMS" "$work/downloads/SHA256SUMS"
out=$("$TRUSTPAGE" verify "$work/downloads/SHA256SUMS" --site "$url" --fingerprint "$fingerprint") && code=0 || code=$?
expect "release 1's own SHA256SUMS is recognised as release 1's, superseded" \
  bash -c 'test "$1" -eq 1 && grep -q "SHA256SUMS: genuine but superseded — SHA256SUMS in release 1" <<<"$2"' _ "$code" "$out"
mkdir -p "$work/release-files"
for f in release.json SHA256SUMS SHA256SUMS.minisig SHA256SUMS.sig; do cp "$work/r2/$f" "$work/release-files/"; done
cp -r "$work/r2/archive" "$work/release-files/"
out=$("$TRUSTPAGE" verify "$work/downloads/r1/meti-cloud-sla.pdf" --bundle "$work/release-files" --fingerprint "$fingerprint") && code=0 || code=$?
expect "--bundle works with only the release files in the folder" \
  bash -c 'test "$1" -eq 1 && grep -q "superseded" <<<"$2" && ! grep -q missing <<<"$2"' _ "$code" "$out"
out=$("$TRUSTPAGE" verify "$url" --fingerprint "$fingerprint") && code=0 || code=$?
expect "verify URL checks the live site's release files" \
  bash -c 'test "$1" -eq 0 && grep -q "^verified: release 2" <<<"$2"' _ "$code" "$out"

# Bad previous releases: each a clear error naming what and where; --out untouched.
sed -i 's/^answer: .*/answer: 24時間365日（2026年12月改定）/' \
  "$work/repo/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
commit_all "$work/repo" 2026-12-01T10:00:00+09:00 "Revise service hours again"
fails_untouched "an unreachable URL" "127.0.0.1:1/" --previous "http://127.0.0.1:1/"
fails_untouched "plain http to another host is refused" "http://" --previous "http://trust.example.com/"
empty="$work/empty" && mkdir -p "$empty"
serve "$empty"
fails_untouched "a site with no release.json (404) starts no chain" "--first-release" --previous "http://127.0.0.1:$port/"
serve "$deployed" --redirect /release.json=http://localhost:1/release.json
fails_untouched "a redirect to another host is refused" "another host" --previous "http://127.0.0.1:$port/"
serve "$deployed" --endless /SHA256SUMS
fails_untouched "an oversized file is refused" "SHA256SUMS" --previous "http://127.0.0.1:$port/"
cp -r "$deployed" "$work/partial" && rm "$work/partial/release.json"
fails_untouched "partial release files (SHA256SUMS without release.json) are an error, not a fresh start" \
  "partial release: release.json is missing" --previous "$work/partial"
cp -r "$deployed" "$work/edited" && sed -i 's/"sequence": 2/"sequence": 1/' "$work/edited/release.json"
fails_untouched "a release.json edited after signing is refused" \
  "release.json: content differs from SHA256SUMS" --previous "$work/edited"
cp -r "$deployed" "$work/badarchive" && printf 'x' >>"$work/badarchive/archive/1/release.json"
fails_untouched "an archived file that does not match its manifest is refused" \
  "archive/1/release.json: content differs" --previous "$work/badarchive"
"$TRUSTPAGE" keygen --name other --private "$work/secret/other.key" --keys "$work/otherkeys" >/dev/null
rm -rf "$work/forged" && cp -r "$work/repo" "$work/forged-repo"
"$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/other.key" \
  --content "$work/forged-repo/content" --out "$work/forged"
fails_untouched "a previous release signed by another key is refused" \
  "does not verify with this key" --previous "$work/forged"

# Key rotation: the old key signs the release that names the new one.
"$TRUSTPAGE" keygen --name new --private "$work/secret/new.key" --keys "$work/newkeys" >/dev/null
new_fingerprint=$(ssh-keygen -lf "$work/newkeys/new.ssh.pub" | awk '{print $2}')
out=$("$TRUSTPAGE" build -q --sign --key "$work/secret/new.key" --content "$work/repo/content" \
  --out "$work/r3" --previous "$url" 2>&1) && code=0 || code=$?
expect "a new key without --rotate-from is refused, naming --rotate-from" \
  bash -c 'test "$1" -eq 1 && grep -q -- "--rotate-from" <<<"$2" && test ! -e "$3"' _ "$code" "$out" "$work/r3"
state="$work/seen.json"
"$TRUSTPAGE" verify "$deployed" --fingerprint "$fingerprint" --state "$state" >/dev/null
out=$("$TRUSTPAGE" build --sign --key "$work/secret/new.key" --rotate-from "$work/secret/demo.key" \
  --content "$work/repo/content" --out "$work/r3" --previous "$url" 2>&1) && code=0 || code=$?
expect "build --rotate-from publishes release 3 naming both keys" \
  bash -c 'test "$1" -eq 0 && grep -q "\"rotated_from\": \"$2\"" "$3/release.json" && grep -q "\"key_fingerprint\": \"$4\"" "$3/release.json" && test -s "$3/SHA256SUMS.rotation.sig"' \
  _ "$code" "$fingerprint" "$work/r3" "$new_fingerprint"
expect "the rotation release is signed by the old key too (ssh-keygen -Y verify with the old key)" \
  bash -c 'ssh-keygen -Y verify -f "$1/allowed_signers" -I demo -n trustpage -s "$2/SHA256SUMS.rotation.sig" <"$2/SHA256SUMS" >/dev/null 2>&1' _ "$work/keys" "$work/r3"
out=$("$TRUSTPAGE" verify "$work/r3" --fingerprint "$fingerprint") && code=0 || code=$?
expect "verify pinned to the old key follows the rotation" \
  bash -c 'test "$1" -eq 0 && grep -q "rotates the key from $2 to $3, signed by both" <<<"$4"' _ "$code" "$fingerprint" "$new_fingerprint" "$out"
expect "a --state that saw the old key follows the rotation and then expects the new key" \
  bash -c '"$1" verify "$2" --state "$3" >/dev/null && grep -q "$4" "$3"' _ "$TRUSTPAGE" "$work/r3" "$state" "$new_fingerprint"
cp -r "$work/r3/." "$deployed/"
sed -i 's/^answer: .*/answer: 24時間365日（2027年1月改定）/' \
  "$work/repo/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
commit_all "$work/repo" 2027-01-05T10:00:00+09:00 "Revise service hours in the new year"
"$TRUSTPAGE" build -q --sign --key "$work/secret/new.key" --content "$work/repo/content" \
  --out "$work/r4" --previous "$url" && code=0 || code=$?
expect "the next release continues with the new key alone" \
  bash -c 'test "$1" -eq 0 && "$2" verify "$3" --state "$4" >/dev/null && "$2" verify "$3" --fingerprint "$5" >/dev/null' \
  _ "$code" "$TRUSTPAGE" "$work/r4" "$state" "$fingerprint"
out=$("$TRUSTPAGE" build -q --sign --key "$work/secret/demo.key" --content "$work/repo/content" \
  --out "$work/r4old" --previous "$url" 2>&1) && code=0 || code=$?
expect "the old key can no longer continue the chain" \
  bash -c 'test "$1" -eq 1 && grep -q "is signed by .*, not by this key" <<<"$2"' _ "$code" "$out"

finish
