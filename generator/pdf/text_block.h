// One paragraph set by Pango at a given width: its lines, where each sits, and how to draw
// any one of them, so a cell can be split between pages at a line boundary.
#pragma once

#include <string>
#include <vector>

#include "pdf/fonts.h"
#include "pdf/paragraph.h"

namespace trustpage::pdf {

struct LineBox {
  double top = 0;  // points, from the top of the block
  double bottom = 0;
  double baseline = 0;
  double x = 0;  // of the line's left edge, from the block's left edge
  double width = 0;
};

struct TextSettings {
  double size = 8;            // points
  double line_spacing = 1.3;  // times the font's natural line height
  double indent_step = 11;    // points per list level; markers hang in the step before the text
  std::uint32_t color = 0x1b2430;
};

class TextBlock {
 public:
  TextBlock(const Fonts& fonts, const Paragraph& paragraph, const TextSettings& settings,
            double width);

  double x() const { return x_; }  // from the cell's content edge
  double space_before() const { return space_before_; }
  double height() const { return lines_.empty() ? 0 : lines_.back().bottom; }
  const std::vector<LineBox>& lines() const { return lines_; }
  // The text of line `i` (a list marker and its tab included).
  std::string line_text(size_t i) const;
  // Characters no font of the theme has (drawn as boxes, missing from the text layer).
  int unknown_glyphs() const;
  // Draws line `i` with the block's left edge at `left` and its top at `top`; links on the
  // line become clickable areas.
  void draw_line(cairo_t* cr, size_t i, double left, double top) const;

 private:
  LayoutPtr layout_;
  std::vector<Span> links_;  // in the layout's text, with the marker's bytes counted
  std::vector<LineBox> lines_;
  double x_ = 0;
  double space_before_ = 0;
  std::uint32_t color_ = 0;
};

// Sets cairo's source to 0xRRGGBB.
void set_color(cairo_t* cr, std::uint32_t rgb);

// A number for a cairo tag attribute, whatever the locale: "12.50".
std::string number(double value);

// A cairo tag attribute string value: quoted, with ' and \ escaped.
std::string tag_string(const std::string& value);

}  // namespace trustpage::pdf
