// A customer's own security questionnaire, as Japanese enterprises send them: an instruction
// sheet first, then a title block above the table, 大分類 in merged cells, questions in their
// own words (paraphrasing the demo content's items, never copying them), an answer column
// with a はい/いいえ/該当なし dropdown, a remarks column, and the customer's own columns
// (当社確認欄, 確認者). Written with libxlsxwriter, the way Excel-made files look.
#pragma once

#include <string>
#include <vector>

namespace trustpage::testing {

struct CustomerQuestion {
  std::string section;   // 大分類
  std::string question;  // the customer's wording
  std::vector<std::string>
      expected;  // item ids that answer it (the first is best); none: unanswerable
};

// 20 questions: 18 the demo content answers, 2 it does not.
const std::vector<CustomerQuestion>& customer_questions();

inline constexpr int kCustomerHeaderRow = 5;  // 1-based, as Excel numbers rows
inline constexpr int kCustomerFirstQuestionRow = 6;

struct CustomerSheetOptions {
  bool dropdown = true;         // a list validation on the answer column
  bool list_sheet = false;      // its choices are cells of a third sheet, 選択肢 (○/×/－)
  bool sample_answers = false;  // the customer filled two rows as examples
  bool question_header = true;  // false: the question column's header says nothing
};

// Writes the workbook to `path`.
void write_customer_sheet(const std::string& path, const CustomerSheetOptions& options = {});

}  // namespace trustpage::testing
