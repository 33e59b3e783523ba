// The downloads a reviewer opens: what Excel needs from the CSV, what the XLSX holds, and
// the JSON schema. Expected values come from the demo content files, never from an export.
#include "export/export.h"

#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "content/loader.h"
#include "support/git_fixture.h"
#include "support/zip_entries.h"

using namespace trustpage;
using trustpage::testing::zip_entries;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

Content demo() {
  auto source = open_worktree(kRepo / "content");
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content content = load_content(**source, LoadOptions{}, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return content;
}

const Checklist& meti(const Content& content) {
  for (const Checklist& c : content.checklists)
    if (c.id == "meti-cloud-sla") return c;
  FAIL("no meti-cloud-sla checklist in the demo");
  return content.checklists.front();
}

ExportContext context_for(const Content& content) {
  ExportContext context;
  context.site = &content.site;
  context.provenance.commit = std::string(40, 'a');
  context.provenance.time = 1790812800;  // 2026-10-01T00:00:00Z
  context.provenance.offset_minutes = 9 * 60;
  context.version = "9.9.9";
  return context;
}

// A small checklist with the cells that break naive CSV writers.
Checklist tricky() {
  Checklist checklist;
  checklist.id = "tricky";
  checklist.title = "Tricky: [sheet]/name*?";
  checklist.scale = all_answer_statuses();
  Section section;
  section.id = "general";
  section.title = "一般";
  Item item;
  item.id = "tricky-01";
  item.no = "1";
  item.item = "引用符";
  item.status = AnswerStatus::kPartial;
  item.answer = "He said \"yes\", then, no";
  item.remarks = "line one\nline two\n";
  item.reviewed = *Date::parse("2026-01-02");
  item.evidence = {"https://a.example/", "documents/x.pdf"};
  section.items.push_back(item);
  Item formula = item;
  formula.id = "tricky-02";
  formula.no = "2";
  formula.answer = "=HYPERLINK(\"http://evil.example\")";
  formula.remarks = "- a Markdown list\n";
  section.items.push_back(formula);
  checklist.sections.push_back(section);
  return checklist;
}

// Splits RFC 4180 CSV (quoted fields, "" for a quote) into records.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        records.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        records.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.emplace_back(1);
      ++i;
    } else {
      records.back().back() += c;
    }
  }
  if (records.back().size() == 1 && records.back()[0].empty()) records.pop_back();
  return records;
}

}  // namespace

TEST_CASE("CSV: BOM, CRLF, quotes doubled, one row per item in content order") {
  Content content = demo();
  const Checklist& checklist = meti(content);
  std::string csv = export_csv(checklist);
  REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
  // Every line break outside a quoted cell is CRLF: count records by CRLF.
  auto records = parse_csv(std::string_view(csv).substr(3));
  size_t items = 0;
  for (const Section& s : checklist.sections) items += s.items.size();
  REQUIRE(items == 49);
  REQUIRE(records.size() == items + 1);
  CHECK(records[0][0] == "No.");
  CHECK(records[0][3] == "項目");
  CHECK(records[0][7] == "回答");
  // Row 1 is the service-hours item file, as written there.
  CHECK(records[1][0] == "1");
  CHECK(records[1][3] == "サービス時間");
  CHECK(records[1][6] == "対応");
  CHECK(records[1][7] == "24時間365日（計画停止を除く）");
  CHECK(records[1][8].find("定期メンテナンスは原則として月1回以内") == 0);
  CHECK(records[1][8].ends_with("。"));  // the body's trailing newline is not in the cell
  CHECK(records[1][11] == "meti-01-service-hours");
  CHECK(records[1][12] == "application-operations");
  CHECK(records[49][0] == "49");
}

TEST_CASE("CSV: quotes doubled, line breaks kept inside the cell, formulas defused") {
  std::string csv = export_csv(tricky());
  CHECK(csv.find("\"He said \"\"yes\"\", then, no\"") != std::string::npos);
  CHECK(csv.find("\"line one\nline two\"") != std::string::npos);
  CHECK(csv.find("\r\n\"2\"") != std::string::npos);  // record separator is CRLF
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\"") != std::string::npos);
  CHECK(csv.find("\"- a Markdown list\"") != std::string::npos);  // a list is not a formula
  auto records = parse_csv(std::string_view(csv).substr(3));
  REQUIRE(records.size() == 3);
  CHECK(records[1][7] == "He said \"yes\", then, no");
  CHECK(records[1][9] == "https://a.example/\ndocuments/x.pdf");
  CHECK(records[1][6] == "一部対応");
}

