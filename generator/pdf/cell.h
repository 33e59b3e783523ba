// The paragraphs of one table cell (or the title block) set at one width and stacked, with
// every line's position, so pagination can cut the cell between any two lines.
#pragma once

#include <vector>

#include "pdf/paginate.h"
#include "pdf/text_block.h"

namespace trustpage::pdf {

class Cell {
 public:
  Cell() = default;
  Cell(const Fonts& fonts, const std::vector<Paragraph>& paragraphs, const TextSettings& settings,
       double width);

  // Every line, top to bottom, from the top of the cell's first line.
  const std::vector<LineSpan>& spans() const { return spans_; }
  double height() const { return spans_.empty() ? 0 : spans_.back().bottom; }
  double width() const;  // of the widest line
  double first_baseline() const;
  int unknown_glyphs() const;
  // Draws lines [begin, end) with the first of them at `top`.
  void draw(cairo_t* cr, size_t begin, size_t end, double left, double top) const;

 private:
  struct Placed {
    size_t block = 0;
    size_t line = 0;
    double block_top = 0;
  };
  std::vector<TextBlock> blocks_;
  std::vector<Placed> placed_;
  std::vector<LineSpan> spans_;
};

}  // namespace trustpage::pdf
