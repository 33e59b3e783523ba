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
)";

constexpr const char* kKeysReadme = R"(# Publishing keys (public halves only)

Create the key once with `trustpage keygen --name <your-name>`: it writes the private key to
~/.config/trustpage/ (never into this repository) and the public key files here. Commit them.
Store the private key (the PEM file) as the CI secret TRUSTPAGE_SIGNING_KEY.
)";

// GitHub Actions. Full history: the per-item changelog reads every commit.
constexpr const char* kWorkflow =
    R"(# Publishes the trust center on every push to main: check, build, sign, upload public/.
# Needs: the secret TRUSTPAGE_SIGNING_KEY (the private key PEM from `trustpage keygen`),
# and the variable TRUSTPAGE_SOURCE (git URL of the trustpage sources to build the tool from).
# Settings › Pages › Source: "GitHub Actions".
name: publish

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - name: Install git
        run: apt-get update -qq && apt-get install -y -qq git ca-certificates
      - name: Check out the content with its full history
        uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Build trustpage
        run: |
          git clone --depth 1 "${{ vars.TRUSTPAGE_SOURCE }}" /tmp/trustpage
          /tmp/trustpage/scripts/install-deps.sh
          cmake -S /tmp/trustpage -B /tmp/trustpage/build -DBUILD_TESTING=OFF
          cmake --build /tmp/trustpage/build -j2
          install /tmp/trustpage/build/generator/cli/trustpage /usr/local/bin/
      - name: Check the answers
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          trustpage check --content content
      - name: Build and sign
        env:
          TRUSTPAGE_SIGNING_KEY: ${{ secrets.TRUSTPAGE_SIGNING_KEY }}
        # To continue the release chain, first download the live site's release.json,
        # SHA256SUMS* and archive/ into public/ (or pass --previous DIR).
        run: trustpage build --sign --content content --out public
      - name: Upload public/
        uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
)";

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
                                                     const std::string& checklist_id) {
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
      {".github/workflows/trustpage.yml", kWorkflow, false},
  };
  for (PlannedFile& f : *items) {
    f.path = "content/" + f.path;
    files.push_back(std::move(f));
  }
  return files;
}

}  // namespace trustpage
