// Text as sheets deliver it: encodings, compatibility characters, markup inside cells.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/unicode.h"
#include "import/import.h"

namespace trustpage::import_detail {

// The bytes as UTF-8: a BOM decides; else valid UTF-8 is UTF-8; else CP932 (what Japanese
// Excel writes). `used` names the encoding read.
Result<std::string> decode(const std::string& bytes, Encoding encoding, const std::string& file,
                           std::string* used);

// UTF-8 text in the encoding `decode` named ("UTF-8", "CP932", "UTF-16" as little-endian),
// without a BOM. What the encoding cannot hold is replaced (see text.cc), counted in
// `replaced` when given.
std::string encode(std::string_view utf8, const std::string& encoding, size_t* replaced = nullptr);

bool is_utf8(std::string_view text);
using trustpage::code_points;
using trustpage::nfkc;
using trustpage::to_utf8;

// What matching compares: NFKC, lower case, without spaces, punctuation and brackets, so
// "サービスレベル項目(例)" and "サービスレベル項目例" are the same key.
std::string match_key(std::string_view text);

// Dice coefficient of the two keys' character bigrams: 1 for equal, 0 for nothing shared.
double similarity(std::string_view a_key, std::string_view b_key);

// A key's character bigrams, sorted, for comparing one key with many: every row's cells are
// compared with every template item, so each side is split into bigrams once.
struct Bigrams {
  std::string key;
  std::vector<uint64_t> sorted;
};
Bigrams bigrams_of(std::string key);
double similarity(const Bigrams& a, const Bigrams& b);

// A cell as the vendor meant it: LF line ends, <br> as a line break, other stray tags
// dropped, Kangxi radicals (⽌) as the ideographs they stand for (止), spaces trimmed.
std::string clean_cell(std::string_view cell);

std::string trim(std::string_view text);

}  // namespace trustpage::import_detail
