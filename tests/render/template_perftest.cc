// How fast the template engine fills a page: the demo's item page and its METI checklist
// page (49 items), rendered again and again from the variables the site stage planned.
// Run by hand, never by ctest:  build/tests/template_perftest [SECONDS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "content/loader.h"
#include "render/template.h"
#include "site/plan.h"
#include "site/theme.h"
#include "source/source.h"

using namespace trustpage;

namespace {

// Pages per second for `page`, rendering for about `seconds`.
double pages_per_second(const TemplateEngine& engine, const PagePlan& page, double seconds, size_t& bytes) {
  RenderRequest request;
  request.body = page.template_name;
  request.context = page.context;
  request.page_route = page.route;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  size_t pages = 0;
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 50; ++i) {
      Result<std::string> html = engine.render(request);
      if (!html.ok()) {
        std::fprintf(stderr, "%s\n", html.status().to_string().c_str());
        std::exit(1);
      }
      bytes = html->size();
      ++pages;
    }
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return pages / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  Result<std::unique_ptr<Source>> source = open_worktree(TRUSTPAGE_SOURCE_DIR "/content");
  if (!source.ok()) return 1;
  Diagnostics diagnostics;
  Content content =
      load_content(**source, LoadOptions{Date{2026, 12, 1}, std::nullopt}, diagnostics);
  if (diagnostics.has_errors()) return 1;
  const Theme theme = Theme::builtin();
  BuildInfo info;
  info.provenance = (*source)->provenance();
  info.version = "0.1.0";
  Result<SitePlan> plan = plan_site(content, theme, info);
  if (!plan.ok()) return 1;
  const TemplateEngine engine(
      [&theme](const std::string& name) { return theme.file("templates/" + name); });
  const PagePlan* item = nullptr;
  const PagePlan* checklist = nullptr;
  for (const PagePlan& page : plan->pages) {
    if (!item && page.template_name == "item.xhtml") item = &page;
    if (!checklist && page.template_name == "checklist.xhtml") checklist = &page;
  }
  if (!item || !checklist) return 1;
  for (const PagePlan* page : {item, checklist}) {
    size_t bytes = 0;
    const double rate = pages_per_second(engine, *page, seconds, bytes);
    std::printf("%-58s %8.0f pages/s %8.1f us/page %7zu bytes\n", page->route.c_str(), rate,
                1e6 / rate, bytes);
  }
  return 0;
}
