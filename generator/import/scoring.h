// How well a cell matches a template item's text: shared by row matching (match.cc) and
// finding the columns of a sheet without a header row (infer_columns.cc).
#pragma once

#include <string>

#include "import/text.h"

namespace trustpage::import_detail {

// Thresholds measured on real sheets: the same requirement retyped or re-extracted from
// a PDF scores above 0.75; different requirements of the METI list stay below 0.5.
inline constexpr double kSameRequirement = 0.75;
inline constexpr double kSameItem = 0.8;
inline constexpr size_t kMinFragment = 8;  // code points of a requirement split across rows

// A cell's match_key, cut to kMaxMatchCodePoints code points (limits.h).
Bigrams cell_bigrams(std::string_view cell);

// Similarity, or a long enough piece of it (a requirement split over two rows, or one cell
// holding it with more text).
double requirement_score(const Bigrams& cell, const Bigrams& requirement);

// "No.5", "５", "05." -> "5"; "A-3" stays.
std::string number_key(const std::string& text);

}  // namespace trustpage::import_detail
