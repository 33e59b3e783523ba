#!/usr/bin/env bash
# Fresh machine to demo site: installs dependencies, builds trustpage, and publishes the
# committed content/ (HEAD) into public/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j2 --target trustpage
build/generator/cli/trustpage build --content content --out public
echo "open public/index.html in a browser, or run: build/generator/cli/trustpage serve"
