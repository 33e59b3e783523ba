#!/usr/bin/env bash
# libFuzzer over the parsers of untrusted input (fuzz/): what a hostile web host feeds the
# verifier, and what a vendor's repository and sheets feed build, history and import; under
# ASan and UBSan, in a clang build tree of its own (build-fuzz/).
#   scripts/fuzz.sh --smoke      every target for 15 s (CI: twelve targets, about 3 minutes)
#   scripts/fuzz.sh --long [S]   every target for S seconds (default 1800)
# Seeds are fuzz/corpus/<target>/; what a run finds is kept in build-fuzz/corpus/<target>/,
# and a crash is written to build-fuzz/crash-<target>-*: make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=15
case "${1:---smoke}" in
  --smoke) ;;
  --long) seconds=${2:-1800} ;;
  *) echo "usage: scripts/fuzz.sh --smoke | --long [SECONDS]" >&2; exit 2 ;;
esac
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DTRUSTPAGE_FUZZ=ON "-DCMAKE_CXX_FLAGS=$flags" >/dev/null
targets=(release_record manifest envelopes verify_release item yaml markdown template sheet xlsx
  allowed_signers item_fields)
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "# fuzz_$t for ${seconds}s"
  if ! build-fuzz/fuzz/fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="build-fuzz/crash-$t-" \
      "build-fuzz/corpus/$t" "fuzz/corpus/$t" 2>"build-fuzz/$t.log"; then
    status=1
    tail -40 "build-fuzz/$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build-fuzz/$t.log" | sed "s/^/  /"
done
exit $status
