#include "import/pdf_text.h"

#include "import/merge.h"
#include "import/text.h"

namespace trustpage::import_detail {
namespace {

// "12 サービス…", "4-1　情報…": digits (with - or .), a space, then text that is not a number.
bool starts_with_number_and_text(const std::string& cell) {
  size_t i = 0;
  while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
  if (i == 0 || i > 4) return false;
  while (i < cell.size() &&
         (cell[i] == '-' || cell[i] == '.' || (cell[i] >= '0' && cell[i] <= '9')))
    ++i;
  size_t space = i;
  if (cell.compare(i, 1, " ") == 0) {
    i += 1;
  } else if (cell.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
    i += 3;
  }
  if (i == space || i >= cell.size()) return false;
  return cell[i] < '0' || cell[i] > '9';
}

}  // namespace

Status refuse_pdf_text(const Sheet& sheet) {
  size_t single = 0, numbered = 0;
  const SheetRow* first = nullptr;
  for (const SheetRow& row : sheet.rows) {
    size_t filled = 0;
    for (const std::string& cell : row.cells) filled += !cell.empty();
    if (filled != 1) continue;
    ++single;
    for (const std::string& cell : row.cells) {
      if (cell.empty() || !starts_with_number_and_text(cell)) continue;
      ++numbered;
      if (first == nullptr) first = &row;
    }
  }
  // A table has rows of several cells; one long column of numbered lines is not a table.
  bool one_column = single * 10 >= sheet.rows.size() * 9;
  if (!one_column || numbered < 3 || first == nullptr) return Status::Ok();
  std::string sample;
  for (const std::string& cell : first->cells)
    if (!cell.empty()) sample = excerpt_text(cell);
  return Status::Error(
      Location{sheet.file, first->number},
      "this looks like text copied from a PDF: its lines hold no tabs or commas between the "
      "columns (line " +
          std::to_string(first->number) + ": \"" + sample +
          "\"), so the question cannot be told from the answer — nothing was written. Open the "
          "original Excel file and import that (.xlsx, or saved as CSV UTF-8); or paste the "
          "PDF's table into a spreadsheet, check that each column holds one thing, and save it "
          "as CSV or XLSX");
}

}  // namespace trustpage::import_detail
