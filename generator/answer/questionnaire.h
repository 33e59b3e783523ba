// The customer's table: the worksheet that holds it, where its questions and answers are,
// and its question rows.
#pragma once

#include <string>
#include <vector>

#include "answer/layout.h"
#include "common/status.h"
#include "import/import.h"

namespace trustpage::answer_detail {

struct Questionnaire {
  Sheet sheet;
  Layout layout;
  std::vector<size_t> rows;            // indexes into sheet.rows of the rows with a question
  std::vector<std::string> questions;  // each one's text (its question cells, joined)
};

// The worksheet asked for, else the first whose header names a question and an answer column
// (a workbook often opens with an instruction sheet, 記入要領). Errors name the file, and
// the header row when it has no question below it.
Result<Questionnaire> read_questionnaire(const std::string& bytes, const std::string& file,
                                         const std::string& worksheet);

// Refuses, naming the rows, a sheet whose answer or remarks cells on question rows hold text
// already: the customer's sample answers, or an earlier fill (--overwrite replaces them).
Status refuse_answered(const Questionnaire& questionnaire, const std::string& file);

// The cell's text; "" past the row's last cell.
std::string cell_text(const SheetRow& row, int column);

}  // namespace trustpage::answer_detail
