// The site stage decides every page from the content: routes, languages, sitemap.
#include "site/plan.h"

#include <catch2/catch.hpp>

#include "content/loader.h"
#include "render/template.h"
#include "site/release_view.h"

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
      {"documents/sla.pdf", "%PDF-1.4 sla"},
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
  BuildInfo info;
  info.provenance = p;
  info.version = "1.0";
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), info);
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
  BuildInfo info;
  info.provenance = p;
  info.version = "1.0";
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), info);
  REQUIRE(plan.ok());
  const Map& build = find(*plan, "index.html")->context.at("provenance").as_map();
  CHECK(build.at("date").as_string() == "2026-01-01");
  CHECK(build.at("datetime").as_string() == "2026-01-01 01:00 +09:00");
  CHECK(build.at("source").as_string() == std::string(12, 'b'));
}

namespace {

// A signed build as the publish stage describes it: the release, and each download signed
// on its own.
BuildInfo signed_build() {
  BuildInfo info;
  info.provenance.commit = std::string(40, 'c');
  info.provenance.time = 1767225600;
  info.fingerprint = "SHA256:abcDEF+/123";
  info.signer_principal = "trust.example.com";
  info.download_formats = {"pdf", "csv"};
  info.release = ReleaseView{7,
                             "2026-01-01T09:00:00+09:00",
                             "2026-06-30",
                             "SHA256:abcDEF+/123",
                             "RWQfakeminisignkey",
                             "ssh-ed25519 AAAAfake",
                             "https://trust.example.com/a&b/"};
  info.signed_downloads = {{"checklists/sheet/sheet.pdf", std::string(64, '1')},
                           {"checklists/sheet/sheet.csv", std::string(64, '2')},
                           {"documents/sla.pdf", std::string(64, '3')}};
  return info;
}

std::string render(const PagePlan& page) {
  Theme theme = Theme::builtin();
  TemplateEngine engine([&theme](const std::string& name) { return theme.file("templates/" + name); });
  RenderRequest request;
  request.body = page.template_name;
  request.context = page.context;
  request.page_route = page.route;
  Result<std::string> html = engine.render(request);
  if (!html.ok()) FAIL(html.status().message());
  return *html;
}

}  // namespace

TEST_CASE("the overview, checklist and verify pages show the signed release; item pages do not") {
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), signed_build());
  REQUIRE(plan.ok());
  for (const char* route : {"index.html", "checklists/sheet/index.html", "verify.html",
                            "en/index.html", "en/checklists/sheet/index.html", "en/verify.html"}) {
    INFO(route);
    const PagePlan* page = find(*plan, route);
    REQUIRE(page);
    const Map& release = page->context.at("release").as_map();
    CHECK(release.at("sequence").as_string() == "7");
    CHECK(release.at("date").as_string() == "2026-01-01");
    CHECK(release.at("datetime").as_string() == "2026-01-01T09:00:00+09:00");
    CHECK(release.at("expires").as_string() == "2026-06-30");
    CHECK(release.at("fingerprint").as_string() == "SHA256:abcDEF+/123");
    const std::string html = render(*page);
    CHECK_THAT(html, Catch::Contains("class=\"release-box\""));
    CHECK_THAT(html, Catch::Contains("datetime=\"2026-06-30\""));
    CHECK_THAT(html, Catch::Contains("release.js"));
  }
  CHECK(find(*plan, "index.html")->context.at("release").as_map().at("verify_route").as_string() ==
        "verify.html");
  CHECK(find(*plan, "en/index.html")->context.at("release").as_map().at("verify_route").as_string() ==
        "en/verify.html");
  CHECK_THAT(render(*find(*plan, "index.html")),
             Catch::Contains("署名済みリリース <strong>7</strong></a>"));
  CHECK_THAT(render(*find(*plan, "en/checklists/sheet/index.html")),
             Catch::Contains("Signed release <strong>7</strong></a>"));
  // A new release must not change every item page.
  for (const char* route : {"checklists/sheet/items/a-1.html", "en/checklists/sheet/items/a-1.html"}) {
    INFO(route);
    const PagePlan* item = find(*plan, route);
    REQUIRE(item);
    CHECK(item->context.count("release") == 0);
    CHECK(render(*item).find("release-box") == std::string::npos);
  }
}

