// Reading a deployed site back over HTTPS: the previous release's files, to chain a new
// release to it or to verify a file against it. The host may be hostile, so every request is
// bounded in time and size and never leaves the site's origin.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

namespace fetch_internal {
class Connection;
}

struct FetchLimits {
  long connect_timeout_seconds = 10;
  long transfer_timeout_seconds = 60;   // per file, whole transfer
  size_t max_file_bytes = 32u << 20;    // one response body
  size_t max_total_bytes = 256u << 20;  // all responses of one RemoteSite
  int max_redirects = 5;
};

// True for text starting "http://" or "https://" (case-insensitive): a URL, not a folder.
bool is_url(std::string_view text);

// A deployed static site under a base URL, read file by file.
class RemoteSite {
 public:
  // base_url: https://host[:port][/path/]; a missing trailing slash is added. http:// is
  // allowed only for 127.0.0.1, localhost and [::1] (tests and previews). Refused, with a
  // message naming the URL and what to do: other schemes, userinfo (user@), a query or
  // fragment, an empty host, plain http to any other host.
  static Result<RemoteSite> open(std::string_view base_url, FetchLimits limits = {});

  // GET base_url + path. `path` must pass is_safe_relative_path (bundle/bundle.h); each
  // segment is percent-encoded. std::nullopt for 404 and 410, the body for 200, an error for
  // anything else: other statuses, DNS or connect failure, timeouts, TLS failure, a body
  // over max_file_bytes or the total cap, too many redirects, or a redirect to another
  // scheme, host or port. Same-origin redirects are followed. Each error message starts
  // with the full URL requested.
  Result<std::optional<std::string>> get(std::string_view path);

  const std::string& base_url() const { return base_url_; }
  size_t bytes_fetched() const { return bytes_fetched_; }

  RemoteSite(RemoteSite&&) noexcept;
  RemoteSite& operator=(RemoteSite&&) noexcept;
  ~RemoteSite();

 private:
  RemoteSite(std::string base_url, FetchLimits limits,
             std::unique_ptr<fetch_internal::Connection> connection);

  std::string base_url_;
  FetchLimits limits_;
  std::unique_ptr<fetch_internal::Connection> connection_;
  size_t bytes_fetched_ = 0;
};

}  // namespace trustpage
