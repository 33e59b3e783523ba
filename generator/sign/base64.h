// Standard base64 (RFC 4648, "+/" alphabet), as minisign, OpenSSH and PEM all use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trustpage::sign_internal {

std::string base64_encode(std::string_view bytes);
// Strict: only the alphabet and correct '=' padding; no whitespace, no stray characters.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace trustpage::sign_internal
