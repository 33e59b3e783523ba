#include "pdf/paginate.h"

#include <algorithm>

namespace trustpage::pdf {

namespace {

// The height of lines [begin, end) of each cell set side by side.
double part_height(const RowLines& row, const std::vector<CellRange>& ranges, double padding) {
  double tallest = 0;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const CellRange& r = ranges[c];
    if (r.begin >= r.end) continue;
    tallest = std::max(tallest, row.cells[c][r.end - 1].bottom - row.cells[c][r.begin].top);
  }
  return tallest + 2 * padding;
}

std::vector<CellRange> rest_of(const RowLines& row, const std::vector<size_t>& next) {
  std::vector<CellRange> ranges;
  for (size_t c = 0; c < row.cells.size(); ++c) ranges.push_back({next[c], row.cells[c].size()});
  return ranges;
}

// The first line of each cell: what must fit for a row to start on a page.
double first_lines_height(const RowLines& row, double padding) {
  std::vector<CellRange> ranges;
  for (const auto& cell : row.cells) ranges.push_back({0, cell.empty() ? 0u : size_t{1}});
  return part_height(row, ranges, padding);
}

}  // namespace

std::vector<PageRows> paginate(const std::vector<RowLines>& rows, const PageSpace& space) {
  std::vector<PageRows> pages(1);
  double left = space.first;
  auto new_page = [&] {
    pages.emplace_back();
    left = space.other;
  };

  for (size_t i = 0; i < rows.size(); ++i) {
    const RowLines& row = rows[i];
    std::vector<size_t> next(row.cells.size(), 0);
    bool continued = false;
    while (true) {
      std::vector<CellRange> rest = rest_of(row, next);
      double needed = part_height(row, rest, space.padding);
      // A section title keeps the start of the next row on its page.
      double with_next = needed;
      if (row.keep_with_next && i + 1 < rows.size()) {
        with_next += first_lines_height(rows[i + 1], space.padding);
      }
      const bool page_empty = pages.back().parts.empty();
      if (with_next <= left || (page_empty && row.keep_with_next)) {
        pages.back().parts.push_back({i, rest, needed, continued});
        left -= needed;
        break;
      }
      // Rows move to the next page whole when they fit there, unless that would leave
      // more than half of this page empty; a section title always moves.
      if (!page_empty &&
          (row.keep_with_next || (needed <= space.other && left < space.other / 2))) {
        new_page();
        continue;
      }
      // Split: each cell keeps the lines that fit in what is left of this page.
      std::vector<CellRange> here;
      bool any = false;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const auto& lines = row.cells[c];
        size_t end = next[c];
        while (end < lines.size() &&
               lines[end].bottom - lines[next[c]].top + 2 * space.padding <= left) {
          ++end;
        }
        // A single line taller than a whole page still has to go somewhere.
        if (end == next[c] && page_empty && end < lines.size()) ++end;
        any = any || end > next[c];
        here.push_back({next[c], end});
      }
      if (!any) {
        new_page();
        continue;
      }
      const double height = part_height(row, here, space.padding);
      pages.back().parts.push_back({i, here, height, continued});
      for (size_t c = 0; c < row.cells.size(); ++c) next[c] = here[c].end;
      continued = true;
      new_page();
      bool done = true;
      for (size_t c = 0; c < row.cells.size(); ++c) done = done && next[c] >= row.cells[c].size();
      if (done) break;
    }
  }
  if (pages.size() > 1 && pages.back().parts.empty()) pages.pop_back();
  return pages;
}

}  // namespace trustpage::pdf
