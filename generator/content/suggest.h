// "Did you mean ...?" for typos in keys, statuses and folder names (private).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustpage::content_detail {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbours each cost 1, so "stauts" is one edit away from "status".
size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a likely typo (case is ignored).
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

}  // namespace trustpage::content_detail
