// How much of a sheet import reads. A check sheet is a few hundred rows of a dozen columns;
// these bounds are far above that and keep any input of at most kMaxSheetBytes within seconds
// and a few hundred MB (tests/import/hostile_test.cc measures the worst cases).
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"

namespace trustpage::import_detail {

// Excel holds at most 32,767 characters in a cell; four UTF-8 bytes each at most.
inline constexpr size_t kMaxCellBytes = 32767 * 4;
// Columns a row may reach (column IV). A cell beyond it is an error naming the row.
inline constexpr int kMaxColumns = 256;
// Cells of the whole sheet, empty ones inside a row included: every cell is a string kept
// in memory and compared against the template.
inline constexpr size_t kMaxCells = 200000;
// Text of all cells together. A shared XLSX string counts once per cell that refers to it,
// so one long string referenced from many cells is refused instead of copied each time.
inline constexpr size_t kMaxSheetText = 24 * 1024 * 1024;
// An XLSX part (worksheet, shared strings) after decompression: its XML tree is held whole.
inline constexpr size_t kMaxXlsxPartBytes = 16 * 1024 * 1024;
// Matching compares this many code points of a cell at most: a template's texts are far
// shorter, so a longer cell scores the same, and a huge cell costs no more than a short one.
inline constexpr size_t kMaxMatchCodePoints = 1000;

// "2 MB", "120 KB": sizes in messages.
std::string size_text(size_t bytes);

// Counts what a reader keeps, cell by cell, and refuses the first cell past a limit with an
// error naming the file, the row or line, and the column.
class SheetBudget {
 public:
  SheetBudget(std::string file, std::string row_word)
      : file_(std::move(file)), row_word_(std::move(row_word)) {}

  // Before keeping a cell of `bytes` at 0-based `column` of `row`.
  Status take(int row, int column, size_t bytes);

 private:
  Status refuse(int row, int column, const std::string& why) const;

  std::string file_;
  std::string row_word_;
  size_t cells_ = 0;
  size_t text_ = 0;
  int row_ = -1;
  int row_cells_ = 0;  // cells the current row holds so far, empty ones before `column` too
};

}  // namespace trustpage::import_detail
