#include "answer/layout.h"

#include <algorithm>

#include "common/printable.h"
#include "import/columns.h"

namespace trustpage::answer_detail {
namespace {

// A title block (the customer's name, the sheet's purpose, instructions) sits above the
// table; past this many rows a header is not a header.
constexpr size_t kHeaderSearchRows = 30;

}  // namespace

Result<Layout> find_layout(const Sheet& sheet) {
  for (size_t r = 0; r < sheet.rows.size() && r < kHeaderSearchRows; ++r) {
    std::optional<import_detail::ColumnMap> roles = import_detail::header_roles(sheet.rows[r]);
    if (!roles) continue;
    Layout layout;
    layout.header = r;
    for (const char* role : {"item", "requirement"}) {
      if (roles->count(role)) layout.questions.push_back(roles->at(role));
    }
    if (layout.questions.empty()) {
      return Status::Error(
          Location{sheet.file, sheet.rows[r].number},
          "the header row names no question column, only a number — head the column that "
          "holds the questions 質問, 確認項目 or 項目 (or pass a sheet whose questions are "
          "in their own column)");
    }
    std::sort(layout.questions.begin(), layout.questions.end());
    // A choice column beside a free-text one ("対応状況" | "回答内容"): the choice is the
    // answer, the text goes where remarks would.
    if (roles->count("status")) {
      layout.answer = roles->at("status");
      layout.remarks = roles->at("answer");
    } else {
      layout.answer = roles->at("answer");
      if (roles->count("remarks")) {
        layout.remarks = roles->at("remarks");
      } else if (roles->count("evidence")) {
        layout.remarks = roles->at("evidence");
      }
    }
    const std::vector<std::string>& header = sheet.rows[r].cells;
    for (size_t c = 0; c < header.size(); ++c) {
      int col = static_cast<int>(c);
      bool used = col == layout.answer || (layout.remarks && col == *layout.remarks);
      for (int q : layout.questions) used = used || q == col;
      if (!used && !header[c].empty()) layout.others.push_back(col);
    }
    return layout;
  }
  return Status::Error(
      Location{sheet.file},
      "no header row with a question column and an answer column in the "
      "first " +
          std::to_string(kHeaderSearchRows) + " rows" +
          (sheet.sheet_name.empty() ? "" : " of worksheet \"" + sheet.sheet_name + "\"") +
          " — the table needs a header such as 質問 (or 確認項目, 項目) over "
          "the questions and 回答 over the answers; with several worksheets, "
          "pass --sheet NAME");
}

std::string column_name(const Sheet& sheet, const Layout& layout, int column) {
  std::string name = import_detail::column_letter(column);
  const std::vector<std::string>& header = sheet.rows[layout.header].cells;
  if (column < static_cast<int>(header.size()) && !header[column].empty()) {
    name += " (" + printable(header[column]) + ")";  // the customer's text, for a terminal
  }
  return name;
}

}  // namespace trustpage::answer_detail
