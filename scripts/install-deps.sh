#!/usr/bin/env bash
# Installs what trustpage needs on Debian 12 (root or sudo). Safe to run again: only
# missing packages are installed. --test adds what the test suite uses.
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config git ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev libpugixml-dev libyaml-cpp-dev
  libcli11-dev libcpp-httplib-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev
  libxlsxwriter-dev libzip-dev
  libunistring-dev libcairo2-dev libpango1.0-dev
  # The PDF checklist's fonts (the theme's pdf_font), embedded as subsets.
  fonts-ipaexfont-gothic fonts-noto-cjk fonts-dejavu-core
)
test_packages=(catch2 chromium curl iproute2 minisign openssh-client nodejs npm unzip poppler-utils
  qpdf libxml2-utils util-linux
  # tests/cli/answer_test.sh: a second XLSX reader checks a filled workbook's formatting.
  python3-openpyxl
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizers runtime.
  clang-14 libclang-rt-14-dev)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then packages+=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  # node/npm may come from outside Debian (e.g. NodeSource); accept any working one.
  if [[ "$p" == nodejs ]] && command -v node >/dev/null; then continue; fi
  if [[ "$p" == npm ]] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "${1:-}" == "--test" ]]; then
  # tests/browser/package.json pins playwright-core 1.56.1, which still supports Node 18:
  # Debian 12's own nodejs (18) runs the browser tests, and so does a newer Node
  # (NodeSource's 20, say).
  if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
    echo "error: the browser tests need Node.js 18 or newer (found $(node --version))." >&2
    echo "Install Debian's nodejs package (apt-get install nodejs npm), then run this again." >&2
    exit 1
  fi
  # playwright-core drives Debian's chromium; it never downloads a browser.
  (cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