TEST_CASE("an unsigned build shows no release box") {
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), BuildInfo{});
  REQUIRE(plan.ok());
  const PagePlan* index = find(*plan, "index.html");
  REQUIRE(index);
  CHECK_FALSE(index->context.at("release").truthy());
  CHECK(render(*index).find("release-box") == std::string::npos);
  CHECK(find(*plan, "verify.html") == nullptr);
}

TEST_CASE("each download shows its own signature and SHA-256 beside it") {
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), signed_build());
  REQUIRE(plan.ok());
  const PagePlan* page = find(*plan, "en/checklists/sheet/index.html");
  REQUIRE(page);
  const List& downloads = page->context.at("checklist").as_map().at("downloads").as_list();
  REQUIRE(downloads.size() == 2);
  const Map& pdf = downloads[0].as_map();
  CHECK(pdf.at("route").as_string() == "checklists/sheet/sheet.pdf");
  CHECK(pdf.at("minisig_route").as_string() == "checklists/sheet/sheet.pdf.minisig");
  CHECK(pdf.at("sha256").as_string() == std::string(64, '1'));
  const std::string html = render(*page);
  CHECK_THAT(html, Catch::Contains("href=\"../../../checklists/sheet/sheet.pdf.minisig\""));
  CHECK_THAT(html, Catch::Contains(std::string(64, '2')));

  const List& documents = find(*plan, "index.html")->context.at("documents").as_list();
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].as_map().at("minisig_route").as_string() == "documents/sla.pdf.minisig");
  CHECK_THAT(render(*find(*plan, "index.html")), Catch::Contains(std::string(64, '3')));

  // Unsigned: the links alone.
  BuildInfo unsigned_build;
  unsigned_build.download_formats = {"pdf"};
  Result<SitePlan> plain = plan_site(sample(), Theme::builtin(), unsigned_build);
  REQUIRE(plain.ok());
  const Map& link = find(*plain, "checklists/sheet/index.html")
                        ->context.at("checklist").as_map().at("downloads").as_list()[0].as_map();
  CHECK(link.at("minisig_route").as_string().empty());
  CHECK(render(*find(*plain, "checklists/sheet/index.html")).find(".minisig") == std::string::npos);
}

TEST_CASE("the verify page's commands carry the key itself and check the reader's own file") {
  Result<SitePlan> plan = plan_site(sample(), Theme::builtin(), signed_build());
  REQUIRE(plan.ok());
  const PagePlan* page = find(*plan, "en/verify.html");
  REQUIRE(page);
  const Map& verify = page->context.at("verify").as_map();
  CHECK(verify.at("keys").as_map().at("minisign").as_string() == "RWQfakeminisignkey");
  CHECK(verify.at("site").as_string() == "'https://trust.example.com/a&b/'");
  const List& pdfs = verify.at("pdfs").as_list();
  REQUIRE(pdfs.size() == 1);
  CHECK(pdfs[0].as_map().at("files").as_string() ==
        "checklists/sheet/sheet.pdf checklists/sheet/sheet.pdf.minisig");
  CHECK(verify.at("files").as_list().size() == 3);
  const std::string html = render(*page);
  CHECK_THAT(html, Catch::Contains("<code>minisign -Vm sheet.pdf -P RWQfakeminisignkey</code>"));
  CHECK_THAT(html, Catch::Contains("printf %s &#39;RWQfakeminisignkey&#39;") ||
                       Catch::Contains("printf %s 'RWQfakeminisignkey'"));
  CHECK_THAT(html, Catch::Contains("--site &#39;https://trust.example.com/a&amp;b/&#39;") ||
                       Catch::Contains("--site 'https://trust.example.com/a&amp;b/'"));
  CHECK(html.find("--ignore-missing") == std::string::npos);
  CHECK(html.find("-p keys/") == std::string::npos);
  CHECK(html.find("-f keys/") == std::string::npos);
}

TEST_CASE("shell_word quotes what bash would split or expand") {
  CHECK(shell_word("meti.pdf") == "meti.pdf");
  CHECK(shell_word("https://trust.example.com/") == "https://trust.example.com/");
  CHECK(shell_word("https://x/a&b/") == "'https://x/a&b/'");
  CHECK(shell_word("it's") == "'it'\\''s'");
  CHECK(shell_word("") == "''");
}
