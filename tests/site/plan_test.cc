// The site stage decides every page from the content: routes, languages, sitemap.
#include "site/plan.h"

#include <catch2/catch.hpp>

#include "content/loader.h"

using namespace trustpage;

namespace {

Content sample() {
  auto source = open_memory({
      {"site.yaml",
       "organization: Org & Co <ltd>\nservice: Svc\nbase_url: https://trust.example.com/a&b/\n"
       "languages: [ja, en]\n"},
      {"checklists/sheet/checklist.yaml", "title: Sheet\nsections:\n  - id: sec\n    title: Sec\n"},
      {"checklists/sheet/sec/01-a.md",
       "---\nid: a-1\nno: 1\nitem: Q\nstatus: no\nanswer: A\nreviewed: 2026-01-01\n---\nR\n"},
      {"pages/about.md", "---\ntitle: About\n---\nBody\n"},
  });
  Diagnostics diagnostics;
  Content content = load_content(*source, LoadOptions{Date{2026, 2, 1}, {}}, diagnostics);
  for (const auto& d : diagnostics.list()) UNSCOPED_INFO(d.to_string());
  REQUIRE_FALSE(diagnostics.has_errors());
  return content;
}

const PagePlan* find(const SitePlan& plan, const std::string& route) {
  for (const PagePlan& p : plan.pages) {
    if (p.route == route) return &p;
  }
  return nullptr;
}

const StaticFile* find_file(const SitePlan& plan, const std::string& route) {
  for (const StaticFile& f : plan.files) {
    if (f.route == route) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every page exists in every language, the first language at the root") {
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), BuildInfo{});
  REQUIRE(plan.ok());
  for (const char* route :
       {"index.html", "checklists/sheet/index.html", "checklists/sheet/items/a-1.html",
        "pages/about.html", "en/index.html", "en/checklists/sheet/index.html",
        "en/checklists/sheet/items/a-1.html", "en/pages/about.html", "404.html"}) {
    INFO(route);
    CHECK(find(*plan, route) != nullptr);
  }
  CHECK(find(*plan, "en/404.html") == nullptr);
  const PagePlan* en = find(*plan, "en/checklists/sheet/items/a-1.html");
  REQUIRE(en);
  CHECK(en->context.at("lang").as_string() == "en");
  CHECK(en->context.at("t").as_map().at("status_no").as_string() == "No");
  const Map& item = en->context.at("item").as_map();
  CHECK(item.at("status").as_map().at("code").as_string() == "no");
  CHECK(item.at("in_checklist").as_string() == "en/checklists/sheet/index.html#item-a-1");
  // The language switch on a page points at the same page in the other language.
  const List& switcher = en->context.at("languages").as_list();
  REQUIRE(switcher.size() == 2);
  CHECK(switcher[0].as_map().at("route").as_string() == "checklists/sheet/items/a-1.html");
}

TEST_CASE("the sitemap lists every page but 404 under base_url, escaped as XML") {
  Provenance p;
  p.commit = std::string(40, 'a');
  p.time = 1767225600;  // 2026-01-01T00:00:00Z
  p.offset_minutes = 9 * 60;
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), BuildInfo{p, "1.0", false, "", {}, "", {}});
  REQUIRE(plan.ok());
  const StaticFile* sitemap = find_file(*plan, "sitemap.xml");
  REQUIRE(sitemap);
  CHECK_THAT(
      sitemap->bytes,
      Catch::Contains("<loc>https://trust.example.com/a&amp;b/checklists/sheet/index.html</loc>"));
  CHECK_THAT(sitemap->bytes, Catch::Contains("<lastmod>2026-01-01</lastmod>"));
  CHECK(sitemap->bytes.find("404.html") == std::string::npos);
  size_t pages = plan->pages.size() - 1;
  size_t locs = 0;
  for (size_t at = 0; (at = sitemap->bytes.find("<loc>", at)) != std::string::npos; ++at) ++locs;
  CHECK(locs == pages);
  REQUIRE(find_file(*plan, "robots.txt"));
  REQUIRE(find_file(*plan, "assets/style.css"));
}

TEST_CASE("dates on the site are the commit's, in the committer's time zone") {
  Provenance p;
  p.commit = std::string(40, 'b');
  p.time = 1767196800;  // 2025-12-31T16:00:00Z = 2026-01-01 01:00 +09:00
  p.offset_minutes = 9 * 60;
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), BuildInfo{p, "1.0", false, "", {}, "", {}});
  REQUIRE(plan.ok());
  const Map& build = find(*plan, "index.html")->context.at("build").as_map();
  CHECK(build.at("date").as_string() == "2026-01-01");
  CHECK(build.at("datetime").as_string() == "2026-01-01 01:00 +09:00");
  CHECK(build.at("commit_short").as_string() == std::string(12, 'b'));
}
