#include "pdf/paragraph.h"

namespace trustpage::pdf {

void Paragraph::append(std::string_view s, unsigned style, std::string link,
                       std::optional<std::uint32_t> color) {
  if (s.empty()) return;
  const size_t start = text.size();
  text += s;
  if (style != kPlain || !link.empty() || color) {
    spans.push_back({start, text.size(), style, color, std::move(link)});
  }
}

}  // namespace trustpage::pdf
