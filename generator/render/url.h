// URL checks shared by tp:href/tp:src and tp:attr-* (internal to the render library).
#pragma once

#include <string>
#include <string_view>

namespace trustpage {

// The lower-cased scheme of `url` as a browser would find it (leading spaces and control
// characters skipped, tabs and newlines ignored), or "" when `url` is relative.
std::string url_scheme(std::string_view url);

// True for relative URLs and http, https and mailto: nothing that can run script.
bool is_safe_url(std::string_view url);

}  // namespace trustpage
