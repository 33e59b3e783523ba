// Where a customer's questionnaire keeps its questions and wants its answers: the header
// row read with import's column names (質問, 確認項目, 回答, 備考 …), the title block above
// it and the customer's own columns (当社確認欄, 確認者) left alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "import/import.h"

namespace trustpage::answer_detail {

struct Layout {
  size_t header = 0;           // index into Sheet::rows of the header row
  std::vector<int> questions;  // 0-based columns whose text is the question, left to right
  int answer = -1;             // where the answer (or the choice) goes
  std::optional<int> remarks;  // where the source and details go, when the sheet has one
  std::vector<int> others;     // headed columns nothing is written to (the customer's own)
};

// The first row (of the first kHeaderSearchRows) that names a question and an answer
// column. Errors name the file and say what the header needs.
Result<Layout> find_layout(const Sheet& sheet);

// "C (質問)", for messages.
std::string column_name(const Sheet& sheet, const Layout& layout, int column);

}  // namespace trustpage::answer_detail