TEST_CASE("XLSX: styled frozen header, wrapped cells, widths, a source sheet, commit date") {
  Content content = demo();
  const Checklist& checklist = meti(content);
  ExportContext context = context_for(content);
  Result<std::string> xlsx = export_xlsx(checklist, context);
  REQUIRE(xlsx.ok());
  auto files = zip_entries(*xlsx);
  REQUIRE(files.count("xl/workbook.xml"));
  pugi::xml_document workbook;
  REQUIRE(workbook.load_string(files["xl/workbook.xml"].c_str()));
  auto sheets = workbook.select_nodes("//*[local-name()='sheet']");
  REQUIRE(sheets.size() == 2);
  CHECK(std::string(sheets[0].node().attribute("name").value()) == checklist.title);
  CHECK(std::string(sheets[1].node().attribute("name").value()) == "出典・版");

  const std::string& sheet = files["xl/worksheets/sheet1.xml"];
  CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
  CHECK(sheet.find("ySplit=\"1\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter") != std::string::npos);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(sheet.c_str()));
  auto cols = doc.select_nodes("//*[local-name()='col']");
  REQUIRE(cols.size() == export_columns().size());
  CHECK(std::stod(cols[4].node().attribute("width").value()) > 30);  // requirement: wide
  // 49 items + header.
  CHECK(doc.select_nodes("//*[local-name()='row']").size() == 50);

  const std::string& styles = files["xl/styles.xml"];
  CHECK(styles.find("<b/>") != std::string::npos);
  CHECK(styles.find("wrapText=\"1\"") != std::string::npos);

  const std::string& strings = files["xl/sharedStrings.xml"];
  CHECK(strings.find("24時間365日（計画停止を除く）") != std::string::npos);
  CHECK(strings.find(checklist.source) != std::string::npos);
  CHECK(strings.find(context.provenance.commit) != std::string::npos);
  CHECK(strings.find("trustpage 9.9.9") != std::string::npos);
  CHECK(files["docProps/core.xml"].find("2026-10-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("XLSX: the same bytes whatever the time zone and the clock") {
  Content content = demo();
  ExportContext context = context_for(content);
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  Result<std::string> a = export_xlsx(meti(content), context);
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  std::time_t start = std::time(nullptr);
  while (std::time(nullptr) == start) {
  }  // a different wall-clock second
  Result<std::string> b = export_xlsx(meti(content), context);
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a == *b);
}

TEST_CASE("XLSX: sheet names Excel accepts, however the checklist is titled") {
  Checklist checklist = tricky();
  checklist.title = "[a]:b*c?d/e\\f — a title far longer than thirty-one characters";
  Result<std::string> xlsx = export_xlsx(checklist, ExportContext{});
  REQUIRE(xlsx.ok());
  auto files = zip_entries(*xlsx);
  pugi::xml_document workbook;
  REQUIRE(workbook.load_string(files["xl/workbook.xml"].c_str()));
  std::string name =
      workbook.select_node("//*[local-name()='sheet']").node().attribute("name").value();
  CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
  CHECK(name.rfind("_a__b_c_d_e_f", 0) == 0);
}

TEST_CASE("JSON: versioned schema, every item, last_changed from the history map") {
  Content content = demo();
  const Checklist& checklist = meti(content);
  ExportContext context = context_for(content);
  context.last_changed["meti-01-service-hours"] = "2026-09-30";
  auto json = nlohmann::json::parse(export_json(checklist, context));
  CHECK(json["format"] == "trustpage-checklist");
  CHECK(json["format_version"] == kJsonFormatVersion);
  CHECK(json["commit"] == context.provenance.commit);
  CHECK(json["published"] == "2026-10-01T09:00:00+09:00");
  CHECK(json["checklist"]["id"] == "meti-cloud-sla");
  CHECK(json["checklist"]["source"] == checklist.source);
  size_t count = 0;
  for (const auto& section : json["sections"]) count += section["items"].size();
  CHECK(count == 49);
  const auto& first = json["sections"][0]["items"][0];
  CHECK(first["id"] == "meti-01-service-hours");
  CHECK(first["status"] == "yes");
  CHECK(first["reviewed"] == "2026-04-08");
  CHECK(first["last_changed"] == "2026-09-30");
  CHECK(first["evidence"][0] == "https://minato-cloud.example.jp/sla/");
  CHECK(json["sections"][0]["items"][1]["last_changed"].is_null());
  CHECK(std::string(first["url"]).rfind(content.site.base_url, 0) == 0);
}

TEST_CASE("Exports: every checklist in every format at its download route") {
  Content content = demo();
  Bundle bundle;
  REQUIRE(add_checklist_exports(content, context_for(content), bundle).ok());
  for (const Checklist& checklist : content.checklists) {
    for (const char* format : {"csv", "xlsx", "json"}) {
      CHECK(bundle.contains("checklists/" + checklist.id + "/" + checklist.id + "." + format));
    }
  }
  CHECK(bundle.files().size() == content.checklists.size() * 3);
}
