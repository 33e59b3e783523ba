// Links between content files in Markdown become links between published pages.
#include "site/links.h"

#include <catch2/catch.hpp>

#include "content/loader.h"
#include "site/plan.h"

using namespace trustpage;

namespace {

Content sample() {
  auto source = open_memory({
      {"site.yaml",
       "organization: O\nservice: S\nbase_url: https://t.example.com/\nlanguages: [ja, en]\n"},
      {"checklists/sheet/checklist.yaml", "title: Sheet\nsections:\n  - id: sec\n    title: Sec\n"},
      {"checklists/sheet/sec/01-a.md",
       "---\nid: a-1\nno: 1\nitem: Q\nstatus: yes\nanswer: A\nreviewed: 2026-01-01\n---\n"
       "See [the SLA](../../../documents/sla.txt) and [item 2](02-b.md#why).\n"},
      {"checklists/sheet/sec/02-b.md",
       "---\nid: b-2\nno: 2\nitem: Q\nstatus: yes\nanswer: A\nreviewed: 2026-01-01\n---\n"
       "Line one.\n\nSee [nothing](../../../pages/missing.md).\n"},
      {"pages/about.md", "---\ntitle: About\n---\n[Sheet](/checklists/sheet/checklist.yaml)\n"},
      {"documents/sla.txt", "SLA"},
  });
  Diagnostics diagnostics;
  Content content = load_content(*source, LoadOptions{Date{2026, 2, 1}, {}}, diagnostics);
  for (const auto& d : diagnostics.list()) UNSCOPED_INFO(d.to_string());
  REQUIRE_FALSE(diagnostics.has_errors());
  return content;
}

}  // namespace

TEST_CASE("links between content files resolve to relative links between pages") {
  Content content = sample();
  ContentLinks links(content);
  const std::string item = "checklists/sheet/sec/01-a.md";
  // From the item's own page.
  CHECK(*links.resolve(item, "../../../documents/sla.txt", "", "checklists/sheet/items/a-1.html") ==
        "../../../documents/sla.txt");
  CHECK(*links.resolve(item, "02-b.md#why", "", "checklists/sheet/items/a-1.html") ==
        "b-2.html#why");
  // The same remark shown on the checklist page, and in English (documents are shared).
  CHECK(*links.resolve(item, "02-b.md", "", "checklists/sheet/index.html") == "items/b-2.html");
  CHECK(*links.resolve(item, "../../../documents/sla.txt", "en/",
                       "en/checklists/sheet/index.html") == "../../../documents/sla.txt");
  CHECK(*links.resolve("pages/about.md", "/checklists/sheet/checklist.yaml", "en/",
                       "en/pages/about.html") == "../checklists/sheet/index.html");
  // Fragments and protocol-relative links are left alone.
  CHECK(*links.resolve(item, "#top", "", "x.html") == "#top");
}

TEST_CASE("a link to a file that is not published is an error naming file and line") {
  Content content = sample();
  ContentLinks links(content);
  auto missing =
      links.resolve("checklists/sheet/sec/02-b.md", "../../../pages/missing.md", "", "x.html");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("content/pages/missing.md"));
  auto outside = links.resolve("pages/about.md", "../../etc/passwd", "", "x.html");
  REQUIRE_FALSE(outside.ok());
  CHECK_THAT(outside.status().message(), Catch::Contains("outside content/"));

  Result<SitePlan> plan = plan_site(content, Theme::builtin(), BuildInfo{});
  REQUIRE_FALSE(plan.ok());
  // 02-b.md's body starts on line 9; the broken link is on the body's third line.
  CHECK_THAT(plan.status().to_string(), Catch::StartsWith("checklists/sheet/sec/02-b.md:11:"));
}
