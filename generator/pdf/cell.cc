#include "pdf/cell.h"

#include <algorithm>

namespace trustpage::pdf {

Cell::Cell(const Fonts& fonts, const std::vector<Paragraph>& paragraphs,
           const TextSettings& settings, double width) {
  double y = 0;
  for (const Paragraph& p : paragraphs) {
    TextBlock block(fonts, p, settings, width);
    if (!blocks_.empty()) y += block.space_before();
    for (size_t i = 0; i < block.lines().size(); ++i) {
      const LineBox& line = block.lines()[i];
      placed_.push_back({blocks_.size(), i, y});
      spans_.push_back({y + line.top, y + line.bottom});
    }
    y += block.height();
    blocks_.push_back(std::move(block));
  }
}

double Cell::width() const {
  double widest = 0;
  for (const Placed& p : placed_) {
    const TextBlock& b = blocks_[p.block];
    const LineBox& line = b.lines()[p.line];
    widest = std::max(widest, b.x() + line.x + line.width);
  }
  return widest;
}

double Cell::first_baseline() const {
  if (placed_.empty()) return 0;
  const Placed& p = placed_.front();
  return p.block_top + blocks_[p.block].lines()[p.line].baseline;
}

int Cell::unknown_glyphs() const {
  int n = 0;
  for (const TextBlock& b : blocks_) n += b.unknown_glyphs();
  return n;
}

void Cell::draw(cairo_t* cr, size_t begin, size_t end, double left, double top) const {
  if (begin >= end || end > placed_.size()) return;
  const double origin = top - spans_[begin].top;
  for (size_t i = begin; i < end; ++i) {
    const Placed& p = placed_[i];
    blocks_[p.block].draw_line(cr, p.line, left, origin + p.block_top);
  }
}

}  // namespace trustpage::pdf
