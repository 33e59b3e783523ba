// File, folder and id names, and the natural order of item numbers (private).
#pragma once

#include <string>
#include <string_view>

namespace trustpage::content_detail {

// a-z 0-9 - _ . only, and not starting with "." (a hidden file): names become URLs and
// must need no escaping.
bool is_valid_name(std::string_view name);

// A valid name close to `name` for the message: "Service Hours.md" -> "service-hours.md".
std::string suggest_name(std::string_view name);

// The rule, for messages.
inline constexpr std::string_view kNameRule =
    "may use only a-z, 0-9, \"-\", \"_\" and \".\" (names become URLs)";

// Natural order: digit runs compare as numbers, so "2" < "10" and "A-2" < "A-10".
bool natural_less(std::string_view a, std::string_view b);

}  // namespace trustpage::content_detail
