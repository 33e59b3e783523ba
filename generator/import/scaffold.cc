// `trustpage init`: a vendor's content repository, ready to fill in.
#include "import/import.h"

namespace trustpage {
namespace {

constexpr const char* kOverviewPage = R"(---
title: 概要
summary: このサイトで公開している情報
order: 1
---
このページは見本です。pages/ の Markdown を書き換えて、サービスのセキュリティへの取り組みの概要を記載してください。

- チェックシートへの回答は「チェックリスト」からご覧いただけます。
- 回答は Excel（XLSX）・CSV・JSON でもダウンロードできます。
)";

constexpr const char* kGitignore =
    R"(# The publishing key's private half never goes into the repository (trustpage keygen
# writes it to ~/.config/trustpage/; CI reads it from the TRUSTPAGE_SIGNING_KEY secret).
*.key
*.key.pem
*.pem
!keys/*.pub.pem
# Build output.
/public/
# What a build killed half-way leaves beside it (the next build removes it).
/.public.tmp-*
)";

constexpr const char* kKeysReadme = R"(# Publishing keys (public halves only)

Create the key once with `trustpage keygen --name <your-name>`: it writes the private key to
~/.config/trustpage/ (never into this repository) and the public key files here. Commit them.
Store the private key (the PEM file) as the CI secret TRUSTPAGE_SIGNING_KEY (GitLab: its
`base64 -w0` form, so that the variable can be masked). CI checks every release against the
public keys here before publishing it.
)";

// The CI recipes. Both check out the full history (the per-item changelog reads every
// commit), build trustpage from a pinned tag or commit, and pass every secret through the
// environment rather than into the script text, so a value is never parsed as shell.
// Releases run one at a time (concurrency / resource_group): two builds continuing the same
// release would both claim its successor's number.
constexpr const char* kRefPlaceholder = "@TRUSTPAGE_REF@";

constexpr const char* kGitHubWorkflow =
    R"yaml(# Publishes the trust center on GitHub Pages: on every push to the default branch it checks
# the answers, builds the site, signs it as the next release after the one deployed now,
# checks the signature against keys/ and deploys it.
#
# Needs (Settings › Secrets and variables › Actions):
#   secret   TRUSTPAGE_SIGNING_KEY     the private key PEM that `trustpage keygen` wrote
#   secret   TRUSTPAGE_KEY_PASSPHRASE  only if that key is encrypted
#   variable TRUSTPAGE_SOURCE          git URL of the trustpage sources the tool is built from
# and Settings › Pages › Source: "GitHub Actions".
#
# First release: Actions › publish › Run workflow, tick first_release. Every later run
# continues the release chain from the site at base_url (content/site.yaml); a run while
# nothing is deployed there fails and publishes nothing.
#
# trustpage is built from TRUSTPAGE_REF below: a release tag or a full commit id, never a
# branch. To update trustpage, edit TRUSTPAGE_REF and push.
name: publish

on:
  push:
  workflow_dispatch:
    inputs:
      first_release:
        description: Start a new release chain (only for the very first release)
        type: boolean
        default: false

permissions: {}

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    if: github.ref == format('refs/heads/{0}', github.event.repository.default_branch)
    runs-on: ubuntu-latest
    container: debian:12
    # Only reads: this job runs code from this repository's content and from trustpage.
    permissions:
      contents: read
    defaults:
      run:
        shell: bash
    env:
      TRUSTPAGE_REF: @TRUSTPAGE_REF@
    steps:
      - name: Install git
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates
      - name: Check out the content with its full history
        uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Build trustpage at TRUSTPAGE_REF
        id: install-trustpage
        env:
          TRUSTPAGE_SOURCE: ${{ vars.TRUSTPAGE_SOURCE }}
        run: |
          : "${TRUSTPAGE_SOURCE:?set the repository variable TRUSTPAGE_SOURCE to the git URL of trustpage}"
          # A tag or a commit id: a branch would build whatever was pushed to it last.
          if git ls-remote --exit-code --heads "$TRUSTPAGE_SOURCE" "$TRUSTPAGE_REF" >/dev/null; then
            echo "::error::TRUSTPAGE_REF=$TRUSTPAGE_REF is a branch; set it to a release tag or a commit id"
            exit 1
          fi
          src="$RUNNER_TEMP/trustpage"
          git init -q "$src"
          git -C "$src" remote add origin "$TRUSTPAGE_SOURCE"
          git -C "$src" fetch -q --depth 1 origin "$TRUSTPAGE_REF"
          git -C "$src" checkout -q FETCH_HEAD
          "$src/scripts/install-deps.sh"
          cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
          cmake --build "$src/build" -j"$(nproc)" --target trustpage
          install -m 0755 "$src/build/generator/cli/trustpage" /usr/local/bin/trustpage
      - name: Check the answers
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          trustpage check --content content
      - name: Build and sign the next release
        env:
          TRUSTPAGE_SIGNING_KEY: ${{ secrets.TRUSTPAGE_SIGNING_KEY }}
          TRUSTPAGE_KEY_PASSPHRASE: ${{ secrets.TRUSTPAGE_KEY_PASSPHRASE }}
          FIRST_RELEASE: ${{ inputs.first_release }}
        run: |
          if [ "$FIRST_RELEASE" = true ]; then
            trustpage build --sign --content content --out public --first-release
          else
            trustpage build --sign --content content --out public --previous base_url
          fi
      - name: Verify the release against keys/
        # The key customers are told to trust is the one committed in keys/: a secret that
        # does not match it fails here, before anything is deployed.
        run: |
          verified=no
          for key in keys/*.pub.pem; do
            if [ -e "$key" ] && trustpage verify public --key "$key"; then verified=yes; break; fi
          done
          if [ "$verified" != yes ]; then
            echo "::error::public/ does not verify with any keys/*.pub.pem: commit the public key of TRUSTPAGE_SIGNING_KEY (trustpage keygen writes it to keys/)"
            exit 1
          fi
      - name: Upload public/
        uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
)yaml";

// GitLab cannot mask a value with line breaks or spaces, so the key is stored as one line of
// base64; a PEM as it is (an unmasked variable) works too.
constexpr const char* kGitLabCi =
    R"yaml(# Publishes the trust center on GitLab Pages: on every push to the default branch it checks
# the answers, builds the site, signs it as the next release after the one deployed now and
# checks the signature against keys/.
#
# Needs (Settings › CI/CD › Variables, each Protected):
#   TRUSTPAGE_SIGNING_KEY     the private key from `trustpage keygen`, as one line so that it
#                             can be Masked: base64 -w0 ~/.config/trustpage/NAME.key
#   TRUSTPAGE_KEY_PASSPHRASE  only if that key is encrypted (Masked)
#   TRUSTPAGE_SOURCE          git URL of the trustpage sources the tool is built from
#
# First release: Build › Pipelines › Run pipeline on the default branch with the variable
# TRUSTPAGE_FIRST_RELEASE set to 1. Every later pipeline continues the release chain from the
# site at base_url (content/site.yaml); one while nothing is deployed there fails and
# publishes nothing.
#
# trustpage is built from TRUSTPAGE_REF below: a release tag or a full commit id, never a
# branch. To update trustpage, edit TRUSTPAGE_REF and push.
image: debian:12

variables:
  GIT_DEPTH: "0"
  TRUSTPAGE_REF: "@TRUSTPAGE_REF@"

pages:
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  resource_group: pages
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates
    - |
      : "${TRUSTPAGE_SOURCE:?set the CI/CD variable TRUSTPAGE_SOURCE to the git URL of trustpage}"
      # A tag or a commit id: a branch would build whatever was pushed to it last.
      if git ls-remote --exit-code --heads "$TRUSTPAGE_SOURCE" "$TRUSTPAGE_REF" >/dev/null; then
        echo "TRUSTPAGE_REF=$TRUSTPAGE_REF is a branch; set it to a release tag or a commit id" >&2
        exit 1
      fi
      src="$(mktemp -d)/trustpage"
      git init -q "$src"
      git -C "$src" remote add origin "$TRUSTPAGE_SOURCE"
      git -C "$src" fetch -q --depth 1 origin "$TRUSTPAGE_REF"
      git -C "$src" checkout -q FETCH_HEAD
      "$src/scripts/install-deps.sh"
      cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
      cmake --build "$src/build" -j"$(nproc)" --target trustpage
      install -m 0755 "$src/build/generator/cli/trustpage" /usr/local/bin/trustpage
  script:
    - git config --global --add safe.directory "$CI_PROJECT_DIR"
    - trustpage check --content content
    - |
      case "$TRUSTPAGE_SIGNING_KEY" in
        -----BEGIN*) ;;
        ?*) TRUSTPAGE_SIGNING_KEY=$(printf '%s' "$TRUSTPAGE_SIGNING_KEY" | base64 -d) ;;
      esac
      export TRUSTPAGE_SIGNING_KEY
      if [ "${TRUSTPAGE_FIRST_RELEASE:-}" = 1 ]; then
        trustpage build --sign --content content --out public --first-release
      else
        trustpage build --sign --content content --out public --previous base_url
      fi
    - |
      # The key customers are told to trust is the one committed in keys/: a key that does
      # not match it fails here, before anything is deployed.
      verified=no
      for key in keys/*.pub.pem; do
        if [ -e "$key" ] && trustpage verify public --key "$key"; then verified=yes; break; fi
      done
      if [ "$verified" != yes ]; then
        echo "public/ does not verify with any keys/*.pub.pem: commit the public key of TRUSTPAGE_SIGNING_KEY (trustpage keygen writes it to keys/)" >&2
        exit 1
      fi
  artifacts:
    paths:
      - public
)yaml";

// What init writes into a recipe, so refuse what would not pin trustpage: anything that is
// not a plain ref name, a branch spelled out, or an abbreviated commit id (a shallow fetch
// only finds a full one).
Status check_trustpage_ref(const std::string& ref) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/' || c == '+';
  };
  bool hex = !ref.empty();
  for (char c : ref) {
    if (!plain(c)) {
      return Status::Error("--trustpage-ref \"" + ref +
                           "\": use a release tag such as v0.1.0 or a commit id");
    }
    hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
  if (ref.empty() || ref.front() == '-' || ref.front() == '/' || ref.back() == '/' ||
      ref.find("..") != std::string::npos) {
    return Status::Error("--trustpage-ref \"" + ref +
                         "\": use a release tag such as v0.1.0 or a commit id");
  }
  if (ref == "HEAD" || ref.starts_with("refs/heads/")) {
    return Status::Error("--trustpage-ref " + ref +
                         " is a branch: CI would build whatever was pushed to it last; use a "
                         "release tag or a commit id");
  }
  if (hex && ref.size() >= 7 && ref.size() < 40) {
    return Status::Error("--trustpage-ref " + ref +
                         " looks like an abbreviated commit id: give all 40 hex digits (a "
                         "shallow fetch cannot find a commit by a prefix)");
  }
  return Status::Ok();
}

PlannedFile ci_recipe_file(const CiRecipe& ci) {
  bool github = ci.service == CiService::kGitHub;
  std::string text = github ? kGitHubWorkflow : kGitLabCi;
  std::string placeholder = kRefPlaceholder;
  text.replace(text.find(placeholder), placeholder.size(), ci.trustpage_ref);
  return {github ? ".github/workflows/trustpage.yml" : ".gitlab-ci.yml", text, false};
}

}  // namespace

std::string starter_site_yaml() {
  return R"(# The trust center's own facts. Replace every example value, then run `trustpage check`.
organization: 株式会社サンプル
organization_url: "https://www.example.com/"
service: サンプルクラウド
service_url: "https://www.example.com/service/"
description: |
  **サンプルクラウド**のセキュリティ対策とサービスレベルについて、チェックシートへの回答を公開しています。
base_url: "https://trust.example.com/"
languages: [ja, en]
stale_after_months: 12
contacts:
  - label: セキュリティ窓口
    email: security@example.com
)";
}

Result<std::vector<PlannedFile>> plan_new_repository(const ChecklistTemplate& checklist,
                                                     const std::string& checklist_id,
                                                     const CiRecipe& ci) {
  if (Status s = check_trustpage_ref(ci.trustpage_ref); !s.ok()) return s;
  ImportResult blank;
  blank.checklist = checklist;
  for (const TemplateItem& meta : checklist.items) {
    ImportedItem item;
    item.meta = meta;
    blank.items.push_back(item);
  }
  // A fresh folder: nothing to collide with below content/.
  Result<std::vector<PlannedFile>> items =
      plan_checklist_files(blank, "/nonexistent/trustpage-init", checklist_id, false);
  if (!items.ok()) return items.status();
  std::vector<PlannedFile> files = {
      {"content/site.yaml", starter_site_yaml(), false},
      {"content/pages/overview.md", kOverviewPage, false},
      {"keys/README.md", kKeysReadme, false},
      {".gitignore", kGitignore, false},
      ci_recipe_file(ci),
  };
  for (PlannedFile& f : *items) {
    f.path = "content/" + f.path;
    files.push_back(std::move(f));
  }
  return files;
}

}  // namespace trustpage
