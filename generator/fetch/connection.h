// One libcurl handle bound to one origin and set up for strict GETs. It is kept across the
// requests of a RemoteSite so the files of a site share one TCP and TLS connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/status.h"
#include "fetch/curl_handles.h"
#include "fetch/web_url.h"

namespace trustpage::fetch_internal {

struct Response {
  long status = 0;
  std::string body;
  std::string location;  // a redirect's target, absolute as libcurl resolved it; or ""
};

// What one get() of RemoteSite may still spend, redirects included.
struct TransferBudget {
  long connect_timeout_seconds = 0;
  long transfer_timeout_seconds = 0;  // what `deadline` was set from, for messages
  std::chrono::steady_clock::time_point deadline;
  size_t max_file_bytes = 0;
  size_t max_total_bytes = 0;
};

class Connection {
 public:
  // Fails only when libcurl cannot start or lacks a required option (too old a libcurl).
  static Result<std::unique_ptr<Connection>> open(Origin origin);

  // One GET of an absolute URL; redirects are returned, not followed. `total_fetched` counts
  // every body byte received, also of responses that then fail. Messages do not repeat the URL.
  Result<Response> get(const std::string& url, const TransferBudget& budget, size_t& total_fetched);

  const Origin& origin() const { return origin_; }

 private:
  Connection(Origin origin, CurlHandle curl) : origin_(std::move(origin)), curl_(std::move(curl)) {}

  Origin origin_;
  CurlHandle curl_;
  char error_[CURL_ERROR_SIZE] = {};  // heap-held with the Connection: libcurl keeps the pointer
};

}  // namespace trustpage::fetch_internal
