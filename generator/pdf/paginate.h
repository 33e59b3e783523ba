// Splits the table's rows into pages. Pure arithmetic on line positions, so the rules
// (rows move whole when they can, a row taller than what is left is split between lines,
// a section title never ends a page) are tested without fonts.
#pragma once

#include <cstddef>
#include <vector>

namespace trustpage::pdf {

struct LineSpan {
  double top = 0;  // points, from the top of the cell's content
  double bottom = 0;
};

struct RowLines {
  std::vector<std::vector<LineSpan>> cells;  // each cell's lines, top to bottom
  bool keep_with_next = false;               // a section title: never alone at a page end
};

struct CellRange {
  size_t begin = 0;  // lines [begin, end) of the cell on this page
  size_t end = 0;
};

struct RowPart {
  size_t row = 0;
  std::vector<CellRange> cells;
  double height = 0;       // with padding
  bool continued = false;  // the row started on an earlier page
};

struct PageRows {
  std::vector<RowPart> parts;
};

struct PageSpace {
  double first = 0;    // height for rows on the first page (below the title block)
  double other = 0;    // height for rows on every other page
  double padding = 0;  // above and below a cell's lines
};

// Every line of every cell appears in exactly one part, in order.
std::vector<PageRows> paginate(const std::vector<RowLines>& rows, const PageSpace& space);

}  // namespace trustpage::pdf
