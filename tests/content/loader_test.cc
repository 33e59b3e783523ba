// load_content on valid content: everything arrives, in a deterministic order.
#include "content/loader.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "source/source.h"

namespace trustpage {
namespace {

std::string item(const std::string& id, const std::string& no, const std::string& status = "yes",
                 const std::string& extra = "") {
  return "---\nid: " + id + "\nno: " + no +
         "\ncategory: 可用性\nitem: サービス時間\nstatus: " + status +
         "\nanswer: 24時間365日\nreviewed: 2026-03-15\n" + extra + "---\n備考です。\n";
}

std::map<std::string, std::string> valid_content() {
  return {
      {"README.md", "This folder holds the trust center's content.\n"},
      {".gitattributes", "* text=auto\n"},
      {"site.yaml",
       "organization: 株式会社サンプル\n"
       "organization_url: https://example.com/\n"
       "service: サンプルクラウド\n"
       "service_url: https://example.com/cloud/\n"
       "description: |\n"
       "  **サンプルクラウド**の\n"
       "  セキュリティ情報です。\n"
       "base_url: https://trust.example.com\n"
       "languages: [ja, en]\n"
       "stale_after_months: 18\n"
       "contacts:\n"
       "  - label: セキュリティ窓口\n"
       "    email: security@example.com\n"
       "    url: https://example.com/contact\n"
       "  - label: Mail\n"
       "    url: mailto:trust@example.com\n"
       "certifications:\n"
       "  - name: ISO/IEC 27001\n"
       "    issuer: 認証機関\n"
       "    id: IS 000000\n"
       "    valid_until: 2027-03-31\n"
       "    url: https://example.com/iso\n"},
      {"checklists/meti/checklist.yaml",
       "title: クラウドサービスレベルのチェックリスト\n"
       "description: |\n"
       "  経済産業省のチェックリストです。\n"
       "source: 経済産業省「SaaS向けSLAガイドライン」(2010年8月)\n"
       "source_url: https://www.meti.go.jp/\n"
       "license: 政府標準利用規約（第2.0版）\n"
       "order: 1\n"
       "scale: [yes, no, partial, na]\n"
       "sections:\n"
       "  - id: operations\n"
       "    title: アプリケーション運用\n"
       "  - id: availability\n"
       "    title: 可用性\n"},
      {"checklists/meti/operations/01-service-hours.md",
       item("meti-01-service-hours", "1", "yes",
            "requirement: サービスを提供する時間帯\nunit: 時間帯\nevidence:\n  - "
            "https://example.com/sla\n"
            "  - documents/sla.pdf\n  - mailto:sla@example.com\n")},
      {"checklists/meti/operations/02-maintenance.md", item("meti-02", "2", "no")},
      {"checklists/meti/operations/10-escrow.md", item("meti-10", "10", "na")},
      {"checklists/meti/availability/a-10.md", item("meti-a10", "A-10", "partial")},
      {"checklists/meti/availability/a-2.md",
       item("meti-a2", "A-2", "yes", "evidence: documents/policies/isms.pdf\n")},
      // order 0 sorts before meti's order 1 although its id sorts after.
      {"checklists/vendor/checklist.yaml",
       "title: 自社チェックシート\nsections:\n  - id: general\n    title: 一般\n"},
      {"checklists/vendor/general/01-plan.md", item("vendor-01", "1", "planned")},
      {"checklists/vendor/general/02-secret.md", item("vendor-02", "2", "undisclosed")},
      {"pages/subprocessors.md", "---\ntitle: 委託先\n---\n委託先一覧\n"},
      {"pages/certifications.md",
       "---\ntitle: 認証・監査\nsummary: 取得している第三者認証\norder: 2\n---\n本文\n"},
      {"pages/overview.md", "---\ntitle: 概要\norder: 1\n---\n"},
      {"documents/sla.pdf", "%PDF-1.4 \xff\xfe binary"},
      {"documents/policies/isms.pdf", "%PDF-1.4"},
  };
}

LoadOptions options() {
  LoadOptions options;
  options.today = *Date::parse("2026-04-01");
  return options;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.list()) out += diagnostic.to_string() + "\n";
  return out;
}

TEST_CASE("a valid content folder loads completely") {
  auto source = open_memory(valid_content());
  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);
  INFO(dump(diagnostics));
  REQUIRE(diagnostics.list().empty());

