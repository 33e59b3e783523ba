// Which links content may contain (private to the content library).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trustpage::content_detail {

enum class LinkKind { kWeb, kMailto, kRelative };

// Classifies a link, or explains (for the message) why it is refused: only http(s) with a
// host and mailto: with an address are allowed — never javascript:, data:, file: or ftp:.
struct LinkCheck {
  std::optional<LinkKind> kind;  // nullopt: refused
  std::string problem;           // why, when refused
};
LinkCheck check_link(std::string_view url);

}  // namespace trustpage::content_detail
