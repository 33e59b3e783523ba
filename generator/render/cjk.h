// Japanese text in Markdown: shared by the HTML and PDF renderers, which both join the line
// breaks a vendor types inside a Japanese paragraph without adding a space.
#pragma once

#include <cstddef>
#include <string_view>

namespace trustpage {

// CJK punctuation, kana, ideographs and full-width forms.
bool is_cjk(char32_t c);

// The code point whose UTF-8 encoding starts at byte `i` of `s`; 0 when malformed.
char32_t decode_utf8_at(std::string_view s, std::size_t i);

}  // namespace trustpage
