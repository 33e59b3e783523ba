// A CSV in gives a CSV out: the same encoding, BOM and line ends, every other byte kept.
#include "answer/answer_fixtures.h"
#include "import/text.h"

namespace trustpage::testing {
namespace {

const char* const kRows[] = {
    "No,大分類,質問,回答（○／×）,備考,当社確認欄",
    "1,組織,情報セキュリティポリシーを文書化し、社外にも公表していますか。,,,",
    "2,アクセス管理,\"ログイン時に、ワンタイムパスワードなどの多要素認証を利用できますか。\",,,済",
    "3,その他,貴社の資本金および設立年を記入してください。,,,",
    "4,データ保護,弊社のデータをAIや機械学習の学習用データとして使うことはありますか。,,,",
};

std::string csv_text(const std::string& line_end) {
  std::string text;
  for (const char* row : kRows) text += std::string(row) + line_end;
  return text;
}

std::vector<std::string> lines(const std::string& bytes, const std::string& end) {
  std::vector<std::string> out;
  size_t at = 0;
  for (size_t next; (next = bytes.find(end, at)) != std::string::npos; at = next + end.size()) {
    out.push_back(bytes.substr(at, next - at));
  }
  out.push_back(bytes.substr(at));
  return out;
}

// A cell of the row numbered `no` in column A: written cells hold line breaks, so the lines
// below them move.
std::string cell_of(const Sheet& sheet, const std::string& no, int column) {
  for (const SheetRow& r : sheet.rows) {
    if (!r.cells.empty() && r.cells[0] == no) {
      return column < static_cast<int>(r.cells.size()) ? r.cells[column] : "";
    }
  }
  return "(no row " + no + ")";
}

}  // namespace

TEST_CASE(
    "a CP932 CSV with CRLF is written back in CP932 with CRLF, untouched lines as they were") {
  std::string bytes = import_detail::encode(csv_text("\r\n"), "CP932");
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "sheet.csv", demo_content(), test_options());
  REQUIRE(filled.ok());
  CHECK(filled->format == "csv");
  const std::string& out = filled->bytes;
  std::string used;
  Result<std::string> text = import_detail::decode(out, Encoding::kAuto, "out.csv", &used);
  REQUIRE(text.ok());
  CHECK(used == "CP932");
  CHECK(out.rfind("\xEF\xBB\xBF", 0) != 0);

  Result<Sheet> sheet = read_sheet(out, "out.csv");
  REQUIRE(sheet.ok());
  CHECK(cell_of(*sheet, "1", 3) == "○");
  CHECK(cell_of(*sheet, "2", 3) == "○");
  CHECK(cell_of(*sheet, "2", 5) == "済");
  CHECK(cell_of(*sheet, "3", 3).empty());  // nothing answers it
  CHECK(cell_of(*sheet, "4", 3) == "×");
  CHECK(cell_of(*sheet, "1", 4).find("出典: sq-01-security-policy") != std::string::npos);

  // The header and the unanswered line keep their bytes; every line still ends in CRLF.
  std::vector<std::string> in_lines = lines(bytes, "\r\n");
  std::vector<std::string> out_lines = lines(out, "\r\n");
  CHECK(out_lines.front() == in_lines.front());
  CHECK(std::find(out_lines.begin(), out_lines.end(), in_lines[3]) != out_lines.end());
  CHECK(out.substr(out.size() - 2) == "\r\n");
}

TEST_CASE("a UTF-8 CSV keeps its BOM and its LF line ends") {
  std::string bytes = "\xEF\xBB\xBF" + csv_text("\n");
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "sheet.csv", demo_content(), test_options());
  REQUIRE(filled.ok());
  const std::string& out = filled->bytes;
  CHECK(out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(out.find('\r') == std::string::npos);
  CHECK(out.find(kRows[0]) == 3);
  Result<Sheet> sheet = read_sheet(out, "out.csv");
  REQUIRE(sheet.ok());
  CHECK(cell_of(*sheet, "1", 3) == "○");
}

TEST_CASE("a TSV without choices gets the answer text and its source in the answer column") {
  std::string bytes =
      "番号\t確認項目\t回答\n1\tインターネット上の通信はTLSで暗号化されていますか。\t\n";
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "sheet.tsv", demo_content(), test_options());
  REQUIRE(filled.ok());
  CHECK(filled->format == "tsv");
  Result<Sheet> sheet = read_sheet(filled->bytes, "out.tsv");
  REQUIRE(sheet.ok());
  std::string answer = cell_at(*sheet, 2, 2);
  CHECK(answer.rfind("TLS 1.2以上", 0) == 0);
  CHECK(answer.find("出典: ") != std::string::npos);
}

}  // namespace trustpage::testing
