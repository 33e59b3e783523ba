#!/usr/bin/env bash
# Fresh machine to demo site: installs dependencies, builds trustpage, publishes the
# committed content/ (HEAD) into public/, signed with a throwaway demo key, and verifies it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j2 --target trustpage
trustpage=build/generator/cli/trustpage

# The demo key lives outside the repository and is never committed; keeping it between
# runs lets each new commit become the next release of the demo's chain.
demo_keys=${XDG_CACHE_HOME:-$HOME/.cache}/trustpage-demo
if [[ ! -f "$demo_keys/demo.key" ]]; then
  "$trustpage" keygen --name demo --private "$demo_keys/demo.key" --keys "$demo_keys/keys"
fi
# A public/ signed by some other key cannot continue its chain with this one: start over.
if [[ -f public/release.json ]] && ! "$trustpage" verify public --key "$demo_keys/keys/demo.pub.pem" >/dev/null; then
  rm -rf public
fi
# The demo's first build starts its chain; every later one continues it from public/.
first=()
[[ -f public/release.json ]] || first=(--first-release)
"$trustpage" build --sign --key "$demo_keys/demo.key" "${first[@]}" --content content --out public
"$trustpage" verify public --key "$demo_keys/keys/demo.pub.pem"
echo "open public/index.html in a browser, or preview edits with: $trustpage serve"
