// Turning a published file's path into the path part of a URL.
#pragma once

#include <string>
#include <string_view>

namespace trustpage::fetch_internal {

// Keeps RFC 3986's unreserved characters and '/'; every other byte (a space, '?', '#', '%',
// each byte of UTF-8) becomes %XX, so a file name can never turn into a query or fragment.
std::string percent_encode_path(std::string_view path);

}  // namespace trustpage::fetch_internal
