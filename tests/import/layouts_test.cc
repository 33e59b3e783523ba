// The sheet layouts vendors really have: METI's own 設定等 header, no header row at all,
// text copied out of a PDF (vendors A and B), and rows beyond the template (vendor C).
#include <catch2/catch.hpp>
#include <sstream>

#include "content/loader.h"
#include "import/import.h"
#include "import_fixtures.h"

using namespace trustpage;
using namespace trustpage::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

ImportResult import_ok(const std::string& bytes, const std::string& name,
                       const ImportOptions& options = {}) {
  Result<Sheet> sheet = read_sheet(bytes, name);
  INFO(sheet.status().to_string());
  REQUIRE(sheet.ok());
  ChecklistTemplate t = meti_template();
  Result<ImportResult> r = import_sheet(*sheet, &t, options);
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return std::move(*r);
}

const ImportedItem& item(const ImportResult& r, const std::string& no) {
  for (const ImportedItem& i : r.items)
    if (i.meta.no == no) return i;
  FAIL("no item " << no);
  return r.items.front();
}

std::string vendor_c() {
  return slurp(kRepo / "tests/fixtures/import/vendor-c-checklist.tsv");
}

}  // namespace

TEST_CASE("METI's own sheet: the answer column headed 設定等") {
  std::string csv =
      "No.,種別,サービスレベル項目例,規定内容,設定等\n"
      "1,可用性,サービス時間,サービスを提供する時間帯,24時間365日\n"
      "2,,計画停止予定通知,定期的な保守停止に関する事前連絡確認,有 7日前に通知\n";
  ImportResult r = import_ok(csv, "meti-own.csv");
  CHECK(item(r, "1").answer == "24時間365日");
  CHECK(item(r, "2").status == AnswerStatus::kYes);
  REQUIRE_FALSE(r.report.columns.empty());
  CHECK_THAT(r.report.columns[0].message, Catch::Contains("answer=E"));
  // The other names vendors use for the same columns.
  for (const char* answer : {"回答欄", "ご回答", "貴社回答", "設定"}) {
    INFO(answer);
    ImportResult other = import_ok(std::string("No.,規程内容,") + answer +
                                       ",実施内容／備考\n1,サービスを提供する時間帯,〇,平日のみ\n",
                                   "other.csv");
    CHECK(item(other, "1").status == AnswerStatus::kYes);
    CHECK(item(other, "1").remarks == "平日のみ");
  }
}

TEST_CASE("no header row: vendor C's sheet without its header rows still imports") {
  // Every line naming columns removed: the cells themselves say which column is which.
  std::istringstream in(vendor_c());
  std::string line, text;
  while (std::getline(in, line)) {
    if (line.rfind("No.\t", 0) == 0 || line.rfind("項目番号\t", 0) == 0) continue;
    text += line + "\n";
  }
  ImportResult r = import_ok(text, "vendor-c-no-header.tsv");
  size_t answered = 0;
  for (const ImportedItem& i : r.items) answered += !i.answer.empty();
  CHECK(answered >= 40);
  CHECK(item(r, "2").status == AnswerStatus::kYes);
  CHECK(item(r, "2").answer == "7日前までにメールにて通知");
  CHECK(item(r, "5").answer == "99.9%以上を目標に運用");
  CHECK(item(r, "1").reviewed == "2026-03-18");  // the 記入日 above the data still counts
  REQUIRE_FALSE(r.report.columns.empty());
  CHECK_THAT(r.report.columns[0].message, Catch::StartsWith("no header row: columns found"));
  CHECK_THAT(r.report.columns[0].message, Catch::Contains("no=A"));
  CHECK_THAT(r.report.columns[0].message, Catch::Contains("answer=E"));

  // Data from row 1, as an XLSX: no preamble, no header.
  std::string rows;
  const char* cells[][3] = {{"1", "サービス時間", "24時間365日"},
                            {"2", "計画停止予定通知", "有"},
                            {"33", "データ保護のための暗号化要件", "有 AES-256"}};
  for (int r = 0; r < 3; ++r) {
    std::string n = std::to_string(r + 1);
    rows += "<row r=\"" + n + "\">";
    for (int c = 0; c < 3; ++c) {
      rows += std::string("<c r=\"") + static_cast<char>('A' + c) + n +
              "\" t=\"inlineStr\"><is><t>" + cells[r][c] + "</t></is></c>";
    }
    rows += "</row>";
  }
  ImportResult x = import_ok(xlsx_package(rows, ""), "data-only.xlsx");
  CHECK(item(x, "1").row == 1);
  CHECK(item(x, "1").answer == "24時間365日");
  CHECK(item(x, "33").answer == "AES-256");
}

