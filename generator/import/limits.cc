#include "import/limits.h"

#include "import/columns.h"

namespace trustpage::import_detail {

std::string size_text(size_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
  return std::to_string((bytes + 512) / 1024) + " KB";
}

Status SheetBudget::refuse(int row, int column, const std::string& why) const {
  return Status::Error(Location{file_, row},
                       row_word_ + " " + std::to_string(row) + ", column " + column_letter(column) +
                           ": " + why +
                           " — a check sheet is far smaller; is this the right file? Save only "
                           "the table of questions and answers as CSV or XLSX");
}

Status SheetBudget::take(int row, int column, size_t bytes) {
  if (column >= kMaxColumns) {
    return refuse(row, column,
                  "a cell beyond column " + column_letter(kMaxColumns - 1) + " (the limit is " +
                      std::to_string(kMaxColumns) + " columns); delete the cells to its right");
  }
  if (bytes > kMaxCellBytes) {
    return refuse(row, column,
                  "a cell of " + size_text(bytes) + " (Excel's limit is 32,767 characters)");
  }
  if (row != row_) {
    row_ = row;
    row_cells_ = 0;
  }
  // The row's vector grows to `column`: the empty cells before it are kept too.
  if (column + 1 > row_cells_) {
    cells_ += static_cast<size_t>(column + 1 - row_cells_);
    row_cells_ = column + 1;
  }
  if (cells_ > kMaxCells) {
    return refuse(row, column, "more than " + std::to_string(kMaxCells) + " cells in the sheet");
  }
  text_ += bytes;
  if (text_ > kMaxSheetText) {
    return refuse(row, column,
                  "the cells hold more than " + size_text(kMaxSheetText) +
                      " of text (a shared string counts once per cell that uses it)");
  }
  return Status::Ok();
}

}  // namespace trustpage::import_detail
