#!/usr/bin/env bash
# Signed releases, checked by trustpage verify and by the stock tools a customer has:
# sha256sum, minisign and ssh-keygen. Then every kind of tampering, and key safety.
source "$(dirname "$0")/lib.sh"

commit_all() {  # commit_all REPO DATE MESSAGE
  git -C "$1" add -A
  GIT_AUTHOR_DATE=$2 GIT_COMMITTER_DATE=$2 git -C "$1" -c user.name=Vendor \
    -c user.email=v@example.com -c commit.gpgsign=false commit -q -m "$3"
}
verify_fails_with() {  # verify_fails_with DESCRIPTION DIR PATTERN
  local out code
  out=$("$TRUSTPAGE" verify "$2" --key "$keys/demo.pub.pem" 2>&1) && code=0 || code=$?
  if [[ $code -eq 1 ]] && grep -q -- "$3" <<<"$out"; then ok "$1"; else not_ok "$1 (exit $code)"; echo "$out" | sed 's/^/    /'; fi
}

keys="$work/keys"
"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$keys" >"$work/keygen.out"
expect "keygen writes the private key with mode 0600" test "$(stat -c %a "$work/secret/demo.key")" = 600
expect "keygen writes the public key in three formats and allowed_signers" \
  test -s "$keys/demo.pub.pem" -a -s "$keys/demo.minisign.pub" -a -s "$keys/demo.ssh.pub" -a -s "$keys/allowed_signers"
fingerprint=$(ssh-keygen -lf "$keys/demo.ssh.pub" | awk '{print $2}')
expect "the fingerprint is the one ssh-keygen prints" grep -q "fingerprint: $fingerprint" "$work/keygen.out"

demo_repo "$work/repo"
site="$work/repo/public"
out=$("$TRUSTPAGE" keygen --name leak --private "$work/repo/leak.key" --keys "$work/leakkeys" 2>&1) && code=0 || code=$?
expect "keygen refuses to put the private key inside a git repository" \
  bash -c 'test "$1" -eq 1 && grep -q "inside the git repository" <<<"$2" && test ! -e "$3"' _ "$code" "$out" "$work/repo/leak.key"
"$TRUSTPAGE" build --sign --key "$work/secret/demo.key" --first-release --content "$work/repo/content" --out "$site" >"$work/build.log" 2>&1
expect "every page shows the key's fingerprint" grep -q "$fingerprint" "$site/checklists/meti-cloud-sla/index.html"
expect "trustpage verify accepts the signed site" "$TRUSTPAGE" verify "$site" --key "$keys/demo.pub.pem"
expect "trustpage verify accepts the fingerprint instead of the key" \
  "$TRUSTPAGE" verify "$site" --fingerprint "$fingerprint"
out=$("$TRUSTPAGE" verify "$site") && code=0 || code=$?
expect "without a trust anchor, verify is NOT VERIFIED (exit 1) and says how to get one" \
  bash -c 'test "$1" -eq 1 && grep -q "^NOT VERIFIED" <<<"$2" && grep -q -- "--fingerprint SHA256:" <<<"$2"' _ "$code" "$out"
expect "the build says which release it signed and that it starts a new chain" \
  grep -q "signed release 1, the first of a new chain (--first-release), expires .*, key $fingerprint" "$work/build.log"
expect "sha256sum -c accepts SHA256SUMS" bash -c 'cd "$1" && sha256sum --quiet -c SHA256SUMS' _ "$site"
out=$(minisign -Vm "$site/SHA256SUMS" -x "$site/SHA256SUMS.minisig" -p "$keys/demo.minisign.pub" 2>&1)
expect "minisign -V accepts SHA256SUMS.minisig and shows the release" \
  bash -c 'grep -q "Trusted comment: trustpage release 1 commit" <<<"$1"' _ "$out"
expect "ssh-keygen -Y verify accepts SHA256SUMS.sig with allowed_signers" \
  bash -c 'ssh-keygen -Y verify -f "$1/allowed_signers" -I demo -n trustpage -s "$2/SHA256SUMS.sig" <"$2/SHA256SUMS" >/dev/null 2>&1' _ "$keys" "$site"

# Key safety: the private key appears nowhere in the output.
secret_b64=$(grep -v -- ----- "$work/secret/demo.key" | tr -d '\n')
expect "the private key appears in no published file" bash -c '! grep -rqF -e "PRIVATE KEY" -e "${1:0:40}" "$2"' _ "$secret_b64" "$site"
expect "the private key appears in no log (build, keygen)" \
  bash -c '! grep -qF -e "PRIVATE KEY" -e "${1:0:40}" "$2" "$3"' _ "$secret_b64" "$work/build.log" "$work/keygen.out"