  const Site& site = content.site;
  CHECK(site.organization == "株式会社サンプル");
  CHECK(site.organization_url == "https://example.com/");
  CHECK(site.service == "サンプルクラウド");
  CHECK(site.service_url == "https://example.com/cloud/");
  CHECK(site.description == "**サンプルクラウド**の\nセキュリティ情報です。\n");
  CHECK(site.base_url == "https://trust.example.com/");  // normalized to end with '/'
  CHECK(site.languages == std::vector<std::string>{"ja", "en"});
  CHECK(site.stale_after_months == 18);
  REQUIRE(site.contacts.size() == 2);
  CHECK(site.contacts[0].label == "セキュリティ窓口");
  CHECK(site.contacts[0].email == "security@example.com");
  CHECK(site.contacts[0].url == "https://example.com/contact");
  CHECK(site.contacts[1].url == "mailto:trust@example.com");
  REQUIRE(site.certifications.size() == 1);
  CHECK(site.certifications[0].name == "ISO/IEC 27001");
  CHECK(site.certifications[0].issuer == "認証機関");
  CHECK(site.certifications[0].id == "IS 000000");
  CHECK(site.certifications[0].valid_until == "2027-03-31");
  CHECK(site.certifications[0].url == "https://example.com/iso");

  REQUIRE(content.checklists.size() == 2);
  CHECK(content.checklists[0].id == "vendor");
  CHECK(content.checklists[0].scale == all_answer_statuses());  // default: all six
  const Checklist& meti = content.checklists[1];
  CHECK(meti.id == "meti");
  CHECK(meti.title == "クラウドサービスレベルのチェックリスト");
  CHECK(meti.description == "経済産業省のチェックリストです。\n");
  CHECK(meti.source == "経済産業省「SaaS向けSLAガイドライン」(2010年8月)");
  CHECK(meti.source_url == "https://www.meti.go.jp/");
  CHECK(meti.license == "政府標準利用規約（第2.0版）");
  CHECK(meti.order == 1);
  CHECK(meti.scale == std::vector<AnswerStatus>{AnswerStatus::kYes, AnswerStatus::kNo,
                                                AnswerStatus::kPartial,
                                                AnswerStatus::kNotApplicable});
  // Sections in the order checklist.yaml lists them, not folder order.
  REQUIRE(meti.sections.size() == 2);
  CHECK(meti.sections[0].id == "operations");
  CHECK(meti.sections[0].title == "アプリケーション運用");
  CHECK(meti.sections[1].id == "availability");

  const Item& first = meti.sections[0].items.at(0);
  CHECK(first.id == "meti-01-service-hours");
  CHECK(first.no == "1");
  CHECK(first.category == "可用性");
  CHECK(first.item == "サービス時間");
  CHECK(first.requirement == "サービスを提供する時間帯");
  CHECK(first.unit == "時間帯");
  CHECK(first.status == AnswerStatus::kYes);
  CHECK(first.answer == "24時間365日");
  CHECK(first.reviewed == Date{2026, 3, 15});
  CHECK(first.evidence == std::vector<std::string>{"https://example.com/sla", "documents/sla.pdf",
                                                   "mailto:sla@example.com"});
  CHECK(first.remarks == "備考です。\n");
  CHECK(first.path == "checklists/meti/operations/01-service-hours.md");
  CHECK(first.body_line == 16);

  REQUIRE(content.pages.size() == 3);
  CHECK(content.pages[0].slug == "subprocessors");  // order 0
  CHECK(content.pages[1].slug == "overview");
  CHECK(content.pages[1].body.empty());
  CHECK(content.pages[2].slug == "certifications");
  CHECK(content.pages[2].title == "認証・監査");
  CHECK(content.pages[2].summary == "取得している第三者認証");
  CHECK(content.pages[2].order == 2);
  CHECK(content.pages[2].body == "本文\n");
  CHECK(content.pages[2].path == "pages/certifications.md");