TEST_CASE("text copied from a PDF (vendors A and B) is recognised and refused") {
  for (const char* seed : {"vendor-a-checklist.txt", "vendor-b-security-sheet.txt"}) {
    INFO(seed);
    Result<Sheet> sheet = read_sheet(slurp(kRepo / "tests/fixtures/import" / seed), seed);
    REQUIRE_FALSE(sheet.ok());
    CHECK_THAT(sheet.status().message(),
               Catch::StartsWith("this looks like text copied from a PDF"));
    CHECK_THAT(sheet.status().message(), Catch::Contains("open the original Excel file") ||
                                             Catch::Contains("Open the original Excel file"));
    CHECK_THAT(sheet.status().message(), Catch::Contains("save it as CSV or XLSX"));
    CHECK(sheet.status().where().line > 0);
  }
  // A one-column list that is not numbered is not taken for PDF text.
  CHECK(read_sheet("回答\n有\n無\n有\n", "one.csv").ok());
}

TEST_CASE("import --extra-checklist keeps vendor C's 32 rows beyond the METI items") {
  ImportOptions options;
  options.keep_extra_rows = true;
  options.unmarked_status = AnswerStatus::kYes;
  ImportResult r = import_ok(vendor_c(), "vendor-c.tsv", options);
  CHECK(r.extra_items.size() == 32);
  CHECK(r.report.extra.size() == 32);
  for (const ImportNote& n : r.report.unmatched) CHECK(n.message.find("No. ") != 0);
  const ImportedItem* ipa = nullptr;
  for (const ImportedItem& i : r.extra_items)
    if (i.meta.no == "1-2") ipa = &i;
  REQUIRE(ipa);
  CHECK(ipa->meta.item == "情報セキュリティ対策に関わる責任者と担当者が明示されていますか？");
  CHECK(ipa->meta.section == "1. 情報セキュリティに対する組織的な取り組み状況");
  CHECK(ipa->status == AnswerStatus::kYes);

  // Written beside the METI checklist, the demo site still loads without an error.
  fs::path dir = unique_temp_dir("extra");
  fs::copy(kRepo / "content", dir / "content", fs::copy_options::recursive);
  // The demo has a METI checklist of its own: a second one needs other ids.
  auto main = plan_checklist_files(r, dir / "content", "vendor-meti", false);
  REQUIRE(main.ok());
  ImportResult extra;
  extra.checklist.title = "追加項目";
  extra.items = r.extra_items;
  auto more = plan_checklist_files(extra, dir / "content", "vendor-extra", false);
  REQUIRE(more.ok());
  REQUIRE(write_planned_files(*main, dir / "content").ok());
  REQUIRE(write_planned_files(*more, dir / "content").ok());
  std::string yaml = slurp(dir / "content/checklists/vendor-extra/checklist.yaml");
  CHECK_THAT(yaml, Catch::Contains("title: \"ユーザー管理\""));
  CHECK_THAT(yaml, Catch::Contains("title: \"5. 情報セキュリティ上の事故対応状況\""));
  auto source = open_worktree(dir / "content");
  REQUIRE(source.ok());
  Diagnostics diagnostics;
  Content loaded = load_content(**source, LoadOptions{}, diagnostics);
  INFO((diagnostics.list().empty() ? "" : diagnostics.list()[0].to_string()));
  CHECK_FALSE(diagnostics.has_errors());
  size_t extra_items = 0;
  for (const Checklist& c : loaded.checklists) {
    if (c.id != "vendor-extra") continue;
    for (const Section& s : c.sections) extra_items += s.items.size();
  }
  CHECK(extra_items == 32);
  fs::remove_all(dir);

  // Without the flag the rows are reported with a pointer to it.
  ImportResult dropped = import_ok(vendor_c(), "vendor-c.tsv");
  CHECK(dropped.extra_items.empty());
  size_t pointed = 0;
  for (const ImportNote& n : dropped.report.unmatched)
    pointed += n.message.find("--extra-checklist") != std::string::npos;
  CHECK(pointed == 32);
}
