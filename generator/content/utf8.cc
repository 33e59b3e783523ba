#include "content/utf8.h"

#include "common/utf8.h"

namespace trustpage::content_detail {

size_t find_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_sequence_length(text.substr(i));
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

bool starts_with_bom(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF");
}

size_t find_control_character(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return i;
  }
  return std::string_view::npos;
}

LineColumn line_column(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineColumn out;
  // Editors hide a BOM, so it takes no column.
  for (size_t i = starts_with_bom(text) ? 3 : 0; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++out.line;
      out.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // count lead bytes only: one per character
      ++out.column;
    }
  }
  return out;
}

}  // namespace trustpage::content_detail
