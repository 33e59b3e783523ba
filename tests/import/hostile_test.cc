// Hostile sheets: each is read or refused within the limits (limits.h), never crashes, and a
// refusal names the row. The files are built here; the CLI test times the same shapes.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "import/import.h"
#include "import_fixtures.h"

using namespace trustpage;
using namespace trustpage::testing;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string shared_string_rows(int rows) {
  std::string xml;
  for (int r = 1; r <= rows; ++r) {
    xml += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
           "\" t=\"s\"><v>0</v></c></row>";
  }
  return xml;
}

}  // namespace

TEST_CASE("a 50,000-character cell starting <b is read (std::regex overflowed the stack)") {
  std::string cell = "<b " + std::string(50000, 'x');
  std::string csv = "No.,サービスレベル項目(例),回答,備考\n1,サービス時間,有," + cell + "\n";
  auto start = std::chrono::steady_clock::now();
  Result<Sheet> sheet = read_sheet(csv, "long.csv");
  REQUIRE(sheet.ok());
  CHECK(sheet->rows[1].cells[3] == cell);  // an unclosed "<b " is text, kept as written
  ChecklistTemplate t = meti_template();
  Result<ImportResult> r = import_sheet(*sheet, &t, ImportOptions{});
  REQUIRE(r.ok());
  CHECK(seconds_since(start) < 5);
  // Markup that is closed is still cleaned, in one pass.
  Result<Sheet> tagged = read_sheet("a,<B class=x>有</b><br/>次の行\n", "tags.csv");
  REQUIRE(tagged.ok());
  CHECK(tagged->rows[0].cells[1] == "有\n次の行");
}

TEST_CASE("a cell over Excel's 32,767 characters is refused, naming its line and column") {
  std::string csv =
      "No.,項目,回答\n1,サービス時間,有\n2,計画停止予定通知," + std::string(200000, 'y') + "\n";
  Result<Sheet> sheet = read_sheet(csv, "huge-cell.csv");
  REQUIRE_FALSE(sheet.ok());
  CHECK(sheet.status().where().line == 3);
  CHECK_THAT(sheet.status().message(), Catch::StartsWith("line 3, column C: a cell of"));
}

TEST_CASE("an existing item whose no: line is 100 KB does not crash a re-import") {
  fs::path dir = unique_temp_dir("long-no");
  fs::create_directories(dir / "checklists/meti/application-operations");
  std::string no(100 * 1024, '9');
  std::ofstream(dir / "checklists/meti/application-operations/99-x.md", std::ios::binary)
      << "---\nid: meti-99\nno: \"" << no << "\"\nitem: x\nstatus:\nanswer:\nreviewed:\n---\n";
  Result<Sheet> sheet = read_sheet("No.,項目,回答\n1,サービス時間,有\n", "s.csv");
  REQUIRE(sheet.ok());
  ChecklistTemplate t = meti_template();
  Result<ImportResult> r = import_sheet(*sheet, &t, ImportOptions{});
  REQUIRE(r.ok());
  auto files = plan_checklist_files(*r, dir, "meti", false);
  REQUIRE(files.ok());  // the odd file is left alone: nothing of the import replaces it
  fs::remove_all(dir);
}

TEST_CASE("one 8 MB shared string referenced by 200,000 cells is refused at once") {
  std::string xlsx =
      xlsx_package(shared_string_rows(200000), "<si><t>" + std::string(8 << 20, 'z') + "</t></si>");
  CHECK(xlsx.size() < 1024 * 1024);  // it compresses to almost nothing
  auto start = std::chrono::steady_clock::now();
  Result<Sheet> sheet = read_sheet(xlsx, "bomb.xlsx");
  REQUIRE_FALSE(sheet.ok());
  CHECK(sheet.status().where().line == 1);
  CHECK_THAT(sheet.status().message(), Catch::StartsWith("row 1, column A: a cell of 8 MB"));
  CHECK(seconds_since(start) < 10);
}

TEST_CASE("a 100 KB shared string in 200,000 cells is refused by the total text") {
  std::string xlsx =
      xlsx_package(shared_string_rows(200000), "<si><t>" + std::string(100000, 'z') + "</t></si>");
  auto start = std::chrono::steady_clock::now();
  Result<Sheet> sheet = read_sheet(xlsx, "many-refs.xlsx");
  REQUIRE_FALSE(sheet.ok());
  CHECK_THAT(sheet.status().message(), Catch::Contains("once per cell that uses it"));
  CHECK(sheet.status().where().line == 252);  // 24 MB / 100,000 bytes: the 252nd cell
  CHECK(seconds_since(start) < 10);
}

TEST_CASE("a cell in column XFD is refused by the column limit (was std::bad_alloc)") {
  std::string rows;
  for (int r = 1; r <= 200000; ++r) {
    std::string n = std::to_string(r);
    rows +=
        "<row r=\"" + n + "\"><c r=\"XFD" + n + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
  }
  Result<Sheet> sheet = read_sheet(xlsx_package(rows, ""), "wide.xlsx");
  REQUIRE_FALSE(sheet.ok());
  CHECK_THAT(sheet.status().message(),
             Catch::StartsWith("row 1, column XFD: a cell beyond column IV"));

  // Styled but empty cells out there hold nothing and are skipped, as Excel writes them.
  std::string styled =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No.</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>回答</t></is></c>"
      "<c r=\"XFD1\" s=\"1\"/></row>";
  Result<Sheet> ok = read_sheet(xlsx_package(styled, ""), "styled.xlsx");
  REQUIRE(ok.ok());
  CHECK(ok->rows[0].cells.size() == 2);
}

TEST_CASE("a 20 MB CSV of tiny cells is refused by the cell count, naming the line") {
  std::string line;
  for (int c = 0; c < 100; ++c) line += "a,";
  line += "a\n";
  std::string csv;
  while (csv.size() + line.size() < kMaxSheetBytes) csv += line;
  auto start = std::chrono::steady_clock::now();
  Result<Sheet> sheet = read_sheet(csv, "cells.csv");
  REQUIRE_FALSE(sheet.ok());
  CHECK_THAT(sheet.status().message(), Catch::Contains("more than 200000 cells"));
  CHECK(sheet.status().where().line == 1981);  // 200,000 / 101 cells a line
  CHECK(seconds_since(start) < 10);
}

TEST_CASE("the largest sheet the limits admit is matched within seconds") {
  // 199,000 filled cells of METI-like text: every one is compared with all 49 items.
  std::string csv = "No.,サービスレベル項目(例),規定内容,回答,備考\n";
  for (int r = 0; r < 39800; ++r) {
    csv += std::to_string(r % 60 + 1) + ",サービス時間の規定,計画停止予定通知の事前連絡,有 対応," +
           "障害発生時のシステム復旧\n";
  }
  auto start = std::chrono::steady_clock::now();
  Result<Sheet> sheet = read_sheet(csv, "wide-table.csv");
  REQUIRE(sheet.ok());
  ChecklistTemplate t = meti_template();
  Result<ImportResult> r = import_sheet(*sheet, &t, ImportOptions{});
  CHECK(r.ok());
  double took = seconds_since(start);
  INFO(took << " s");
  CHECK(took < 10);
}
