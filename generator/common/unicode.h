// Code points and Unicode normalisation, for every stage that compares text as a reader
// would: sheet import, questionnaire answering, search.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustpage {

// The code points of UTF-8 text (a truncated sequence at the end is read as far as it goes).
std::vector<char32_t> code_points(std::string_view utf8);
std::string to_utf8(const std::vector<char32_t>& points);

// Unicode NFKC (libunistring): full-width Latin and digits become ASCII, half-width kana
// full-width, "①" "1". Invalid input comes back unchanged.
std::string nfkc(std::string_view text);

}  // namespace trustpage
