// Path helpers shared by the sources (private to the source library).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustpage::source_detail {

// Splits "a/b/c" into its components. Refuses (nullopt) absolute paths and "", "." or ".."
// components, so no Source can be asked for anything outside its root. "" gives {}.
std::optional<std::vector<std::string>> split_relative(std::string_view path);

// The content directory as the user typed it ("content/", "./content", "/abs/content"),
// without trailing slashes: messages then read "content/site.yaml" and stay clickable.
std::string shown_dir(std::string typed);

// Joins shown_dir() and a content path; "." or "" as the shown dir gives the path alone.
std::string display_join(const std::string& shown, std::string_view path);

}  // namespace trustpage::source_detail
