// URLs in the published site: relative links between routes, and which URLs are safe to
// publish (shared by tp:href/tp:src, tp:attr-* and Markdown links).
#pragma once

#include <string>
#include <string_view>

namespace trustpage {

// Makes `target` (a route from the site root, or an absolute URL) usable from `from_route`.
// "checklists/meti/index.html" seen from "checklists/meti/x.html" -> "index.html".
// Absolute http(s)/mailto URLs are returned unchanged; anything else with a scheme
// (javascript:, data:, ...) becomes "" so it can never be executed.
std::string relative_url(const std::string& from_route, const std::string& target);

// The lower-cased scheme of `url` as a browser would find it (leading spaces and control
// characters skipped, tabs and newlines ignored), or "" when `url` is relative.
std::string url_scheme(std::string_view url);

// True for relative URLs and http, https and mailto: nothing that can run script.
bool is_safe_url(std::string_view url);

}  // namespace trustpage
