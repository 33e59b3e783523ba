// Builds the demo content from a git repository and checks what a reader of the site sees.
// Expected texts come from the METI checklist file and the content files, not from output.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "publish/publish.h"
#include "support/git_fixture.h"

namespace fs = std::filesystem;
using namespace trustpage;
using trustpage::testing::GitFixture;
using trustpage::testing::slurp;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

struct MetiRow {
  std::string no, category, item, requirement, unit;
};

std::vector<MetiRow> meti_rows() {
  // The METI item texts as published (with their attribution lines), kept beside the tests
  // so the expected texts never come from the generator or the demo content.
  std::ifstream in(kRepo / "tests/fixtures/checklists/meti-cloud-sla-2010.tsv");
  REQUIRE(in);
  std::vector<MetiRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("no\t", 0) == 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    REQUIRE(f.size() == 6);
    rows.push_back({f[0], f[2], f[3], f[4], f[5]});
  }
  return rows;
}

const std::string& file(const BuildResult& r, const std::string& path) {
  INFO(path);
  REQUIRE(r.bundle.contains(path));
  return r.bundle.files().find(path)->second;
}

// The front-matter value of `key` in an item file (simple "key: value" lines only).
std::string front_matter(const std::string& md, const std::string& key) {
  std::smatch m;
  REQUIRE(std::regex_search(md, m, std::regex("\n" + key + ": \"?([^\"\n]*)\"?\n")));
  return m[1];
}

BuildResult build_demo(GitFixture& repo) {
  repo.copy_tree(kRepo / "content", "content");
  repo.commit("Publish the demo", "2026-10-01T09:30:00+09:00");
  BuildOptions options;
  options.content_dir = repo.content();
  BuildResult r = build_bundle(options);
  for (const auto& d : r.diagnostics.list()) UNSCOPED_INFO(d.to_string());
  REQUIRE_FALSE(r.diagnostics.has_errors());
  return r;
}

}  // namespace

TEST_CASE("the demo's METI page lists all 49 items with their texts and anchors") {
  GitFixture repo("e2e-meti");
  BuildResult r = build_demo(repo);
  const std::string& page = file(r, "checklists/meti-cloud-sla/index.html");
  auto rows = meti_rows();
  REQUIRE(rows.size() == 49);
  size_t last = 0;
  for (const MetiRow& row : rows) {
    INFO("METI item " << row.no << " " << row.item);
    size_t at = page.find(">" + row.item + "<", last);
    REQUIRE(at != std::string::npos);  // present, and in the checklist's order
    last = at;
    CHECK(page.find(">" + row.requirement + "<") != std::string::npos);
    CHECK(page.find(">" + row.unit + "<") != std::string::npos);
  }
  std::regex anchor("<tr class=\"item-row\" id=\"item-meti-");
  auto anchors =
      std::distance(std::sregex_iterator(page.begin(), page.end(), anchor), std::sregex_iterator());
  CHECK(anchors == 49);
  // The source attribution from checklist.yaml is shown.
  std::string checklist_yaml = slurp(kRepo / "content/checklists/meti-cloud-sla/checklist.yaml");
  CHECK(page.find("経済産業省") != std::string::npos);
  CHECK(checklist_yaml.find("経済産業省") != std::string::npos);
  // Column headings in Japanese, status as badge and text.
  for (const char* heading : {"種別", "項目", "規定内容", "測定単位", "回答", "備考"}) {
    CHECK(page.find(std::string(">") + heading + "<") != std::string::npos);
  }
  CHECK(page.find("status status-yes") != std::string::npos);
  CHECK(page.find(">〇</span> 対応<") != std::string::npos);
}

TEST_CASE("an item page shows its answer, status and rendered remarks") {
  GitFixture repo("e2e-item");
  BuildResult r = build_demo(repo);
  std::string md = slurp(
      kRepo / "content/checklists/meti-cloud-sla/application-operations/05-availability-rate.md");
  const std::string& page =
      file(r, "checklists/meti-cloud-sla/items/meti-05-availability-rate.html");
  CHECK(page.find(">" + front_matter(md, "answer") + "<") != std::string::npos);
  CHECK(page.find(front_matter(md, "item") + "</h1>") != std::string::npos);
  CHECK(page.find(">" + front_matter(md, "reviewed") + "<") != std::string::npos);
  // The remarks' GFM table is rendered as a table, not left as pipes.
  CHECK(page.find("<table>") != std::string::npos);
  CHECK(page.find("|---|") == std::string::npos);
  // Links are relative, so the site works from a sub-path and from file://.
  CHECK(page.find("href=\"../../../assets/style.css\"") != std::string::npos);
  CHECK(page.find("href=\"../index.html#item-meti-05-availability-rate\"") != std::string::npos);
  CHECK(page.find("href=\"/") == std::string::npos);
}