  REQUIRE(content.documents.size() == 2);
  CHECK(content.documents[0].path == "policies/isms.pdf");
  CHECK(content.documents[1].path == "sla.pdf");
  CHECK(content.documents[1].bytes == "%PDF-1.4 \xff\xfe binary");  // binary is fine here
}

TEST_CASE("status: no is the answer no, never a boolean") {
  auto source = open_memory(valid_content());
  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);
  const Item& item = content.checklists.at(1).sections.at(0).items.at(1);
  CHECK(item.id == "meti-02");
  CHECK(item.status == AnswerStatus::kNo);
  CHECK(content.checklists.at(1).sections.at(0).items.at(2).status == AnswerStatus::kNotApplicable);
  CHECK(content.checklists.at(0).sections.at(0).items.at(0).status == AnswerStatus::kPlanned);
  CHECK(content.checklists.at(0).sections.at(0).items.at(1).status == AnswerStatus::kUndisclosed);
}

TEST_CASE("items sort by the natural order of no, then path") {
  auto files = valid_content();
  files["checklists/meti/availability/a-2b.md"] = item("meti-a2b", "A-2", "yes");
  auto source = open_memory(files);
  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);
  INFO(dump(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());  // a repeated no is only a warning
  CHECK(diagnostics.warning_count() == 1);
  std::vector<std::string> operations, availability;
  for (const Item& item : content.checklists.at(1).sections.at(0).items) {
    operations.push_back(item.no);
  }
  for (const Item& item : content.checklists.at(1).sections.at(1).items) {
    availability.push_back(item.path);
  }
  CHECK(operations == std::vector<std::string>{"1", "2", "10"});
  CHECK(availability == std::vector<std::string>{"checklists/meti/availability/a-2.md",
                                                 "checklists/meti/availability/a-2b.md",
                                                 "checklists/meti/availability/a-10.md"});
}

