#include "render/cjk.h"

namespace trustpage {

bool is_cjk(char32_t c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

char32_t decode_utf8_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (b(i) < 0x80) return b(i);
  if ((b(i) & 0xE0) == 0xC0 && i + 1 < s.size()) return (b(i) & 0x1F) << 6 | (b(i + 1) & 0x3F);
  if ((b(i) & 0xF0) == 0xE0 && i + 2 < s.size()) {
    return (b(i) & 0x0F) << 12 | (b(i + 1) & 0x3F) << 6 | (b(i + 2) & 0x3F);
  }
  if ((b(i) & 0xF8) == 0xF0 && i + 3 < s.size()) {
    return (b(i) & 0x07) << 18 | (b(i + 1) & 0x3F) << 12 | (b(i + 2) & 0x3F) << 6 |
           (b(i + 3) & 0x3F);
  }
  return 0;
}

}  // namespace trustpage
