#!/usr/bin/env bash
# History benchmark: `trustpage build` (HTML, item histories mined from git) against
# `hugo --enableGitInfo` on the same pages, on two synthetic repositories:
#   small: 1,000 items in 10 sections x 10,000 commits
#   large: 10,000 items in 100 sections x 10,000 commits
# (--quick: 200 items / 10 sections and 500 items / 50 sections, x 1,000 commits).
#
# For each repository and tool: a cold build (trustpage: no history cache, no output;
# hugo: fresh --destination and --cacheDir), then the same build again after one new commit
# changing one item (trustpage: the cache from the cold build; hugo: same destination and
# cache). Wall time and peak RSS come from /usr/bin/time -v; each figure is the median of
# --runs runs (default 3; --runs-large for the large repository, default the same).
# Two extra trustpage figures (last run only) separate history mining from the rest:
# --no-history-cache (everything mined, nothing cached) and a rebuild of the same commit with
# a warm cache (no commit to mine: walk, render, write).
#
# The repositories stay in $WORK/repos and are reused while make_repo.py and the sizes match.
#
# Every measured command runs under `ulimit -v` of --mem-limit MB (default 6144) so that a
# build that grows without bound fails by itself; such a run is reported as FAIL (a MISS).
#
# Usage: bench/history/run.sh [--quick] [--runs N] [--runs-large N] [--mem-limit MB]
#        bench/history/run.sh --report-only   print the table of the last run again
# Env:   TRUSTPAGE=/path/to/trustpage  use that binary instead of building one
#        WORK=/tmp/tp-bench            where repositories, builds and outputs go
# Needs root (or sudo) only to install missing packages (hugo, time, the build packages).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WORK=${WORK:-/tmp/tp-bench}
quick=0
runs=3
runs_large=""
mem_limit=6144
report_only=0
while (($#)); do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --runs-large) runs_large=$2; shift ;;
    --mem-limit) mem_limit=$2; shift ;;
    --report-only) report_only=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
runs_large=${runs_large:-$runs}
mkdir -p "$WORK"

if ((!report_only)); then
# --- tools -----------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v git >/dev/null || missing+=(git)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- trustpage: a Release build of the committed HEAD, from a clean clone ---------------
if [[ -n "${TRUSTPAGE:-}" ]]; then
  tp=$(realpath "$TRUSTPAGE")
  tp_from="given binary $tp"
else
  head=$(git -C "$root" rev-parse HEAD)
  tp="$WORK/build/generator/cli/trustpage"
  if [[ -x "$tp" && "$(cat "$WORK/build/.bench-commit" 2>/dev/null)" == "$head" ]]; then
    echo "reusing the Release build of $head in $WORK/build"
  else
    echo "building trustpage (Release) from a clean clone of $head ..."
    rm -rf "$WORK/src" "$WORK/build"
    git clone -q "$root" "$WORK/src"
    git -C "$WORK/src" checkout -q "$head"
    "$WORK/src/scripts/install-deps.sh"
    cmake -S "$WORK/src" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
      >"$WORK/build.log" 2>&1
    cmake --build "$WORK/build" -j2 --target trustpage >>"$WORK/build.log" 2>&1 ||
      { tail -30 "$WORK/build.log"; exit 1; }
    echo "$head" >"$WORK/build/.bench-commit"
  fi
  tp_from="Release build of $(git -C "$root" rev-parse --short HEAD)"
fi
"$tp" --version >/dev/null

fi

# --- measuring ---------------------------------------------------------------------------
# measure NAME CMD...: runs CMD under /usr/bin/time -v, appends "NAME seconds kB" to $raw.
# The command runs under `ulimit -v` (--mem-limit): on a shared machine a runaway build must
# fail on its own rather than wake the OOM killer. A failed run is recorded as "NAME FAIL"
# and measure returns 1.
measure() {
  local name=$1 t="$WORK/time.txt" log="$WORK/cmd.log"
  shift
  if ! (ulimit -v $((mem_limit * 1024)); exec /usr/bin/time -v -o "$t" "$@") >"$log" 2>&1; then
    echo "    $name FAILED (exit status in $t; memory limit ${mem_limit} MB): $(grep -v '^Command' "$log" | tail -1)"
    echo "$name FAIL 0" >>"$raw"
    return 1
  fi
  awk -v name="$name" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%s %.2f %d\n", name, s, kb }' "$t" | tee -a "$raw" | sed 's/^/    /'
}