TEST_CASE("the demo has the questionnaire, pages, English pages, sitemap, robots and 404") {
  GitFixture repo("e2e-site");
  BuildResult r = build_demo(repo);
  const std::string& sq = file(r, "checklists/security-questionnaire/index.html");
  std::regex row("<tr class=\"item-row\"");
  CHECK(std::distance(std::sregex_iterator(sq.begin(), sq.end(), row), std::sregex_iterator()) >=
        30);
  CHECK(sq.find("status status-no") != std::string::npos);

  for (const char* p :
       {"index.html", "404.html", "pages/overview.html", "pages/certifications.html",
        "pages/subprocessors.html", "en/index.html", "en/checklists/meti-cloud-sla/index.html",
        "assets/style.css", "documents/sla-summary.txt"}) {
    file(r, p);
  }
  CHECK(file(r, "en/checklists/meti-cloud-sla/index.html").find(">Remarks<") != std::string::npos);
  CHECK(file(r, "index.html").find("株式会社ミナトクラウド") != std::string::npos);

  const std::string& sitemap = file(r, "sitemap.xml");
  for (const auto& [path, bytes] : r.bundle.files()) {
    if (!path.ends_with(".html") || path == "404.html") continue;
    INFO(path);
    CHECK(sitemap.find("<loc>https://trust.minato-cloud.example.jp/" + path + "</loc>") !=
          std::string::npos);
  }
  CHECK(file(r, "robots.txt").find("Sitemap: https://trust.minato-cloud.example.jp/sitemap.xml") !=
        std::string::npos);
  // Every page names the commit it was built from.
  CHECK(file(r, "index.html").find(r.provenance.commit.substr(0, 12)) != std::string::npos);
}

TEST_CASE(
    "build publishes the commit, not uncommitted edits, unless --worktree or --rev say otherwise") {
  GitFixture repo("e2e-rev");
  repo.copy_tree(kRepo / "content", "content");
  std::string first = repo.commit("First", "2026-01-05T10:00:00+09:00");
  const std::string path =
      "content/checklists/meti-cloud-sla/application-operations/01-service-hours.md";
  std::string md = repo.read(path);
  std::string answer = front_matter(md, "answer");
  std::string edited =
      std::regex_replace(md, std::regex("\nanswer: [^\n]*\n"), "\nanswer: 平日のみ（改定後）\n");
  repo.write(path, edited);
  std::string second = repo.commit("Change service hours", "2026-02-05T10:00:00+09:00");
  repo.write(path,
             std::regex_replace(md, std::regex("\nanswer: [^\n]*\n"), "\nanswer: 未コミット\n"));

  const std::string route = "checklists/meti-cloud-sla/items/meti-01-service-hours.html";
  BuildOptions options;
  options.content_dir = repo.content();
  BuildResult head = build_bundle(options);
  REQUIRE_FALSE(head.diagnostics.has_errors());
  CHECK(head.provenance.commit == second);
  CHECK(file(head, route).find("平日のみ（改定後）") != std::string::npos);
  CHECK(file(head, route).find("未コミット") == std::string::npos);

  options.rev = first;
  BuildResult old = build_bundle(options);
  REQUIRE_FALSE(old.diagnostics.has_errors());
  CHECK(file(old, route).find(">" + answer + "<") != std::string::npos);

  options.rev = "HEAD";
  options.worktree = true;
  BuildResult wt = build_bundle(options);
  REQUIRE_FALSE(wt.diagnostics.has_errors());
  CHECK(file(wt, route).find("未コミット") != std::string::npos);
  // The preview says plainly that it holds unpublished changes.
  CHECK(file(wt, "index.html").find("preview-banner") != std::string::npos);
  CHECK(file(head, "index.html").find("preview-banner") == std::string::npos);
}

