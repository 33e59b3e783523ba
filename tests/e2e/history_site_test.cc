// What a reviewer sees of the history: the item page's timeline, the checklist's
// last-changed dates, the changelog, the Atom feed and the JSON export, built from a
// repository whose commits are made here with known dates and messages.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "publish/publish.h"
#include "support/git_fixture.h"

namespace fs = std::filesystem;
using namespace trustpage;
using trustpage::testing::GitFixture;
using trustpage::testing::run;
using trustpage::testing::slurp;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;
const std::string kItem = "content/checklists/meti-cloud-sla/application-operations/01-service-hours.md";
const std::string kRoute = "checklists/meti-cloud-sla/items/meti-01-service-hours.html";

const std::string& file(const BuildResult& r, const std::string& path) {
  INFO(path);
  REQUIRE(r.bundle.contains(path));
  return r.bundle.files().find(path)->second;
}

std::string with_answer(const std::string& md, const std::string& answer) {
  return std::regex_replace(md, std::regex("\nanswer: [^\n]*\n"), "\nanswer: " + answer + "\n");
}

// The demo, then: an answer changed twice, and a commit touching a page only.
struct DemoHistory {
  GitFixture repo{"e2e-history"};
  std::string original_answer;
  std::vector<std::string> content_commits;  // commits that changed an item, oldest first

  DemoHistory() {
    repo.copy_tree(kRepo / "content", "content");
    content_commits.push_back(repo.commit("Publish the demo", "2025-10-01T09:30:00+09:00"));
    std::string md = repo.read(kItem);
    std::smatch m;
    REQUIRE(std::regex_search(md, m, std::regex("\nanswer: ([^\n]*)\n")));
    original_answer = m[1];
    repo.write(kItem, with_answer(md, "平日 9:00-18:00"));
    content_commits.push_back(
        repo.commit("Narrow service hours to business days", "2026-01-15T10:00:00+09:00"));
    repo.write("content/pages/overview.md", repo.read("content/pages/overview.md") + "\n追記。\n");
    repo.commit("Overview wording", "2026-02-01T10:00:00+09:00");
    repo.write(kItem, with_answer(md, "24時間365日 <script>alert(1)</script>"));
    content_commits.push_back(
        repo.commit("Restore 24/7 service hours", "2026-03-20T16:45:00+09:00"));
  }

  BuildResult build(bool allow_shallow = false) {
    BuildOptions options;
    options.content_dir = repo.content();
    options.allow_shallow = allow_shallow;
    BuildResult r = build_bundle(options);
    for (const auto& d : r.diagnostics.list()) UNSCOPED_INFO(d.to_string());
    REQUIRE_FALSE(r.diagnostics.has_errors());
    return r;
  }
};

}  // namespace

