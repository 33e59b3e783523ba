#include "common/printable.h"

namespace trustpage {
namespace {

// Length of the valid UTF-8 sequence at `s`, or 0.
size_t utf8_length(std::string_view s) {
  auto c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || n > s.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(s[i]) >> 6) != 2) return 0;
  }
  if (n == 2 && c < 0xc2) return 0;  // overlong
  if (n == 3) {
    auto c1 = static_cast<unsigned char>(s[1]);
    if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0)) return 0;  // overlong, surrogate
  }
  if (n == 4) {
    auto c1 = static_cast<unsigned char>(s[1]);
    if ((c == 0xf0 && c1 < 0x90) || c > 0xf4 || (c == 0xf4 && c1 >= 0x90)) return 0;
  }
  return n;
}

}  // namespace

std::string printable(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t n = utf8_length(text);
    auto c = static_cast<unsigned char>(text[0]);
    // U+0080..U+009F (C1 controls, 0xc2 0x80..0x9f) act as escapes on some terminals too.
    bool c1 = n == 2 && c == 0xc2 && static_cast<unsigned char>(text[1]) < 0xa0;
    if (n == 0 || c1 || (n == 1 && (c < 0x20 || c == 0x7f))) {
      size_t bad = n == 0 ? 1 : n;
      for (size_t i = 0; i < bad; ++i) {
        auto b = static_cast<unsigned char>(text[i]);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 15];
      }
      text.remove_prefix(bad);
      continue;
    }
    out.append(text.substr(0, n));
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace trustpage
