#!/usr/bin/env bash
# Fresh machine to green suite: installs dependencies (with chromium and playwright-core),
# builds everything, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
