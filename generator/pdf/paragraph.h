// Text with styles as plain data: what goes into one cell of the PDF's table, before any
// font is involved. Styles are attributes over byte ranges of the text, never markup, so
// no character a vendor writes can change how the rest is set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustpage::pdf {

enum Style : unsigned {
  kPlain = 0,
  kBold = 1u << 0,
  kItalic = 1u << 1,
  kCode = 1u << 2,
  kStrike = 1u << 3,
  kMuted = 1u << 4,
  kNoUnderline = 1u << 5,  // a link that reads as a title (an item's number and name)
};

struct Span {
  size_t start = 0;  // byte offsets into Paragraph::text
  size_t end = 0;
  unsigned style = kPlain;
  std::optional<std::uint32_t> color;  // 0xRRGGBB
  std::string link;                    // absolute URL; "" when the span is not a link
};

struct Paragraph {
  std::string text;
  std::vector<Span> spans;
  int level = 0;            // list nesting: indented by this many steps
  std::string marker;       // "•", "1." — set in the step before the text, hanging
  double size = 0;          // points; 0 for the cell's size
  double space_before = 0;  // points above the paragraph, unless it starts the cell

  // Appends `s` with a style; consecutive appends keep their own spans.
  void append(std::string_view s, unsigned style = kPlain, std::string link = {},
              std::optional<std::uint32_t> color = std::nullopt);
  bool empty() const { return text.empty(); }
};

}  // namespace trustpage::pdf