cp "$work/secret/demo.key" "$work/secret/loose.key" && chmod 644 "$work/secret/loose.key"
out=$("$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/loose.key" --content "$work/repo/content" --out "$work/loose" 2>&1) && code=0 || code=$?
expect "a key file readable by others is refused, naming chmod 600" \
  bash -c 'test "$1" -eq 1 && grep -q "chmod 600" <<<"$2" && ! grep -q "PRIVATE" <<<"$2"' _ "$code" "$out"
TRUSTPAGE_KEY_PASSPHRASE=correct-horse "$TRUSTPAGE" keygen --name enc --private "$work/secret/enc.key" --keys "$work/enckeys" >/dev/null
out=$("$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/enc.key" --content "$work/repo/content" --out "$work/enc" 2>&1) && code=0 || code=$?
expect "an encrypted key without its passphrase fails clearly" bash -c 'test "$1" -eq 1 && grep -qi "passphrase" <<<"$2"' _ "$code" "$out"
TRUSTPAGE_KEY_PASSPHRASE=correct-horse "$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/enc.key" --content "$work/repo/content" --out "$work/enc" && code=0 || code=$?
expect "an encrypted key works with its passphrase" test "$code" -eq 0
TRUSTPAGE_SIGNING_KEY=$(cat "$work/secret/demo.key") "$TRUSTPAGE" build -q --sign --first-release --content "$work/repo/content" --out "$work/envkey" && code=0 || code=$?
expect "the key can come from \$TRUSTPAGE_SIGNING_KEY (CI secrets)" bash -c 'test "$1" -eq 0 && cmp -s "$2/SHA256SUMS.sig" "$3/SHA256SUMS.sig"' _ "$code" "$work/envkey" "$site"

cp -r "$site" "$work/release1"

# The release chain: a new commit is release 2, release 1 is archived; the same commit again
# is the same release, byte for byte.
sed -i 's/^answer: .*/answer: 24時間365日（2026年11月改定）/' "$work/repo/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
commit_all "$work/repo" 2026-11-01T10:00:00+09:00 "Revise service hours"
"$TRUSTPAGE" build -q --sign --key "$work/secret/demo.key" --content "$work/repo/content" --out "$site"
expect "a new commit is release 2" grep -q '"sequence": 2' "$site/release.json"
expect "release 1 is archived with its signatures" test -s "$site/archive/1/SHA256SUMS.minisig" -a -s "$site/archive/1/release.json"
expect "the chain verifies" "$TRUSTPAGE" verify "$site" --key "$keys/demo.pub.pem"
expect "sha256sum -c covers the archive too" bash -c 'cd "$1" && sha256sum --quiet -c SHA256SUMS' _ "$site"
cp -r "$site" "$work/release2"
"$TRUSTPAGE" build -q --sign --key "$work/secret/demo.key" --content "$work/repo/content" --out "$site"
expect "publishing the same commit again gives the same release, byte for byte" diff -r "$work/release2" "$site"

# One downloaded file, checked against the site as published now.
item=checklists/meti-cloud-sla/items/meti-01-service-hours.html
out=$("$TRUSTPAGE" verify "$site/$item" --bundle "$site" --key "$keys/demo.pub.pem") && code=0 || code=$?
expect "a current file is genuine and current" \
  bash -c 'test "$1" -eq 0 && grep -q "genuine and current — $2 in release 2" <<<"$3"' _ "$code" "$item" "$out"
out=$("$TRUSTPAGE" verify "$work/release1/$item" --bundle "$site" --key "$keys/demo.pub.pem") && code=0 || code=$?
expect "a file downloaded from release 1 is genuine but superseded by release 2, with its date" \
  bash -c 'test "$1" -eq 1 && grep -q "genuine but superseded — $2 in release 1 .*replaced by release 2 on 2026-11-01" <<<"$3"' _ "$code" "$item" "$out"
cp "$site/$item" "$work/edited.html" && printf ' ' >>"$work/edited.html"
out=$("$TRUSTPAGE" verify "$work/edited.html" --bundle "$site" --key "$keys/demo.pub.pem") && code=0 || code=$?
expect "an altered file is not part of any release" \
  bash -c 'test "$1" -eq 1 && grep -q "not part of any release" <<<"$2"' _ "$code" "$out"

# --state remembers the newest release seen: a replayed older release (rollback) and another
# release under a number already seen (fork) are rejected though their signatures are valid.
state="$work/seen.json"
expect "--state accepts release 1, then release 2" bash -c '
  "$1" verify "$2" --key "$4" --state "$5" >/dev/null && "$1" verify "$3" --key "$4" --state "$5" >/dev/null' \
  _ "$TRUSTPAGE" "$work/release1" "$work/release2" "$keys/demo.pub.pem" "$state"
