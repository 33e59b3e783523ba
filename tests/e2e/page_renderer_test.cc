// Pages render on every core, yet the bundle and the error reported are those of one thread.
#include "publish/page_renderer.h"

#include <catch2/catch.hpp>

#include "content/loader.h"
#include "site/plan.h"
#include "source/source.h"

namespace fs = std::filesystem;
using namespace trustpage;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

std::vector<PagePlan> demo_pages() {
  Result<std::unique_ptr<Source>> source = open_worktree(kRepo / "content");
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content content =
      load_content(**source, LoadOptions{Date{2026, 12, 1}, std::nullopt}, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  BuildInfo info;
  info.provenance = (*source)->provenance();
  Result<SitePlan> plan = plan_site(content, Theme::builtin(), info);
  REQUIRE(plan.ok());
  return std::move(plan->pages);
}

// Feeds `pages` to a renderer with `threads` threads; the bundle, or the error.
Result<Bundle> render_all(std::vector<PagePlan> pages, unsigned threads) {
  const Theme theme = Theme::builtin();
  Bundle bundle;
  Status failed = Status::Ok();
  {
    PageRenderer renderer(theme, bundle, threads);
    for (PagePlan& page : pages) {
      failed = renderer(std::move(page));
      if (!failed.ok()) break;
    }
    Status finished = renderer.finish();
    if (failed.ok()) failed = finished;
  }
  if (!failed.ok()) return failed;
  return bundle;
}

}  // namespace

TEST_CASE("pages rendered on several threads give the bundle one thread gives") {
  const std::vector<PagePlan> pages = demo_pages();
  REQUIRE(pages.size() > 60);
  Result<Bundle> one = render_all(pages, 1);
  Result<Bundle> four = render_all(pages, 4);
  REQUIRE(one.ok());
  REQUIRE(four.ok());
  CHECK(one->files().size() == pages.size());
  CHECK(four->files() == one->files());
}

TEST_CASE("the error reported is the first page's in plan order, whichever thread ends first") {
  std::vector<PagePlan> pages = demo_pages();
  REQUIRE(pages.size() > 40);
  // Two broken pages: the later one is cheap to render, so a fast thread meets it first.
  pages[30].context.erase("title");
  pages[40].context.erase("title");
  const std::string first = pages[30].route;
  for (unsigned threads : {1u, 2u, 4u, 8u}) {
    INFO(threads << " threads");
    for (int run = 0; run < 5; ++run) {
      Result<Bundle> bundle = render_all(pages, threads);
      REQUIRE_FALSE(bundle.ok());
      CHECK_THAT(bundle.status().message(), Catch::Contains("(rendering " + first + ")"));
    }
  }
}
