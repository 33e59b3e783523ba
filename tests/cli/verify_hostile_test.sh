#!/usr/bin/env bash
# verify against hostile bundles: whatever an attacker puts on the web host or in a file
# name, the customer gets FAILED lines and NOT VERIFIED (exit 1) — never a library's
# exception, a raw terminal escape, a hang, or memory that grows with a file's size.
source "$(dirname "$0")/lib.sh"

"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$work/keys" >/dev/null
fingerprint=$(ssh-keygen -lf "$work/keys/demo.ssh.pub" | awk '{print $2}')
demo_repo "$work/repo"
site="$work/site"
"$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/demo.key" \
  --content "$work/repo/content" --out "$site" 2>/dev/null
fresh() { rm -rf "$work/t" && cp -r "$site" "$work/t"; }
run_verify() {  # run_verify ARGS...: sets $out and $code
  out=$(timeout 60 "$TRUSTPAGE" verify "$@" 2>&1) && code=0 || code=$?
}
# not_verified DESCRIPTION PATTERN: exit 1, a FAILED line matching PATTERN, NOT VERIFIED,
# and nothing from a library (json.exception, what():) reached the output
not_verified() {
  if [[ $code -eq 1 ]] && grep -q -- "^FAILED  .*$2" <<<"$out" && grep -q "^NOT VERIFIED" <<<"$out" &&
     ! grep -qi -e "exception" -e "what()" <<<"$out"; then
    ok "$1"
  else
    not_ok "$1 (exit $code)"; echo "$out" | sed 's/^/    /'
  fi
}

run_verify "$site"
not_verified "no trust anchor: NOT VERIFIED, saying how to get the fingerprint" "no trust anchor"
run_verify "$site" --fingerprint "$fingerprint"
expect "the genuine site verifies with the fingerprint" test "$code" -eq 0

fresh; sed -i 's/"format": "trustpage-release-1"/"format": 1/' "$work/t/release.json"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified '"format": 1 in release.json is a FAILED line, not a JSON exception' "release.json: .*format"
fresh; sed -i 's/"expires": "[^"]*"/"expires": "9"/' "$work/t/release.json"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified '"expires": "9" is not a date' 'release.json: .*"expires"'
expect '... and is never shown as "valid until 9"' bash -c '! grep -q "valid until 9" <<<"$1"' _ "$out"
fresh; sed -i 's/"sequence": 1/"sequence": 99999999999/' "$work/t/release.json"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "an out-of-range sequence number" 'release.json: .*"sequence"'
fresh; printf '[1,2' >"$work/t/release.json"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "release.json that is not JSON" "release.json: .*not valid JSON"

fresh; evil=$'\e[2K\r\e[32mverified: release 9 of everything\e[0m'
echo x >"$work/t/$evil"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "a file name with terminal escapes is a FAILED line" "not listed in SHA256SUMS"
expect "... printed escaped: no raw escape or carriage return reaches the terminal" \
  bash -c '! grep -q $'"'"'[\x1b\r]'"'"' <<<"$1" && grep -qF "\\x1b[2K\\x0d\\x1b[32mverified: release 9" <<<"$1"' _ "$out"

fresh; rm "$work/t/pages/overview.html" && ln -s /etc/passwd "$work/t/pages/overview.html"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "a symlink in the bundle is a FAILED line (exit 1)" "pages/overview.html: is a symbolic link"
fresh; rm "$work/t/pages/overview.html" && mkfifo "$work/t/pages/overview.html"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "a FIFO in the bundle is a FAILED line (exit 1), without hanging" "pages/overview.html: is a FIFO"
fresh; rm "$work/t/release.json" && ln -s "$site/release.json" "$work/t/release.json"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "a symlinked release.json is refused, not followed" "release.json: is a symbolic link"
fresh; truncate -s 70M "$work/t/SHA256SUMS.sig"
run_verify "$work/t" --fingerprint "$fingerprint"
not_verified "an oversized signature file is refused, not read" "SHA256SUMS.sig: is larger than"

# A 3 GB file is hashed in blocks: it verifies (as unknown) in 1 GB of address space.
truncate -s 3G "$work/big.pdf"
out=$(ulimit -v 1048576 && timeout 120 "$TRUSTPAGE" verify "$work/big.pdf" --bundle "$site" \
  --fingerprint "$fingerprint" 2>&1) && code=0 || code=$?
expect "a 3 GB file is checked under ulimit -v 1 GB: not part of any release, exit 1" \
  bash -c 'test "$1" -eq 1 && grep -q "big.pdf: not part of any release" <<<"$2"' _ "$code" "$out"

# The state file and the command line.
echo '{"format": "trustpage-seen-1", "sequence": "2"}' >"$work/state.json"
run_verify "$site" --state "$work/state.json"
expect "a malformed state file is exit 2, naming it" \
  bash -c 'test "$1" -eq 2 && grep -q "state.json is not a trustpage state file" <<<"$2"' _ "$code" "$out"
run_verify "$site" --state "$work/new-state.json"
not_verified "the first use of --state needs --key or --fingerprint" "no trust anchor"
run_verify "$site" --state "$work/new-state.json" --fingerprint "$fingerprint"
expect "--state with --fingerprint records the anchor; the next run needs none" \
  bash -c 'test "$1" -eq 0 && "$2" verify "$3" --state "$4" >/dev/null' _ "$code" "$TRUSTPAGE" "$site" "$work/new-state.json"
run_verify "$site/index.html" --bundle "$work/nowhere" --fingerprint "$fingerprint"
expect "--bundle given a missing folder says so (exit 2)" \
  bash -c 'test "$1" -eq 2 && grep -q "^error: .*nowhere: no such folder" <<<"$2" && ! grep -q "error: error:" <<<"$2"' _ "$code" "$out"
run_verify "$site" --fingerprint "SHA256:not-a-fingerprint"
expect "a malformed --fingerprint is exit 2, saying what one looks like" \
  bash -c 'test "$1" -eq 2 && grep -q "not a key fingerprint" <<<"$2"' _ "$code" "$out"
run_verify "$work/nothing.pdf" --site "$site" --fingerprint "$fingerprint"
expect "a file that does not exist is exit 2" bash -c 'test "$1" -eq 2 && grep -q "no such file" <<<"$2"' _ "$code" "$out"

finish