out=$("$TRUSTPAGE" verify "$work/release1" --key "$keys/demo.pub.pem" --state "$state") && code=0 || code=$?
expect "--state rejects a rollback to release 1" bash -c 'test "$1" -eq 1 && grep -q "rollback" <<<"$2"' _ "$code" "$out"
git clone -q "$work/repo" "$work/fork" && git -C "$work/fork" reset -q --hard HEAD~1
sed -i 's/^answer: .*/answer: 別の改定/' "$work/fork/content/checklists/meti-cloud-sla/application-operations/01-service-hours.md"
commit_all "$work/fork" 2026-11-02T10:00:00+09:00 "A different release 2"
"$TRUSTPAGE" build -q --sign --key "$work/secret/demo.key" --previous "$work/release1" --content "$work/fork/content" --out "$work/fork-site"
expect "the forked release verifies on its own" "$TRUSTPAGE" verify "$work/fork-site" --key "$keys/demo.pub.pem"
cp "$state" "$work/seen.before"
out=$("$TRUSTPAGE" verify "$work/fork-site" --key "$keys/demo.pub.pem" --state "$state") && code=0 || code=$?
expect "--state rejects a fork (another release 2)" bash -c 'test "$1" -eq 1 && grep -q "fork" <<<"$2"' _ "$code" "$out"
expect "a rejected bundle leaves the state file as it was" cmp -s "$state" "$work/seen.before"

# Tampering: each case is caught, and the message names what is wrong.
tamper() { rm -rf "$work/t" && cp -r "$work/release2" "$work/t"; }
tamper; printf 'x' >>"$work/t/checklists/meti-cloud-sla/index.html"
verify_fails_with "one byte added to a page" "$work/t" "checklists/meti-cloud-sla/index.html: content differs"
tamper; sed -i 's/"sequence": 2/"sequence": 3/' "$work/t/release.json"
verify_fails_with "release.json edited" "$work/t" "release.json: content differs"
tamper; printf 'x' >>"$work/t/archive/1/release.json"
verify_fails_with "an archived file edited" "$work/t" "archive/1/release.json: content differs"
tamper; echo "<p>extra</p>" >"$work/t/extra.html"
verify_fails_with "a file added" "$work/t" "extra.html: not listed"
tamper; rm "$work/t/pages/overview.html"
verify_fails_with "a file deleted" "$work/t" "pages/overview.html: listed in SHA256SUMS but missing"
tamper; for f in SHA256SUMS SHA256SUMS.minisig SHA256SUMS.sig; do cp "$work/t/archive/1/$f" "$work/t/$f"; done
verify_fails_with "the manifest replaced by the older release's" "$work/t" "not listed in SHA256SUMS"
tamper; sed -i '3s/release 2/release 9/' "$work/t/SHA256SUMS.minisig"
verify_fails_with "the minisign trusted comment edited" "$work/t" "SHA256SUMS.minisig: .*trusted comment"
tamper; head -c 100 "$work/release2/SHA256SUMS.sig" >"$work/t/SHA256SUMS.sig"
verify_fails_with "a truncated SSHSIG signature" "$work/t" "SHA256SUMS.sig:"
tamper
"$TRUSTPAGE" keygen --name other --private "$work/secret/other.key" --keys "$work/otherkeys" >/dev/null
rm -rf "$work/other" && cp -r "$work/repo" "$work/other" && rm -rf "$work/other/public"
"$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/other.key" --content "$work/other/content" --out "$work/other/public"
verify_fails_with "a site signed by another key" "$work/other/public" "another key"
out=$("$TRUSTPAGE" build -q --sign --key "$work/secret/other.key" --content "$work/repo/content" --out "$site" 2>&1) && code=0 || code=$?
expect "continuing a chain with another key is refused" bash -c 'test "$1" -eq 1 && grep -q "does not verify with this key" <<<"$2"' _ "$code" "$out"
rm -rf "$work/old" && cp -r "$work/repo" "$work/old" && rm -rf "$work/old/public"
"$TRUSTPAGE" build -q --sign --first-release --expires-after 1 --key "$work/secret/demo.key" --content "$work/old/content" --out "$work/old/public"
verify_fails_with "an expired release" "$work/old/public" "expired on"
"$TRUSTPAGE" verify "$work/nowhere" --key "$keys/demo.pub.pem" >/dev/null 2>&1 && code=0 || code=$?
expect "verify exits 2 when it cannot run" test "$code" -eq 2

finish
