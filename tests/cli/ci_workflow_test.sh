#!/usr/bin/env bash
# The CI recipes `trustpage init` writes, run on this machine the way the CI service runs them:
# a vendor sets up a repository with init, keygen and import, and each pipeline run starts on
# a fresh "runner" (a fresh clone, a fresh HOME) and executes the recipe's own steps, exactly
# as init wrote them. "Deploying" copies the runner's public/ into a folder served on
# 127.0.0.1, the base_url the next run continues the release chain from.
#
# What cannot run here is left out, and said so where it happens: installing Debian packages
# (apt-get as root, on a machine that has them already), the actions (`uses:` steps; the
# checkout is the fresh full clone), and building trustpage from its pinned sources — the
# suite has just built these same sources, so that step is replaced by putting $TRUSTPAGE on
# PATH. What that step fetches is checked separately, against a stand-in source repository.
source "$(dirname "$0")/lib.sh"
STATIC_SERVER=${STATIC_SERVER:?path to tp_static_server}
WORKFLOW_STEPS=${WORKFLOW_STEPS:?path to tp_workflow_steps}
seed="$REPO/tests/fixtures/import/vendor-c-checklist.tsv"
version=$("$TRUSTPAGE" --version | awk '{print $2}')

servers=()
stop_servers() {
  local pid
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_servers EXIT

start_server() {  # start_server DIR: serves DIR on 127.0.0.1; sets $port
  local port_file="$work/port.$RANDOM"
  "$STATIC_SERVER" --root "$1" --port-file "$port_file" --seconds 300 2>>"$work/server.log" &
  servers+=($!)
  for _ in $(seq 100); do [[ -s $port_file ]] && break; sleep 0.1; done
  port=$(<"$port_file")
}

commit_all() {  # commit_all REPO DATE MESSAGE
  git -C "$1" add -A
  GIT_AUTHOR_DATE=$2 GIT_COMMITTER_DATE=$2 git -C "$1" -c user.name=Vendor \
    -c user.email=v@example.com -c commit.gpgsign=false commit -q -m "$3"
}

# A vendor's repository as the README describes it: init, the answers from an existing
# sheet, the two items the sheet does not answer filled in by hand, base_url set to where the
# site is deployed, and the publishing key made with keygen (its private half outside).
vendor_repo() {  # vendor_repo DIR CI PORT; sets $fingerprint
  local dir=$1 f
  "$TRUSTPAGE" init "$dir" --ci "$2" >"$work/init-$2.out"
  git -C "$dir" init -q -b main
  (cd "$dir" && "$TRUSTPAGE" import "$seed" --checklist meti --force --unmarked yes >/dev/null)
  for f in $(grep -rlx 'status:' "$dir/content/checklists"); do
    sed -i -e 's/^status:$/status: na/' -e 's/^answer:$/answer: 対象外/' \
      -e "s/^reviewed:$/reviewed: $(date +%F)/" "$f"
  done
  sed -i "s|^base_url: .*|base_url: \"http://127.0.0.1:$3/\"|" "$dir/content/site.yaml"
  (cd "$dir" && "$TRUSTPAGE" keygen --name acme --private "$work/secret/$2.key") >"$work/keygen-$2.out"
  fingerprint=$(sed -n 's/^fingerprint: //p' "$work/keygen-$2.out")
  commit_all "$dir" "$(($(date +%s) - 7200)) +0900" "Trust center"
}

# A new answer, committed: the next push.
revise_answer() {  # revise_answer REPO
  sed -i 's/^answer: .*/answer: 24時間365日（改定）/' \
    "$1/content/checklists/meti/application-operations/01-service-hours.md"
  commit_all "$1" "$(($(date +%s) - 3600)) +0900" "Revise service hours"
}

fresh_runner() {  # fresh_runner DIR REPO: an empty machine with the pushed commit checked out
  mkdir -p "$1/home" "$1/temp" "$1/bin"
  # A clone of a local repository is never shallow: the full history that
  # `fetch-depth: 0` (GitHub) and `GIT_DEPTH: "0"` (GitLab) ask for.
  git clone -q "$2" "$1/workspace"
  ln -s "$TRUSTPAGE" "$1/bin/trustpage"
}

# The environment of a step: nothing from this machine but PATH's system folders.
runner_env() {  # runner_env RUNNER: sets the array $base_env
  base_env=(HOME="$1/home" PATH="$1/bin:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 CI=true)
}

# ${{ … }} as GitHub fills it in; any other expression fails the run, so a step using one the
# test does not know is never run with the expression as its literal text.
declare -A expressions
expand() {  # expand TEXT: sets $expanded, fails on an unknown expression
  local name
  expanded=$1
  for name in "${!expressions[@]}"; do
    expanded=${expanded//"\${{ $name }}"/"${expressions[$name]}"}
  done
  if [[ $expanded == *'${{'* ]]; then
    echo "unknown expression: $(grep -o '\${{[^}]*}}' <<<"$expanded" | head -1)" >&2
    return 1
  fi
}

read_records() {  # read_records FILE: NUL-terminated KEY=VALUE records into the array $records
  records=()
  local record
  while IFS= read -r -d '' record; do records+=("$record"); done <"$1"
}

# --- GitHub Actions ------------------------------------------------------------------------

github_expressions() {  # github_expressions FIRST_RELEASE: the secrets, variables, inputs
  expressions=(
    ["secrets.TRUSTPAGE_SIGNING_KEY"]=$(<"$work/secret/github.key")
    ["secrets.TRUSTPAGE_KEY_PASSPHRASE"]=""  # not set: the key is not encrypted
    ["vars.TRUSTPAGE_SOURCE"]=$source_repo
    ["inputs.first_release"]=$1
  )
}

# Runs the build job of WORKFLOW on RUNNER. Sets $failed_step to the name of the step that
# failed (empty when the job succeeded); the output is in RUNNER/log.
github_job() {  # github_job WORKFLOW RUNNER FIRST_RELEASE
  local workflow=$1 runner=$2 step kind name run shell
  github_expressions "$3"
  failed_step=
  "$WORKFLOW_STEPS" "$workflow" build --out "$runner/steps"
  runner_env "$runner"
  for step in "$runner/steps"/*; do
    kind=$(<"$step/kind") name=$(<"$step/name")
    if [[ $kind == uses ]]; then
      case $(<"$step/uses") in
        actions/checkout@v4) ;;              # the fresh clone
        actions/upload-pages-artifact@v3) ;; # deploy_github copies its path
        *) failed_step="$name (an action this test does not simulate)"; return 1 ;;
      esac
      continue
    fi
    [[ $(<"$step/id") == install-trustpage ]] && continue  # $TRUSTPAGE is on PATH instead
    grep -q 'apt-get install' "$step/run" && continue       # Debian packages: installed here
    read_records "$step/env"
    local env=() record
    for record in "${records[@]}"; do
      expand "$record" || { failed_step="$name (unknown expression)"; return 1; }
      env+=("$expanded")
    done
    expand "$(<"$step/run")" || { failed_step="$name (unknown expression)"; return 1; }
    printf '%s\n' "$expanded" >"$step/script"
    # GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
    shell=$(<"$step/shell")
    [[ $shell == bash ]] || { failed_step="$name (shell \"$shell\", not bash)"; return 1; }
    echo "=== $name" >>"$runner/log"
    if ! (cd "$runner/workspace" && env -i "${base_env[@]}" GITHUB_ACTIONS=true \
      GITHUB_WORKSPACE="$runner/workspace" RUNNER_TEMP="$runner/temp" "${env[@]}" \
      bash --noprofile --norc -eo pipefail "$step/script") >>"$runner/log" 2>&1; then
      failed_step=$name
      return 1
    fi
  done
}

# actions/upload-pages-artifact + actions/deploy-pages: the artifact becomes the whole site.
deploy() {  # deploy FOLDER DEPLOYED
  find "$2" -mindepth 1 -delete
  cp -a "$1/." "$2/"
}

sequence_of() { grep -oE '"sequence": *[0-9]+' "$1/release.json" | grep -oE '[0-9]+$'; }
previous_of() { grep -oE '"previous_manifest_sha256": *"[0-9a-f]*"' "$1/release.json" | grep -oE '[0-9a-f]{64}'; }
sum_of() { [[ -f $1 ]] && sha256sum <"$1" | cut -c1-64; }
same_digest() { [[ $1 =~ ^[0-9a-f]{64}$ && $1 == "$2" ]]; }

# A stand-in for trustpage's source repository: its release tag, then a newer commit on the
# branch. Its install-deps.sh records which commit was checked out.
source_repo="$work/trustpage-source"
mkdir -p "$source_repo/scripts"
printf '#!/bin/sh\ngit -C "$(dirname "$0")/.." rev-parse HEAD >"$PIN_LOG"\n' >"$source_repo/scripts/install-deps.sh"
chmod +x "$source_repo/scripts/install-deps.sh"
git -C "$source_repo" init -q -b main
commit_all "$source_repo" 2026-01-01T00:00:00Z "trustpage $version"
git -C "$source_repo" tag "v$version"
released=$(git -C "$source_repo" rev-parse HEAD)
echo unreleased >"$source_repo/NEWS"
commit_all "$source_repo" 2026-02-01T00:00:00Z "Unreleased work"

# Runs a recipe's install step with cmake and install stubbed out (they would build and
# install the fetched sources as root); sets $pinned to the commit it checked out.
run_install_step() {  # run_install_step SCRIPT RUNNER [NAME=VALUE…]
  local script=$1 runner=$2
  shift 2
  mkdir -p "$runner/stubs" "$runner/temp"
  printf '#!/bin/sh\necho "$0 $*" >>"%s"\n' "$runner/stubs.log" >"$runner/stubs/cmake"
  cp "$runner/stubs/cmake" "$runner/stubs/install"
  chmod +x "$runner/stubs/cmake" "$runner/stubs/install"
  rm -f "$runner/pinned" "$runner/stubs.log"
  (cd "$runner" && env -i HOME="$runner" PATH="$runner/stubs:/usr/bin:/bin" \
    RUNNER_TEMP="$(mktemp -d -p "$runner/temp")" TMPDIR="$runner/temp" PIN_LOG="$runner/pinned" "$@" \
    bash --noprofile --norc -eo pipefail "$script") >"$runner/install.log" 2>&1
  local code=$?
  pinned=$(cat "$runner/pinned" 2>/dev/null || true)
  return $code
}

check_install_step() {  # check_install_step CI SCRIPT RUNNER REF_ENV...
  local ci=$1 script=$2 runner=$3
  shift 3
  expect "$ci: the install step fetches exactly TRUSTPAGE_REF, never a branch's newest commit" \
    grep -q 'git -C "$src" fetch -q --depth 1 origin "$TRUSTPAGE_REF"' "$script"
  expect "$ci: the install step builds what it fetched (FETCH_HEAD), not a clone's default branch" \
    bash -c 'grep -q "checkout -q FETCH_HEAD" "$1" && ! grep -q "git clone" "$1"' _ "$script"
  if run_install_step "$script" "$runner" "$@" TRUSTPAGE_SOURCE="$source_repo"; then
    expect "$ci: with init's TRUSTPAGE_REF (v$version) it builds the release tag's commit" \
      test "$pinned" = "$released"
    expect "$ci: it builds only the trustpage target and installs it on PATH" \
      bash -c 'grep -q -- "--build .* --target trustpage" "$1" && grep -q "install -m 0755 .*/usr/local/bin/trustpage" "$1"' \
      _ "$runner/stubs.log"
  else
    not_ok "$ci: the install step runs with init's TRUSTPAGE_REF"
    sed 's/^/    /' "$runner/install.log"
  fi
  run_install_step "$script" "$runner" "$@" TRUSTPAGE_SOURCE="$source_repo" TRUSTPAGE_REF="$released" &&
    expect "$ci: with a commit id as TRUSTPAGE_REF it builds that commit" test "$pinned" = "$released" ||
    not_ok "$ci: with a commit id as TRUSTPAGE_REF it builds that commit"
  if run_install_step "$script" "$runner" "$@" TRUSTPAGE_SOURCE="$source_repo" TRUSTPAGE_REF=main; then
    not_ok "$ci: a branch as TRUSTPAGE_REF is refused (it built $pinned)"
  else
    expect "$ci: a branch as TRUSTPAGE_REF is refused before anything is built, saying why" \
      bash -c 'test -z "$1" && grep -q "is a branch" "$2"' _ "$pinned" "$runner/install.log"
  fi
}

gh="$work/github"
gh_site="$work/github-deployed"
mkdir -p "$gh_site"
start_server "$gh_site"
vendor_repo "$gh" github "$port"
gh_fingerprint=$fingerprint
workflow="$gh/.github/workflows/trustpage.yml"

expect "github: init writes the workflow and no GitLab recipe" test -f "$workflow" -a ! -e "$gh/.gitlab-ci.yml"
expect "github: keygen printed the fingerprint to give customers" grep -q '^SHA256:' <<<"$gh_fingerprint"
for needed in TRUSTPAGE_SIGNING_KEY TRUSTPAGE_SOURCE first_release "verify DIR --fingerprint"; do
  expect "github: init's Next: names $needed" grep -q -- "$needed" "$work/init-github.out"
done
expect "github: init's Next: says where the fingerprint comes from (keygen's output)" \
  grep -q 'prints `fingerprint: SHA256:…`' "$work/init-github.out"

# What GitHub reads before running anything: triggers, the branch, permissions.
get() { "$WORKFLOW_STEPS" --get "$workflow" "$1" 2>/dev/null; }
expect "github: it runs on every push, with no branch filter (the default branch is the job's if:)" \
  bash -c 'test "$1" = null' _ "$(get on.push)"
expect "github: Run workflow has a first_release checkbox, off by default" \
  bash -c 'test "$1" = boolean -a "$2" = false' _ \
  "$(get on.workflow_dispatch.inputs.first_release.type)" "$(get on.workflow_dispatch.inputs.first_release.default)"
expect "github: the build job runs on the repository's default branch only" \
  test "$(get jobs.build.if)" = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
permissions=$("$WORKFLOW_STEPS" --permissions "$workflow")
expect "github: the build job (which runs the repository's code) can only read contents" \
  grep -qx 'build contents=read' <<<"$permissions"
expect "github: only the deploy job may write Pages and get an OIDC token" \
  bash -c 'grep -qx "deploy id-token=write pages=write" <<<"$1" && test "$(grep -c "pages\|id-token" <<<"$1")" -eq 1' \
  _ "$permissions"
expect "github: deploy waits for build and deploys with actions/deploy-pages" \
  bash -c 'test "$1" = build -a "$2" = github-pages -a "$3" = actions/deploy-pages@v4' _ \
  "$(get jobs.deploy.needs)" "$(get jobs.deploy.environment.name)" "$(get jobs.deploy.steps.0.uses)"
expect "github: one release at a time (a concurrency group that does not cancel)" \
  bash -c 'test -n "$1" -a "$2" = false' _ "$(get concurrency.group)" "$(get concurrency.cancel-in-progress)"

"$WORKFLOW_STEPS" "$workflow" build --out "$work/github-steps"
step_with() { grep -lx -- "$2" "$work/github-steps"/*/"$1" | head -1 | xargs -r dirname; }
checkout=$(step_with uses actions/checkout@v4)
expect "github: the checkout fetches the full history (fetch-depth: 0)" \
  grep -qzx 'fetch-depth=0' "$checkout/with"
upload=$(step_with uses actions/upload-pages-artifact@v3)
expect "github: public/ is the Pages artifact" grep -qzx 'path=public' "$upload/with"
install=$(step_with id install-trustpage)
expect "github: the install step pins TRUSTPAGE_REF to this trustpage's release tag (v$version)" \
  grep -qzx "TRUSTPAGE_REF=v$version" "$install/env"
expect "github: secrets reach the scripts only through env, never pasted into a script" \
  bash -c '! grep -l "\${{" "$@"' _ "$work/github-steps"/*/run
github_expressions false
read_records "$install/env"
install_env=()
for record in "${records[@]}"; do expand "$record" && install_env+=("$expanded"); done
check_install_step github "$install/run" "$work/github-install" "${install_env[@]}"

# Run 0: a push before the first release. Nothing is deployed at base_url yet, so the build
# must fail and publish nothing.
fresh_runner "$work/gh-run0" "$gh"
github_job "$workflow" "$work/gh-run0" false && code=0 || code=$?
expect "github: a push before the first release fails at \"Build and sign\", naming --first-release, and writes nothing" \
  bash -c 'test "$1" -ne 0 -a "$2" = "Build and sign the next release" && grep -q -- --first-release "$3/log" &&
    test ! -e "$3/workspace/public"' _ "$code" "$failed_step" "$work/gh-run0"
expect "github: ... and nothing is deployed" test -z "$(ls -A "$gh_site")"

# Run 1: Run workflow with first_release ticked.
fresh_runner "$work/gh-run1" "$gh"
if github_job "$workflow" "$work/gh-run1" true; then
  ok "github: run 1 (first_release) succeeds"
  cp "$work/gh-run1/workspace/public/SHA256SUMS" "$work/gh-run1.SHA256SUMS"
  deploy "$work/gh-run1/workspace/public" "$gh_site"
else
  not_ok "github: run 1 (first_release) succeeds — failed at: $failed_step"
  tail -20 "$work/gh-run1/log" | sed 's/^/    /'
fi
expect "github: run 1 deployed release 1" test "$(sequence_of "$gh_site" 2>/dev/null)" = 1

# Run 2: the next push, on another fresh runner: continues the chain from base_url.
revise_answer "$gh"
fresh_runner "$work/gh-run2" "$gh"
if github_job "$workflow" "$work/gh-run2" false; then
  ok "github: run 2 (a push) succeeds"
  deploy "$work/gh-run2/workspace/public" "$gh_site"
else
  not_ok "github: run 2 (a push) succeeds — failed at: $failed_step"
  tail -20 "$work/gh-run2/log" | sed 's/^/    /'
fi
expect "github: run 2 deployed release 2" test "$(sequence_of "$gh_site" 2>/dev/null)" = 2
expect "github: release 2 names release 1's manifest (sha256sum of run 1's SHA256SUMS)" \
  same_digest "$(previous_of "$gh_site" 2>/dev/null)" "$(sum_of "$work/gh-run1.SHA256SUMS")"
expect "github: the deployed site verifies with the fingerprint keygen printed" \
  "$TRUSTPAGE" verify "$gh_site" --fingerprint "$gh_fingerprint"
expect "github: the deployed site shows the revised answer" \
  grep -rq '24時間365日（改定）' "$gh_site/checklists/meti"

# The self-check step: a TRUSTPAGE_SIGNING_KEY secret that does not match keys/ stops the run
# before deploying (customers were given keys/' fingerprint).
if [[ -d $work/gh-run2/workspace/public ]]; then
  "$TRUSTPAGE" keygen --name other --private "$work/secret/other.key" --keys "$work/other-keys" >/dev/null
  rm "$work/gh-run2/workspace/keys/"*.pub.pem
  cp "$work/other-keys/other.pub.pem" "$work/gh-run2/workspace/keys/"
  verify_step=$(step_with name 'Verify the release against keys/')
  (cd "$work/gh-run2/workspace" && env -i HOME="$work/gh-run2/home" PATH="$work/gh-run2/bin:/usr/bin:/bin" \
    bash --noprofile --norc -eo pipefail "$verify_step/run") >"$work/gh-mismatch.log" 2>&1 && code=0 || code=$?
  expect "github: a signing key that does not match keys/ fails the run before deploy" \
    bash -c 'test "$1" -ne 0 && grep -q "does not verify with any keys" "$2"' _ "$code" "$work/gh-mismatch.log"
fi

# --- GitLab CI -----------------------------------------------------------------------------

# Runs the pages job's script (GitLab runs the entries in one shell, in order, stopping at the
# first that fails) on RUNNER; extra NAME=VALUE are the CI/CD variables. Output in RUNNER/log.
gitlab_job() {  # gitlab_job RECIPE RUNNER [NAME=VALUE…]
  local recipe=$1 runner=$2 entry
  shift 2
  "$WORKFLOW_STEPS" --gitlab "$recipe" pages --out "$runner/job"
  read_records "$runner/job/variables"
  : >"$runner/script"
  for entry in "$runner/job/script"/*; do cat "$entry" >>"$runner/script" && echo >>"$runner/script"; done
  runner_env "$runner"
  (cd "$runner/workspace" && env -i "${base_env[@]}" GITLAB_CI=true \
    CI_PROJECT_DIR="$runner/workspace" CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main \
    "${records[@]}" "$@" bash --noprofile --norc -eo pipefail "$runner/script") >"$runner/log" 2>&1
}

gl="$work/gitlab"
gl_site="$work/gitlab-deployed"
mkdir -p "$gl_site"
start_server "$gl_site"
vendor_repo "$gl" gitlab "$port"
gl_fingerprint=$fingerprint
recipe="$gl/.gitlab-ci.yml"
key_b64=$(base64 -w0 "$work/secret/gitlab.key")

expect "gitlab: init --ci gitlab writes .gitlab-ci.yml and no GitHub workflow" \
  test -f "$recipe" -a ! -e "$gl/.github"
for needed in TRUSTPAGE_SIGNING_KEY TRUSTPAGE_SOURCE TRUSTPAGE_FIRST_RELEASE "base64 -w0" "verify DIR --fingerprint"; do
  expect "gitlab: init's Next: names $needed" grep -q -- "$needed" "$work/init-gitlab.out"
done
"$WORKFLOW_STEPS" --gitlab "$recipe" pages --out "$work/gitlab-job" &&
  ok "gitlab: .gitlab-ci.yml parses as YAML and has a pages job" ||
  not_ok "gitlab: .gitlab-ci.yml parses as YAML and has a pages job"
read_records "$work/gitlab-job/variables"
expect "gitlab: the job runs on debian:12" test "$(cat "$work/gitlab-job/image")" = debian:12
expect "gitlab: the pages job runs on the default branch only" \
  test "$(cat "$work/gitlab-job/rules")" = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'
expect "gitlab: the checkout has the full history (GIT_DEPTH 0)" \
  bash -c 'printf "%s\n" "${@}" | grep -qx GIT_DEPTH=0' _ "${records[@]}"
expect "gitlab: TRUSTPAGE_REF pins this trustpage's release tag (v$version)" \
  bash -c 'printf "%s\n" "${@:2}" | grep -qx "TRUSTPAGE_REF=v$1"' _ "$version" "${records[@]}"
expect "gitlab: public/ is the Pages artifact" test "$("$WORKFLOW_STEPS" --get "$recipe" pages.artifacts.paths.0)" = public
expect "gitlab: one release at a time (a resource_group)" test -n "$("$WORKFLOW_STEPS" --get "$recipe" pages.resource_group)"
gl_install=$(grep -l 'git -C "$src" fetch' "$work/gitlab-job/before_script"/* | head -1)
expect "gitlab: before_script holds the pinned install" test -n "$gl_install"
expect "gitlab: before_script installs only Debian packages besides that" \
  bash -c 'for f in "$1"/*; do [[ $f == "$2" ]] || grep -q "^apt-get update -qq && apt-get install" "$f" || exit 1; done' \
  _ "$work/gitlab-job/before_script" "$gl_install"
[[ -n $gl_install ]] && check_install_step gitlab "$gl_install" "$work/gitlab-install" "${records[@]}"

# Pipeline 0: a push before the first release.
fresh_runner "$work/gl-run0" "$gl"
gitlab_job "$recipe" "$work/gl-run0" TRUSTPAGE_SIGNING_KEY="$key_b64" TRUSTPAGE_SOURCE="$source_repo" &&
  code=0 || code=$?
expect "gitlab: a push before the first release fails, naming --first-release, and writes nothing" \
  bash -c 'test "$1" -ne 0 && grep -q -- --first-release "$2/log" && test ! -e "$2/workspace/public"' _ \
  "$code" "$work/gl-run0"

# Pipeline 1: Run pipeline with TRUSTPAGE_FIRST_RELEASE=1, the key as masked base64.
fresh_runner "$work/gl-run1" "$gl"
if gitlab_job "$recipe" "$work/gl-run1" TRUSTPAGE_SIGNING_KEY="$key_b64" TRUSTPAGE_SOURCE="$source_repo" \
  TRUSTPAGE_FIRST_RELEASE=1; then
  ok "gitlab: pipeline 1 (TRUSTPAGE_FIRST_RELEASE=1, key as masked base64) succeeds"
  cp "$work/gl-run1/workspace/public/SHA256SUMS" "$work/gl-run1.SHA256SUMS"
  deploy "$work/gl-run1/workspace/public" "$gl_site"
else
  not_ok "gitlab: pipeline 1 (TRUSTPAGE_FIRST_RELEASE=1, key as masked base64) succeeds"
  tail -20 "$work/gl-run1/log" | sed 's/^/    /'
fi
expect "gitlab: pipeline 1 deployed release 1" test "$(sequence_of "$gl_site" 2>/dev/null)" = 1

# Pipeline 2: the next push; this time the key as a PEM (an unmasked variable).
revise_answer "$gl"
fresh_runner "$work/gl-run2" "$gl"
if gitlab_job "$recipe" "$work/gl-run2" TRUSTPAGE_SIGNING_KEY="$(<"$work/secret/gitlab.key")" \
  TRUSTPAGE_SOURCE="$source_repo"; then
  ok "gitlab: pipeline 2 (a push, key as PEM) succeeds"
  deploy "$work/gl-run2/workspace/public" "$gl_site"
else
  not_ok "gitlab: pipeline 2 (a push, key as PEM) succeeds"
  tail -20 "$work/gl-run2/log" | sed 's/^/    /'
fi
expect "gitlab: pipeline 2 deployed release 2" test "$(sequence_of "$gl_site" 2>/dev/null)" = 2
expect "gitlab: release 2 names release 1's manifest (sha256sum of pipeline 1's SHA256SUMS)" \
  same_digest "$(previous_of "$gl_site" 2>/dev/null)" "$(sum_of "$work/gl-run1.SHA256SUMS")"
expect "gitlab: the deployed site verifies with the fingerprint keygen printed" \
  "$TRUSTPAGE" verify "$gl_site" --fingerprint "$gl_fingerprint"

finish
