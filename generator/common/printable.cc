#include "common/printable.h"

#include "common/utf8.h"

namespace trustpage {

std::string printable(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t n = utf8_sequence_length(text);
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
