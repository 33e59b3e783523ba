// An http(s) URL split by libcurl's own parser, so the host we check is the host libcurl
// connects to (two parsers disagreeing about "https://a@b\@c/" is how checks get bypassed).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage::fetch_internal {

// Who answers a URL: same origin, same server reached the same way.
struct Origin {
  std::string scheme;  // lower-case
  std::string host;    // lower-case, IPv6 in brackets; "" when the text has none
  std::string port;    // as written, or the scheme's default
  bool operator==(const Origin&) const = default;

  // 127.0.0.1, localhost or [::1]: this machine, where plain http cannot be intercepted.
  bool is_loopback() const;
};

struct WebUrl {
  std::string text;  // as libcurl normalizes it (scheme and host lower-case, dots resolved)
  Origin origin;
  std::string path;  // starts with '/'
  bool has_userinfo = false;
  bool has_query_or_fragment = false;
};

// Fails when libcurl cannot read `text` as a URL; the message gives libcurl's reason only.
Result<WebUrl> parse_web_url(std::string_view text);

// "another scheme", "another host" or "another port"; "" for the same origin.
std::string_view origin_difference(const Origin& from, const Origin& to);

}  // namespace trustpage::fetch_internal