# median NAME: median seconds of NAME's runs; peak NAME...: the largest RSS (MB) among them.
median() {
  if grep -q "^$1 FAIL" "$raw" && ! grep -q "^$1 [0-9]" "$raw"; then echo "FAIL"; return; fi
  awk -v name="$1" '$1 == name && $2 != "FAIL" { print $2 }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
                              else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak() {
  local names=" $* "
  awk -v names="$names" 'index(names, " " $1 " ") { if ($3 > m) m = $3 } END { printf "%.0f\n", m / 1024 }' "$raw"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.2f\n", a / b; else print "-" }'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { print (v ~ /^[0-9.]+$/ && v + 0 <= max) ? "PASS" : "MISS" }'; }

bench_repo() {
  local label=$1 items=$2 sections=$3 commits=$4 n=$5
  local dir="$WORK/repos/$label-${items}x${commits}"
  local stamp
  stamp="$(sha1sum "$here/make_repo.py" | cut -c1-12) $items $sections $commits"
  if [[ ! -f "$dir/.stamp" || "$(cat "$dir/.stamp")" != "$stamp" ]]; then
    rm -rf "$dir"
    local t0=$SECONDS
    python3 "$here/make_repo.py" --items "$items" --sections "$sections" --commits "$commits" \
      --seed 1 --out "$dir"
    echo "$stamp" >"$dir/.stamp"
    echo "  generated $dir in $((SECONDS - t0)) s"
  fi
  local tprepo="$dir/trustpage" hugorepo="$dir/hugo"
  local tpout="$WORK/out/$label-trustpage" hout="$WORK/out/$label-hugo" hcache="$WORK/out/$label-hugo-cache"
  mkdir -p "$WORK/out"
  # HTML only, as hugo: no PDF, CSV, XLSX or JSON downloads.
  local tpbuild=("$tp" build --html-only --content "$tprepo/content" --out "$tpout" -q)
  local hugobuild=(hugo --source "$hugorepo" --destination "$hout" --cacheDir "$hcache"
                   --enableGitInfo --noBuildLock --quiet)
  echo "  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local trustpage_failed=0
  for ((r = 1; r <= n; r++)); do
    echo "  run $r/$n"
    git -C "$tprepo" reset -q --hard base
    rm -rf "$tprepo/.git/trustpage" "$tpout"
    if ((trustpage_failed)); then
      echo "    trustpage: not run again (failed in run 1)"
    elif measure "$label.tp.cold" "${tpbuild[@]}"; then
      git -C "$tprepo" reset -q --hard extra
      measure "$label.tp.after" "${tpbuild[@]}" || true
      if ((r == n)); then
        # phases (last run only): the same commit again, every commit cached (walk, render,
        # write), and everything mined again without the cache
        measure "$label.tp.again" "${tpbuild[@]}" || true
        measure "$label.tp.nocache" "${tpbuild[@]}" --no-history-cache || true
      fi
    else
      trustpage_failed=1
    fi

    git -C "$hugorepo" reset -q --hard base
    rm -rf "$hout" "$hcache"
    measure "$label.hugo.cold" "${hugobuild[@]}"
    git -C "$hugorepo" reset -q --hard extra
    measure "$label.hugo.after" "${hugobuild[@]}"
  done
  git -C "$tprepo" reset -q --hard base
  git -C "$hugorepo" reset -q --hard base
  echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  local tp_pages hugo_pages
  tp_pages=$(find "$tpout" -name '*.html' 2>/dev/null | wc -l)
  hugo_pages=$(find "$hout" -name '*.html' | wc -l)
  echo "$label $items $sections $commits $n $tp_pages $hugo_pages" >>"$WORK/repos.txt"
}

raw="$WORK/raw.txt"
if ((!report_only)); then
: >"$raw"
: >"$WORK/repos.txt"
date -u +%Y-%m-%dT%H:%MZ >"$WORK/started.txt"
echo "trustpage: $tp_from; $(hugo version | cut -d' ' -f1-2); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
if ((quick)); then
  echo "small repository (quick: 200 items / 10 sections x 1,000 commits)"
  bench_repo small 200 10 1000 "$runs"
  echo "large repository (quick: 500 items / 50 sections x 1,000 commits)"
  bench_repo large 500 50 1000 "$runs_large"
else
  echo "small repository (1,000 items / 10 sections x 10,000 commits)"
  bench_repo small 1000 10 10000 "$runs"
  echo "large repository (10,000 items / 100 sections x 10,000 commits)"
  bench_repo large 10000 100 10000 "$runs_large"
fi

fi

# --- report ------------------------------------------------------------------------------
echo
echo "History benchmark, $(cat "$WORK/started.txt" 2>/dev/null), $(nproc) cores, load at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(median wall time of the runs; peak RSS = largest of all runs of that tool on that repository)"
echo
fmt="%-6s %-24s %-9s %4s %7s %16s %7s %12s %10s %12s\n"
printf "$fmt" repo "items/sections x commits" tool runs "cold s" "after-1-commit s" "RSS MB" \
  "tp/hugo cold" "tp/hugo 1c" "rebuild/cold"
targets=()
while read -r label items sections commits n tp_pages hugo_pages; do
  tc=$(median "$label.tp.cold") ta=$(median "$label.tp.after")
  hc=$(median "$label.hugo.cold") ha=$(median "$label.hugo.after")
  tpeak=$(peak "$label.tp.cold" "$label.tp.after" "$label.tp.again" "$label.tp.nocache")
  hpeak=$(peak "$label.hugo.cold" "$label.hugo.after")
  rc=$(ratio "$tc" "$hc") ra=$(ratio "$ta" "$ha") rb=$(ratio "$ta" "$tc") hb=$(ratio "$ha" "$hc")
  printf "$fmt" "$label" "$items/${sections}s x $commits" trustpage "$n" "$tc" "$ta" "$tpeak" "$rc" "$ra" "$rb"
  printf "$fmt" "" "" hugo "$n" "$hc" "$ha" "$hpeak" "" "" "$hb"
  targets+=("$label: trustpage <= 0.5x hugo, cold:            $rc  $(verdict "$rc" 0.5)")
  targets+=("$label: trustpage <= 0.5x hugo, after 1 commit:  $ra  $(verdict "$ra" 0.5)")
  targets+=("$label: rebuild after 1 commit <= 0.10x cold:    $rb  $(verdict "$rb" 0.10)")
  targets+=("$label: trustpage peak RSS <= 200 MB:            $tpeak  $(verdict "$tpeak" 200)")
  targets+=("$label: trustpage, same commit again (all cached): $(median "$label.tp.again") s; --no-history-cache: $(median "$label.tp.nocache") s; HTML pages: trustpage $tp_pages, hugo $hugo_pages")
done <"$WORK/repos.txt"
echo
printf '%s\n' "${targets[@]}"
echo
echo "raw figures (name seconds max-RSS-kB): $raw"
