#include "content/utf8.h"

namespace trustpage::content_detail {

size_t find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char min_next = 0x80, max_next = 0xBF;  // bounds of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) min_next = 0xA0;  // overlong
      if (lead == 0xED) max_next = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) min_next = 0x90;  // overlong
      if (lead == 0xF4) max_next = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size) return i;
    if (bytes[i + 1] < min_next || bytes[i + 1] > max_next) return i;
    for (size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    }
    i += length;
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
