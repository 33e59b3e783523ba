// The filled workbook is the customer's: only the cells written change.
#include <set>

#include "answer/answer_fixtures.h"

namespace trustpage::testing {
namespace {

constexpr int kAnswerColumn = 3;   // D 回答
constexpr int kRemarksColumn = 4;  // E 備考

std::string between(const std::string& xml, const std::string& open, const std::string& close) {
  size_t a = xml.find(open);
  if (a == std::string::npos) return "";
  size_t b = xml.find(close, a);
  return b == std::string::npos ? "" : xml.substr(a, b + close.size() - a);
}

struct Filled {
  std::string before;
  std::string after;
  FilledQuestionnaire result;
};

Filled fill_customer_sheet() {
  Filled f;
  f.before = customer_workbook();
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(f.before, "their-sheet.xlsx", demo_content(), test_options());
  REQUIRE(filled.ok());
  f.result = std::move(*filled);
  f.after = f.result.bytes;
  return f;
}

}  // namespace

TEST_CASE("every entry but the filled worksheet keeps its bytes") {
  Filled f = fill_customer_sheet();
  std::map<std::string, std::string> before = zip_entries(f.before), after = zip_entries(f.after);
  REQUIRE(before.size() == after.size());
  std::string edited = "xl/worksheets/sheet2.xml";  // チェックシート, after 記入要領
  REQUIRE(before.count(edited));
  for (const auto& [name, bytes] : before) {
    INFO(name);
    REQUIRE(after.count(name));
    if (name == edited) {
      CHECK(after[name] != bytes);
    } else {
      CHECK(after[name] == bytes);
    }
  }
  // Merged cells, the dropdown, column widths, frozen panes: the same XML in the sheet.
  for (auto [open, close] :
       std::vector<std::pair<std::string, std::string>>{{"<mergeCells", "</mergeCells>"},
                                                        {"<dataValidations", "</dataValidations>"},
                                                        {"<cols>", "</cols>"},
                                                        {"<sheetViews>", "</sheetViews>"},
                                                        {"<legacyDrawing", "/>"}}) {
    INFO(open);
    std::string a = between(before[edited], open, close);
    CHECK(!a.empty());
    CHECK(a == between(after[edited], open, close));
  }
  CHECK(after[edited].find("t=\"inlineStr\"") != std::string::npos);
}

TEST_CASE("the cells not written read the same; written answers are dropdown choices") {
  Filled f = fill_customer_sheet();
  Result<Sheet> before = read_sheet(f.before, "before.xlsx", Encoding::kAuto, "チェックシート");
  Result<Sheet> after = read_sheet(f.after, "after.xlsx", Encoding::kAuto, "チェックシート");
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  std::set<std::pair<int, int>> written;
  size_t filled_rows = 0;
  for (const AnsweredRow& row : f.result.rows) {
    if (row.outcome != RowOutcome::kFilled) {
      CHECK(cell_at(*after, row.row, kAnswerColumn).empty());
      CHECK(cell_at(*after, row.row, kRemarksColumn).empty());
      continue;
    }
    ++filled_rows;
    written.insert({row.row, kAnswerColumn});
    written.insert({row.row, kRemarksColumn});
    std::string value = cell_at(*after, row.row, kAnswerColumn);
    CHECK((value == "はい" || value == "いいえ" || value == "該当なし"));
    std::string remarks = cell_at(*after, row.row, kRemarksColumn);
    CHECK(remarks.find("出典: " + row.cited.front().item_id) != std::string::npos);
    CHECK(remarks.find("https://trust.minato-cloud.example.jp/checklists/") != std::string::npos);
    CHECK(remarks.find("commit 0123456789ab, 2026-12-01") != std::string::npos);
  }
  CHECK(filled_rows >= 16);
  for (const SheetRow& row : before->rows) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (written.count({row.number, static_cast<int>(c)})) continue;
      INFO("row " << row.number << " column " << c);
      CHECK(cell_at(*after, row.number, static_cast<int>(c)) == row.cells[c]);
    }
  }
  CHECK(after->rows.size() == before->rows.size());
  // The customer's own columns keep what they wrote.
  CHECK(cell_at(*after, kCustomerFirstQuestionRow, 5) == "要確認");
  CHECK(cell_at(*after, kCustomerFirstQuestionRow, 6) == "佐藤");
}

TEST_CASE("the answer cell keeps its style; the filled copy opens with libzip's checks") {
  Filled f = fill_customer_sheet();
  std::string xml = zip_entries(f.after)["xl/worksheets/sheet2.xml"];
  std::string before = zip_entries(f.before)["xl/worksheets/sheet2.xml"];
  std::string ref = "r=\"D" + std::to_string(kCustomerFirstQuestionRow) + "\"";
  auto style_of = [&](const std::string& text) {
    size_t at = text.find(ref);
    REQUIRE(at != std::string::npos);
    size_t end = text.find('>', at);
    std::string tag = text.substr(at, end - at);
    size_t s = tag.find(" s=\"");
    return s == std::string::npos ? std::string() : tag.substr(s, tag.find('"', s + 4) - s);
  };
  CHECK(!style_of(before).empty());
  CHECK(style_of(xml) == style_of(before));
}

TEST_CASE("a dropdown whose list is cells of another sheet: the answers are those cells") {
  CustomerSheetOptions options;
  options.list_sheet = true;
  std::string bytes = customer_workbook(options);
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), test_options());
  REQUIRE(filled.ok());
  Result<Sheet> after = read_sheet(filled->bytes, "after.xlsx", Encoding::kAuto, "チェックシート");
  REQUIRE(after.ok());
  size_t na = 0, filled_rows = 0;
  for (const AnsweredRow& row : filled->rows) {
    if (row.outcome != RowOutcome::kFilled) continue;
    ++filled_rows;
    std::string value = cell_at(*after, row.row, kAnswerColumn);
    CHECK((value == "○" || value == "×" || value == "対象外"));
    na += value == "対象外";
  }
  CHECK(filled_rows >= 16);
  CHECK(na == 1);  // PCI DSS: the vendor holds no card data
}

}  // namespace trustpage::testing
