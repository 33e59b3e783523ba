// What the filler writes: text into one cell of the customer's sheet.
#pragma once

#include <string>

namespace trustpage::answer_detail {

struct CellWrite {
  int row = 0;     // 1-based, the sheet's row (XLSX) or line (CSV/TSV)
  int column = 0;  // 0-based
  std::string text;
};

}  // namespace trustpage::answer_detail