TEST_CASE("numbers and dates stay text as written") {
  auto files = valid_content();
  files["checklists/meti/operations/01-service-hours.md"] =
      "---\nid: meti-01\nno: 01\nitem: 'yes'\nstatus: no\nanswer: No\nreviewed: 2026-03-15\n---\n";
  auto source = open_memory(files);
  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);
  INFO(dump(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  const Item& item = content.checklists.at(1).sections.at(0).items.at(0);
  CHECK(item.no == "01");
  CHECK(item.item == "yes");
  CHECK(item.answer == "No");
  CHECK(item.status == AnswerStatus::kNo);
}

TEST_CASE("a reviewed date older than stale_after_months is a warning") {
  auto files = valid_content();
  files["site.yaml"] = "organization: x\nservice: y\nbase_url: https://t.example.com/\n";
  files["checklists/vendor/general/01-plan.md"] =
      "---\nid: vendor-01\nno: 1\nitem: x\nstatus: yes\nanswer: x\nreviewed: 2025-03-31\n---\n";
  files["checklists/vendor/general/02-secret.md"] =
      "---\nid: vendor-02\nno: 2\nitem: x\nstatus: yes\nanswer: x\nreviewed: 2025-04-01\n---\n";
  auto source = open_memory(files);

  Diagnostics diagnostics;
  load_content(*source, options(), diagnostics);  // today 2026-04-01, default 12 months
  INFO(dump(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(diagnostics.list().size() == 1);
  const Diagnostic& warning = diagnostics.list()[0];
  CHECK(warning.severity == Severity::kWarning);
  CHECK(warning.where.file == "checklists/vendor/general/01-plan.md");
  CHECK(warning.where.line == 7);
  CHECK(warning.where.column == 11);
  CHECK(warning.message ==
        "reviewed 2025-03-31 is older than 12 months — confirm the answer and update `reviewed`");

  SECTION("the option overrides site.yaml") {
    LoadOptions six = options();
    six.stale_after_months = 6;
    Diagnostics shorter;
    load_content(*source, six, shorter);
    REQUIRE(shorter.warning_count() == 2);  // meti's 2026-03-15 is recent enough
    CHECK_THAT(shorter.list()[1].message,
               Catch::StartsWith("reviewed 2025-04-01 is older than 6 months"));
  }
  SECTION("without a reference date nothing is stale") {
    Diagnostics none;
    load_content(*source, LoadOptions{}, none);
    CHECK(none.list().empty());
  }
}

// Every item's `stale` against the warnings: an item is stale exactly when the loader
// warned "is older than" in its file. Returns the ids of the stale items.
std::vector<std::string> stale_ids(const Content& content, const Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const Checklist& checklist : content.checklists) {
    for (const Section& section : checklist.sections) {
      for (const Item& item : section.items) {
        bool warned = false;
        for (const Diagnostic& diagnostic : diagnostics.list()) {
          warned = warned || (diagnostic.where.file == item.path &&
                              diagnostic.severity == Severity::kWarning &&
                              diagnostic.message.find("is older than") != std::string::npos);
        }
        INFO(item.path << "\n" << dump(diagnostics));
        CHECK(item.stale == warned);
        if (item.stale) ids.push_back(item.id);
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_CASE("Item::stale is set exactly where the stale warning is given") {
  auto files = valid_content();
  files["site.yaml"] = "organization: x\nservice: y\nbase_url: https://t.example.com/\n";
  files["checklists/vendor/general/01-plan.md"] =
      "---\nid: vendor-01\nno: 1\nitem: x\nstatus: yes\nanswer: x\nreviewed: 2025-03-31\n---\n";
  files["checklists/vendor/general/02-secret.md"] =
      "---\nid: vendor-02\nno: 2\nitem: x\nstatus: yes\nanswer: x\nreviewed: 2025-04-01\n---\n";
  auto source = open_memory(files);

  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);  // 12 months
  REQUIRE(diagnostics.warning_count() == 1);
  CHECK(diagnostics.list()[0].to_string() ==
        "checklists/vendor/general/01-plan.md:7:11: warning: reviewed 2025-03-31 is older than "
        "12 months — confirm the answer and update `reviewed`");
  CHECK(stale_ids(content, diagnostics) == std::vector<std::string>{"vendor-01"});
  // The item one day inside the limit is not stale.
  CHECK_FALSE(content.checklists.at(0).sections.at(0).items.at(1).stale);

  SECTION("the LoadOptions override moves both the warning and the flag") {
    LoadOptions six = options();
    six.stale_after_months = 6;
    Diagnostics shorter;
    Content more = load_content(*source, six, shorter);
    CHECK(shorter.warning_count() == 2);
    CHECK(stale_ids(more, shorter) == std::vector<std::string>{"vendor-01", "vendor-02"});

    LoadOptions long_time = options();
    long_time.stale_after_months = 24;
    Diagnostics longer;
    Content fewer = load_content(*source, long_time, longer);
    CHECK(longer.list().empty());
    CHECK(stale_ids(fewer, longer).empty());
  }
  SECTION("site.yaml's stale_after_months moves both too") {
    files["site.yaml"] += "stale_after_months: 13\n";
    auto thirteen = open_memory(files);
    Diagnostics none;
    Content content13 = load_content(*thirteen, options(), none);
    CHECK(none.list().empty());
    CHECK(stale_ids(content13, none).empty());
  }
  SECTION("without a reference date nothing is stale") {
    Diagnostics none;
    Content undated = load_content(*source, LoadOptions{}, none);
    CHECK(none.list().empty());
    CHECK(stale_ids(undated, none).empty());
  }
}

TEST_CASE("huge stale_after_months and ancient commit dates are safe") {
  auto files = valid_content();
  files["checklists/vendor/general/01-plan.md"] =
      "---\nid: vendor-01\nno: 1\nitem: x\nstatus: yes\nanswer: x\nreviewed: 0001-01-01\n---\n";
  auto source = open_memory(files);

  LoadOptions huge = options();
  huge.stale_after_months = 100000;  // reaches back before year 1: nothing is that old
  Diagnostics diagnostics;
  Content content = load_content(*source, huge, diagnostics);
  INFO(dump(diagnostics));
  CHECK(diagnostics.list().empty());
  CHECK(stale_ids(content, diagnostics).empty());

  LoadOptions ancient;
  ancient.today = Date{1, 6, 1};  // a commit "dated" year 1 (a broken clock)
  ancient.stale_after_months = 1200;
  Diagnostics old;
  Content early = load_content(*source, ancient, old);
  INFO(dump(old));
  CHECK(old.list().empty());
  CHECK(stale_ids(early, old).empty());

  ancient.stale_after_months = 1;  // 0001-01-01 is more than a month before 0001-06-01
  Diagnostics one;
  Content month = load_content(*source, ancient, one);
  REQUIRE(one.warning_count() == 1);
  CHECK(one.list()[0].to_string() ==
        "checklists/vendor/general/01-plan.md:7:11: warning: reviewed 0001-01-01 is older than 1 "
        "months — confirm the answer and update `reviewed`");
  CHECK(stale_ids(month, one) == std::vector<std::string>{"vendor-01"});
}

TEST_CASE("CRLF files load like LF files") {
  auto files = valid_content();
  // (with an invisible trailing blank after the closing "---", as web editors leave them)
  files["pages/overview.md"] = "---\r\ntitle: 概要\r\norder: 1\r\n--- \r\n本文\r\n二行目\r\n";
  files["checklists/vendor/checklist.yaml"] =
      "title: 自社\r\nsections:\r\n  - id: general\r\n    title: 一般\r\n";
  files["checklists/vendor/general/01-plan.md"] =
      "---\r\nid: vendor-01\r\nno: 1\r\nitem: x\r\nstatus: no\r\nanswer: x\r\n"
      "reviewed: 2026-03-15\r\n---\r\n備考\r\n";
  auto source = open_memory(files);
  Diagnostics diagnostics;
  Content content = load_content(*source, options(), diagnostics);
  INFO(dump(diagnostics));
  REQUIRE(diagnostics.list().empty());
  CHECK(content.pages.at(1).title == "概要");
  CHECK(content.pages.at(1).body == "本文\n二行目\n");
  CHECK(content.checklists.at(0).sections.at(0).title == "一般");
  const Item& item = content.checklists.at(0).sections.at(0).items.at(0);
  CHECK(item.status == AnswerStatus::kNo);
  CHECK(item.answer == "x");
  CHECK(item.remarks == "備考\n");
  CHECK(item.body_line == 9);
  CHECK(content.checklists.at(0).title == "自社");
}

TEST_CASE("a content folder on disk loads through open_worktree") {
  namespace fs = std::filesystem;
  std::string pattern = (fs::temp_directory_path() / "tp-content-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  fs::path root(pattern);
  for (const auto& [path, bytes] : valid_content()) {
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << bytes;
  }
  fs::create_symlink(root / "site.yaml", root / "pages" / "link.md");
  auto source = open_worktree(root);
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content content = load_content(**source, options(), diagnostics);
  fs::remove_all(root);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.list()[0].where.file == (root / "pages" / "link.md").string());
  CHECK_THAT(diagnostics.list()[0].message, Catch::Contains("symlink"));
  CHECK(content.checklists.size() == 2);
}

TEST_CASE("the demo content in the repository loads without errors") {
  namespace fs = std::filesystem;
  fs::path demo = fs::path(TRUSTPAGE_SOURCE_DIR) / "content";
  REQUIRE(fs::exists(demo / "site.yaml"));
  auto source = open_worktree(demo);
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  LoadOptions load_options;
  load_options.today = *Date::parse("2026-04-20");
  Content content = load_content(**source, load_options, diagnostics);
  INFO(dump(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  CHECK_FALSE(content.site.organization.empty());
  CHECK_FALSE(content.checklists.empty());
  for (const Checklist& checklist : content.checklists) {
    CHECK_FALSE(checklist.sections.empty());
    for (const Section& section : checklist.sections) {
      for (const Item& item : section.items) {
        CHECK_FALSE(item.id.empty());
        CHECK_FALSE(item.answer.empty());
      }
    }
  }
}

}  // namespace
}  // namespace trustpage
