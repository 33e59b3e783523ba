#!/usr/bin/env bash
# Builds and runs the PDF benchmark: wall time and size for the demo checklist (49 items)
# and a synthetic 500-item checklist. Usage: bench/pdf/run.sh [BUILD_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build-bench}
# An existing build folder is reused as configured (its own build type); a new one is Release.
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j2 --target pdf_bench >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$build/bench/pdf_bench" "$repo/content"
