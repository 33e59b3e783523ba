// The compiled template engine against the interpreted one it replaces: every page of the
// demo (with its real git history) and of the XSS fixture, byte for byte.
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "history/history.h"
#include "render/interpreted_template.h"
#include "render/template.h"
#include "site/plan.h"
#include "site/theme.h"
#include "source/source.h"

namespace fs = std::filesystem;
using namespace trustpage;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

BuildInfo signed_info(const Provenance& provenance, const History* history) {
  BuildInfo info;
  info.provenance = provenance;
  info.version = "0.1.0";
  info.fingerprint = "SHA256:abcDEF+/123";
  info.signer_principal = "trust.example.com";
  info.download_formats = {"pdf", "csv", "xlsx", "json"};
  info.release = ReleaseView{7,
                             "2026-01-01T09:00:00+09:00",
                             "2026-06-30",
                             "SHA256:abcDEF+/123",
                             "RWQfakeminisignkey",
                             "ssh-ed25519 AAAAfake",
                             "https://trust.example.com/a&b/"};
  info.history = history;
  return info;
}

// Renders every page the site stage plans with both engines; returns how many agreed.
size_t compare_engines(const Content& content, const BuildInfo& info) {
  const Theme theme = Theme::builtin();
  const auto loader = [&theme](const std::string& name) { return theme.file("templates/" + name); };
  const TemplateEngine compiled(loader);
  const InterpretedTemplateEngine interpreted(loader);
  size_t pages = 0;
  Result<SitePlan> plan = plan_site(content, theme, info, [&](PagePlan&& page) {
    RenderRequest request;
    request.body = page.template_name;
    request.context = std::move(page.context);
    request.page_route = page.route;
    Result<std::string> old_bytes = interpreted.render(request);
    Result<std::string> new_bytes = compiled.render(request);
    INFO(page.route);
    REQUIRE(old_bytes.ok());
    if (!new_bytes.ok()) FAIL(new_bytes.status().to_string());
    CHECK(*new_bytes == *old_bytes);
    ++pages;
    return Status::Ok();
  });
  if (!plan.ok()) FAIL(plan.status().to_string());
  return pages;
}

}  // namespace

TEST_CASE("the compiled engine writes the demo's pages byte for byte as the interpreted one") {
  Result<std::unique_ptr<Source>> source = open_git(kRepo / "content", "HEAD");
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content content =
      load_content(**source, LoadOptions{Date{2026, 12, 1}, std::nullopt}, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  HistoryOptions history_options;
  history_options.provenance = (*source)->provenance();
  history_options.use_cache = false;
  history_options.allow_shallow = true;
  Result<History> history = mine_history(history_options);
  REQUIRE(history.ok());
  CHECK(compare_engines(content, signed_info((*source)->provenance(), &*history)) > 60);
  BuildInfo preview;  // unsigned, preview: the other branches of the layout
  preview.preview = true;
  preview.provenance = (*source)->provenance();
  preview.provenance.worktree = true;
  preview.provenance.dirty = true;
  CHECK(compare_engines(content, preview) > 60);
}

TEST_CASE(
    "the compiled engine writes the XSS fixture's pages byte for byte as the interpreted one") {
  Result<std::unique_ptr<Source>> source = open_worktree(kRepo / "tests/fixtures/xss");
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content content =
      load_content(**source, LoadOptions{Date{2026, 12, 1}, std::nullopt}, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(compare_engines(content, signed_info((*source)->provenance(), nullptr)) > 3);
}