TEST_CASE("a broken item fails the build, names file:line, and leaves public/ untouched") {
  GitFixture repo("e2e-broken");
  repo.copy_tree(kRepo / "content", "content");
  repo.commit("Good", "2026-01-05T10:00:00+09:00");
  BuildOptions options;
  options.content_dir = repo.content();
  options.out_dir = repo.root() / "public";
  REQUIRE_FALSE(publish(options).diagnostics.has_errors());
  std::string before = slurp(repo.root() / "public/index.html");

  const std::string path =
      "content/checklists/meti-cloud-sla/application-operations/01-service-hours.md";
  std::string md = repo.read(path);
  repo.write(path, std::regex_replace(md, std::regex("\nstatus: [a-z]+\n"), "\nstatus: maybe\n"));
  repo.commit("Break", "2026-01-06T10:00:00+09:00");
  BuildResult broken = publish(options);
  REQUIRE(broken.diagnostics.has_errors());
  std::string message = broken.diagnostics.list().front().to_string();
  CHECK_THAT(message, Catch::Contains("01-service-hours.md:8:"));
  CHECK_THAT(message, Catch::Contains("maybe"));
  CHECK(slurp(repo.root() / "public/index.html") == before);
}

TEST_CASE("a themes/<name>/ folder beside content/ overrides the built-in theme") {
  GitFixture repo("e2e-theme");
  repo.copy_tree(kRepo / "content", "content");
  repo.write("content/site.yaml", repo.read("content/site.yaml") + "theme: acme\n");
  repo.write("themes/acme/templates/page.xhtml",
             "<div xmlns:tp=\"urn:trustpage:template\"><h1 class=\"acme\" "
             "tp:text=\"page.title\"/></div>\n");
  repo.write("themes/acme/static/acme.css", "h1.acme { color: teal }\n");
  repo.commit("Theme", "2026-03-01T10:00:00+09:00");
  BuildOptions options;
  options.content_dir = repo.content();
  BuildResult r = build_bundle(options);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  CHECK(file(r, "pages/overview.html").find("<h1 class=\"acme\">") != std::string::npos);
  // Files the override lacks come from the built-in theme.
  CHECK(file(r, "checklists/meti-cloud-sla/index.html").find("item-row") != std::string::npos);
  CHECK(file(r, "assets/acme.css").find("teal") != std::string::npos);
  file(r, "assets/style.css");

  // The theme is read from the same commit as the content: an uncommitted edit is not used...
  repo.write("themes/acme/templates/page.xhtml",
             "<div xmlns:tp=\"urn:trustpage:template\">\n<h1 tp:text=\"page.titel\"/></div>\n");
  BuildResult uncommitted = build_bundle(options);
  REQUIRE_FALSE(uncommitted.diagnostics.has_errors());
  CHECK(file(uncommitted, "pages/overview.html").find("<h1 class=\"acme\">") != std::string::npos);
  // ...and once committed, the broken template is reported in its file, at its line.
  repo.commit("Break the theme", "2026-03-02T10:00:00+09:00");
  BuildResult broken = build_bundle(options);
  REQUIRE(broken.diagnostics.has_errors());
  CHECK_THAT(broken.diagnostics.list().back().to_string(),
             Catch::Contains("themes/acme/templates/page.xhtml:2:"));

  repo.remove("themes");
  repo.commit("Drop the theme", "2026-03-03T10:00:00+09:00");
  BuildResult missing = build_bundle(options);
  REQUIRE(missing.diagnostics.has_errors());
  CHECK_THAT(missing.diagnostics.list().back().message,
             Catch::Contains("theme \"acme\" not found"));
}

TEST_CASE("the review-overdue badge agrees with the stale warnings, --stale-after included") {
  GitFixture repo("e2e-stale");
  repo.copy_tree(kRepo / "content", "content");
  repo.commit("Demo", "2026-10-01T09:30:00+09:00");
  auto count = [](const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  };
  for (std::optional<int> months : {std::optional<int>{}, std::optional<int>{6}, std::optional<int>{24}}) {
    BuildOptions options;
    options.content_dir = repo.content();
    options.stale_after_months = months;
    BuildResult r = build_bundle(options);
    REQUIRE_FALSE(r.diagnostics.has_errors());
    size_t badges = 0;
    for (const auto& [path, bytes] : r.bundle.files()) {
      if (path.starts_with("checklists/") && path.ends_with("/index.html")) {
        badges += count(bytes, "<span class=\"stale\">");
      }
    }
    INFO("stale_after_months " << months.value_or(0));
    CHECK(badges == r.diagnostics.warning_count());
    if (months == 24) CHECK(badges == 0);
    if (!months) CHECK(badges > 0);
  }
}
