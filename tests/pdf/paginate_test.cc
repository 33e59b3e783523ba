// Pagination rules on plain numbers: no line lost or repeated, rows split only when they
// must, a section title never alone at the foot of a page.
#include "pdf/paginate.h"

#include <catch2/catch.hpp>

using namespace trustpage::pdf;

namespace {

std::vector<LineSpan> lines(int count, double height = 10) {
  std::vector<LineSpan> out;
  for (int i = 0; i < count; ++i) out.push_back({i * height, (i + 1) * height});
  return out;
}

RowLines row(std::vector<int> counts, bool section = false) {
  RowLines r;
  for (int n : counts) r.cells.push_back(lines(n));
  r.keep_with_next = section;
  return r;
}

// Every line of every cell is placed exactly once, in order.
void require_all_lines_once(const std::vector<RowLines>& rows, const std::vector<PageRows>& pages) {
  std::vector<std::vector<size_t>> next(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) next[r].assign(rows[r].cells.size(), 0);
  for (const PageRows& page : pages) {
    for (const RowPart& part : page.parts) {
      for (size_t c = 0; c < part.cells.size(); ++c) {
        if (part.cells[c].begin == part.cells[c].end) continue;
        REQUIRE(part.cells[c].begin == next[part.row][c]);
        next[part.row][c] = part.cells[c].end;
      }
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].cells.size(); ++c) {
      INFO("row " << r << " cell " << c);
      REQUIRE(next[r][c] == rows[r].cells[c].size());
    }
  }
}

}  // namespace

TEST_CASE("rows that fit stay on one page, whole") {
  std::vector<RowLines> rows = {row({1, 3}), row({2, 2}), row({4, 1})};
  auto pages = paginate(rows, {200, 200, 2});
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].parts.size() == 3);
  REQUIRE(pages[0].parts[0].height == Approx(34));
  require_all_lines_once(rows, pages);
}

TEST_CASE("a row taller than a page is split between lines and loses none") {
  std::vector<RowLines> rows = {row({1, 2}), row({1, 57, 3})};  // 570 points of remarks
  auto pages = paginate(rows, {150, 200, 3});
  REQUIRE(pages.size() >= 4);
  require_all_lines_once(rows, pages);
  for (const PageRows& page : pages) {
    double used = 0;
    for (const RowPart& part : page.parts) used += part.height;
    REQUIRE(used <= 200 + 1e-9);
  }
  // The continuation parts say so, for the muted row number.
  REQUIRE_FALSE(pages[0].parts.back().continued);
  REQUIRE(pages[1].parts.front().continued);
}

TEST_CASE("a row that fits on the next page moves there whole when this page is mostly used") {
  std::vector<RowLines> rows = {row({14}), row({8})};  // 146 + 86 on pages of 200
  auto pages = paginate(rows, {200, 200, 3});
  REQUIRE(pages.size() == 2);
  REQUIRE(pages[1].parts.size() == 1);
  REQUIRE_FALSE(pages[1].parts[0].continued);
  REQUIRE(pages[1].parts[0].cells[0].begin == 0);
}

TEST_CASE("a section title never ends a page") {
  std::vector<RowLines> rows = {row({17}), row({1}, true), row({3})};  // 176, then 16 + 36
  auto pages = paginate(rows, {200, 200, 3});
  REQUIRE(pages.size() == 2);
  REQUIRE(pages[0].parts.size() == 1);
  REQUIRE(pages[1].parts[0].row == 1);
  require_all_lines_once(rows, pages);
}

TEST_CASE("a 300-row table paginates without losing a line") {
  std::vector<RowLines> rows;
  for (int i = 0; i < 300; ++i) {
    if (i % 25 == 0) rows.push_back(row({1}, true));
    rows.push_back(row({1, 2, i % 7 + 1, 3, 1, 4, i % 40 + 1}));
  }
  auto pages = paginate(rows, {300, 480, 3.5});
  require_all_lines_once(rows, pages);
}