TEST_CASE("an item page shows its history newest first, with messages and before -> after") {
  DemoHistory demo;
  BuildResult r = demo.build();
  const std::string& page = file(r, kRoute);
  size_t history = page.find("変更履歴");
  REQUIRE(history != std::string::npos);
  size_t restore = page.find("Restore 24/7 service hours", history);
  size_t narrow = page.find("Narrow service hours to business days", history);
  size_t publish = page.find("Publish the demo", history);
  REQUIRE(restore != std::string::npos);
  REQUIRE(narrow != std::string::npos);
  REQUIRE(publish != std::string::npos);
  CHECK(restore < narrow);
  CHECK(narrow < publish);
  CHECK(page.find("2026-03-20", history) != std::string::npos);
  CHECK(page.find("平日 9:00-18:00", history) != std::string::npos);
  CHECK(page.find(demo.original_answer, narrow) != std::string::npos);
  // The page-only commit is not part of this item's history.
  CHECK(page.find("Overview wording") == std::string::npos);
  // Values are text, never markup.
  CHECK(page.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("the checklist shows each item's last-changed date") {
  DemoHistory demo;
  BuildResult r = demo.build();
  const std::string& page = file(r, "checklists/meti-cloud-sla/index.html");
  size_t row = page.find("id=\"item-meti-01-service-hours\"");
  REQUIRE(row != std::string::npos);
  size_t next = page.find("class=\"item-row\"", row + 10);
  std::string cells = page.substr(row, next - row);
  CHECK(cells.find("最終変更日") != std::string::npos);
  CHECK(cells.find("2026-03-20") != std::string::npos);
  // An item untouched since the first commit shows that commit's date.
  size_t other = page.find("id=\"item-meti-02-planned-maintenance-notice\"");
  REQUIRE(other != std::string::npos);
  size_t other_end = page.find("class=\"item-row\"", other + 10);
  CHECK(page.substr(other, other_end - other).find("2025-10-01") != std::string::npos);
}

TEST_CASE("the Atom feed is XML with one entry per content-changing commit, stable ids") {
  DemoHistory demo;
  BuildResult r = demo.build();
  pugi::xml_document feed;
  REQUIRE(feed.load_string(file(r, "changes.atom").c_str()));
  pugi::xml_node root = feed.child("feed");
  REQUIRE(root);
  CHECK(std::string(root.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  CHECK_FALSE(std::string(root.child_value("id")).empty());
  CHECK(std::string(root.child_value("updated")) == "2026-03-20T16:45:00+09:00");
  std::vector<std::string> ids, titles;
  for (pugi::xml_node entry : root.children("entry")) {
    ids.push_back(entry.child_value("id"));
    titles.push_back(entry.child_value("title"));
    CHECK_FALSE(std::string(entry.child_value("updated")).empty());
    CHECK_FALSE(std::string(entry.child("author").child_value("name")).empty());
  }
  REQUIRE(ids.size() == demo.content_commits.size());
  CHECK(titles.front() == "Restore 24/7 service hours");  // newest first
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(ids.front().find(demo.content_commits.back()) != std::string::npos);

  // One more commit: the old entries keep their ids.
  demo.repo.write(kItem, with_answer(demo.repo.read(kItem), "常時"));
  demo.repo.commit("Always on", "2026-04-01T10:00:00+09:00");
  BuildResult later = demo.build();
  pugi::xml_document again;
  REQUIRE(again.load_string(file(later, "changes.atom").c_str()));
  std::vector<std::string> later_ids;
  for (pugi::xml_node entry : again.child("feed").children("entry"))
    later_ids.push_back(entry.child_value("id"));
  REQUIRE(later_ids.size() == ids.size() + 1);
  CHECK(std::vector<std::string>(later_ids.begin() + 1, later_ids.end()) == ids);
}

TEST_CASE("the changelog page lists commits with the items they changed, linked") {
  DemoHistory demo;
  BuildResult r = demo.build();
  const std::string& page = file(r, "changes.html");
  size_t restore = page.find("Restore 24/7 service hours");
  size_t narrow = page.find("Narrow service hours to business days");
  REQUIRE(restore != std::string::npos);
  REQUIRE(narrow != std::string::npos);
  CHECK(restore < narrow);
  CHECK(page.find("Overview wording") == std::string::npos);
  CHECK(page.find("href=\"checklists/meti-cloud-sla/items/meti-01-service-hours.html\"") !=
        std::string::npos);
  CHECK(page.find("data-date=\"2026-01-15\"") != std::string::npos);
  CHECK(page.find("type=\"date\"") != std::string::npos);  // "changes since" picker
  CHECK(file(r, "en/changes.html").find("Changes") != std::string::npos);
}

TEST_CASE("history.json has each item's last-changed date and revisions") {
  DemoHistory demo;
  BuildResult r = demo.build();
  nlohmann::json json = nlohmann::json::parse(file(r, "checklists/meti-cloud-sla/history.json"));
  CHECK(json["schema"] == "trustpage-history/1");
  CHECK(json["history"] == "complete");
  bool found = false;
  for (const auto& item : json["items"]) {
    if (item["id"] != "meti-01-service-hours") continue;
    found = true;
    CHECK(item["last_changed"] == "2026-03-20");
    REQUIRE(item["revisions"].size() == 3);
    CHECK(item["revisions"][1]["message"] == "Narrow service hours to business days");
    CHECK(item["revisions"][1]["changes"][0]["field"] == "answer");
    CHECK(item["revisions"][1]["changes"][0]["after"] == "平日 9:00-18:00");
  }
  CHECK(found);
  CHECK(json["items"].size() == 49);

  // The checklist's own JSON export carries the same last-changed date.
  nlohmann::json data =
      nlohmann::json::parse(file(r, "checklists/meti-cloud-sla/meti-cloud-sla.json"));
  bool exported = false;
  for (const auto& section : data["sections"]) {
    for (const auto& item : section["items"]) {
      if (item["id"] != "meti-01-service-hours") continue;
      exported = true;
      CHECK(item["last_changed"] == "2026-03-20");
    }
  }
  CHECK(exported);
}

TEST_CASE("a shallow clone: the build says what to do; --allow-shallow says history is truncated") {
  DemoHistory demo;
  fs::path clone = testing::unique_temp_dir("e2e-shallow") / "site";
  run("git clone -q --depth 1 'file://" + demo.repo.root().string() + "' '" + clone.string() + "'");
  BuildOptions options;
  options.content_dir = clone / "content";
  BuildResult refused = build_bundle(options);
  REQUIRE(refused.diagnostics.has_errors());
  CHECK(refused.diagnostics.list().front().to_string().find("git fetch --unshallow") !=
        std::string::npos);
  options.allow_shallow = true;
  BuildResult truncated = build_bundle(options);
  REQUIRE_FALSE(truncated.diagnostics.has_errors());
  CHECK(file(truncated, kRoute).find("浅いクローン") != std::string::npos);
  CHECK(file(truncated, "changes.html").find("浅いクローン") != std::string::npos);
  fs::remove_all(clone.parent_path());
}

TEST_CASE("content outside git builds, and its pages say there is no history") {
  fs::path dir = testing::unique_temp_dir("e2e-nogit");
  fs::copy(kRepo / "content", dir / "content", fs::copy_options::recursive);
  BuildOptions options;
  options.content_dir = dir / "content";
  options.worktree = true;
  BuildResult r = build_bundle(options);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  CHECK(file(r, kRoute).find("git で管理されていない") != std::string::npos);
  CHECK(file(r, "changes.html").find("git で管理されていない") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a commit signed by a key in keys/allowed_signers shows its signer on the item page") {
  DemoHistory demo;
  const fs::path keys = testing::unique_temp_dir("e2e-signer");
  run("ssh-keygen -q -t ed25519 -N '' -C alice -f '" + (keys / "alice").string() + "'");
  // The list of signers as committed: the build reads it from the published commit.
  demo.repo.write("keys/allowed_signers", "alice@example.com namespaces=\"git\" " +
                                              slurp(keys / "alice.pub"));
  demo.repo.commit("Allow alice to sign", "2026-03-21T10:00:00+09:00");
  demo.repo.write(kItem, with_answer(demo.repo.read(kItem), "署名付きの回答"));
  const std::string git = "git -C '" + demo.repo.root().string() + "' ";
  run(git + "add -A");
  run("GIT_AUTHOR_DATE='2026-03-22T10:00:00+09:00' GIT_COMMITTER_DATE='2026-03-22T10:00:00+09:00' "
      "GIT_AUTHOR_NAME=Alice GIT_AUTHOR_EMAIL=alice@example.com GIT_COMMITTER_NAME=Alice "
      "GIT_COMMITTER_EMAIL=alice@example.com " +
      git + "-c gpg.format=ssh -c user.signingkey='" + (keys / "alice").string() +
      "' commit -q -S -m 'Signed answer'");
  BuildResult r = demo.build();
  const std::string& page = file(r, kRoute);
  size_t signed_at = page.find("Signed answer");
  REQUIRE(signed_at != std::string::npos);
  size_t next = page.find("Restore 24/7 service hours", signed_at);
  REQUIRE(next != std::string::npos);
  const std::string revision = page.substr(signed_at, next - signed_at);
  CHECK(revision.find("署名検証済み") != std::string::npos);
  CHECK(revision.find("alice@example.com") != std::string::npos);
  // The unsigned revisions say nothing about signatures.
  CHECK(page.substr(next).find("署名検証済み") == std::string::npos);
  fs::remove_all(keys);
}

TEST_CASE("the changelog is split into pages of 100 commits, newest first") {
  GitFixture repo("e2e-changes-pages");
  repo.copy_tree(kRepo / "content", "content");
  repo.commit("Publish the demo", "2025-01-01T09:00:00+09:00");
  const std::string md = repo.read(kItem);
  for (int i = 1; i <= 100; ++i) {
    repo.write(kItem, with_answer(md, "版" + std::to_string(i)));
    char date[40];
    std::snprintf(date, sizeof date, "2025-%02d-%02dT10:00:00+09:00", 2 + i / 28, 1 + i % 28);
    repo.commit("Answer version " + std::to_string(i), date);
  }
  BuildOptions options;
  options.content_dir = repo.content();
  BuildResult r = build_bundle(options);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  auto count = [](const std::string& page, const std::string& what) {
    size_t n = 0;
    for (size_t at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) ++n;
    return n;
  };
  const std::string& first = file(r, "changes.html");
  const std::string& second = file(r, "changes-2.html");
  CHECK(count(first, "<article class=\"change-set\"") == 100);
  CHECK(count(second, "<article class=\"change-set\"") == 1);
  CHECK(first.find("Answer version 100") < first.find("Answer version 99<"));
  CHECK(second.find("Publish the demo") != std::string::npos);
  CHECK(first.find("href=\"changes-2.html\"") != std::string::npos);
  CHECK(second.find("href=\"changes.html\"") != std::string::npos);
  CHECK_FALSE(r.bundle.contains("changes-3.html"));
  // The feed carries the newest 100, like the first page.
  CHECK(count(file(r, "changes.atom"), "<entry>") == 100);
}

TEST_CASE("an item page names its own last change: a commit elsewhere leaves its bytes as they were") {
  DemoHistory demo;
  const std::string other = "checklists/meti-cloud-sla/items/meti-02-planned-maintenance-notice.html";
  BuildResult before = demo.build();
  const std::string page_before = file(before, kRoute);
  const std::string other_before = file(before, other);
  // The footer names the commit that last changed this item, not the build's.
  const std::string last_change = demo.content_commits.back();
  CHECK_THAT(page_before, Catch::Contains("title=\"" + last_change + "\""));
  CHECK_THAT(page_before, Catch::Contains("この項目の最終変更コミット"));
  CHECK_THAT(page_before, Catch::Contains("2026-03-20 16:45 +09:00"));

  demo.repo.write(kItem, with_answer(demo.repo.read(kItem), "24時間365日(計画停止を除く)"));
  const std::string next = demo.repo.commit("Mention planned outages", "2026-04-01T09:00:00+09:00");
  BuildResult after = demo.build();
  CHECK(file(after, other) == other_before);
  CHECK(file(after, kRoute) != page_before);
  CHECK_THAT(file(after, kRoute), Catch::Contains("title=\"" + next + "\""));
  // Pages about the whole site name the build's commit.
  CHECK_THAT(file(after, "index.html"), Catch::Contains("title=\"" + next + "\""));
  CHECK_THAT(file(after, "index.html"), Catch::Contains("公開元コミット"));
}
