#include "fetch/remote_site.h"

#include <chrono>
#include <exception>

#include "bundle/bundle.h"
#include "fetch/connection.h"
#include "fetch/percent_encode.h"
#include "fetch/web_url.h"

namespace trustpage {

using fetch_internal::Connection;
using fetch_internal::Response;
using fetch_internal::TransferBudget;
using fetch_internal::WebUrl;

namespace {

constexpr const char* kExample = "like https://trust.example.com/";

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Result<WebUrl> checked_base_url(const std::string& given) {
  if (!is_url(given)) {
    if (given.find("://") != std::string::npos) {
      return Status::Error(given + ": refused: only https:// sites can be read (http:// only " +
                           "for 127.0.0.1, localhost and [::1]) — give the site's address " +
                           kExample);
    }
    return Status::Error(given + ": not a URL — give the deployed site's address " + kExample);
  }
  Result<WebUrl> url = fetch_internal::parse_web_url(given);
  if (!url.ok()) {
    return Status::Error(given + ": not a valid URL (curl: " + url.status().message() +
                         ") — check for typos and a host name; spaces and other special "
                         "characters must be percent-encoded");
  }
  if (url->origin.host.empty()) {
    return Status::Error(given + ": the URL has no host name — give the site's address " +
                         kExample);
  }
  if (url->has_userinfo) {
    return Status::Error(given + ": refused: a user name or password in the URL (user@) — " +
                         "remove it; a published trust center is read without credentials");
  }
  if (url->has_query_or_fragment) {
    return Status::Error(given + ": refused: a query or fragment (?… or #…) in the URL — " +
                         "give the site's folder, " + kExample + " or https://example.com/trust/");
  }
  if (url->origin.scheme != "https" &&
      !(url->origin.scheme == "http" && url->origin.is_loopback())) {
    return Status::Error(given + ": refused: plain http:// can be altered on the way — use " +
                         "https:// (http:// is only for 127.0.0.1, localhost and [::1])");
  }
  return url;
}

}  // namespace

bool is_url(std::string_view text) {
  return starts_with_ignoring_case(text, "http://") || starts_with_ignoring_case(text, "https://");
}

RemoteSite::RemoteSite(std::string base_url, FetchLimits limits,
                       std::unique_ptr<Connection> connection)
    : base_url_(std::move(base_url)), limits_(limits), connection_(std::move(connection)) {}
RemoteSite::RemoteSite(RemoteSite&&) noexcept = default;
RemoteSite& RemoteSite::operator=(RemoteSite&&) noexcept = default;
RemoteSite::~RemoteSite() = default;

Result<RemoteSite> RemoteSite::open(std::string_view base_url, FetchLimits limits) {
  const std::string given(base_url);
  try {
    Result<WebUrl> url = checked_base_url(given);
    if (!url.ok()) return url.status();
    std::string base = url->text;
    // Without it, "https://h/trust" + "release.json" would name a sibling of the site.
    if (!base.ends_with('/')) base += '/';
    Result<std::unique_ptr<Connection>> connection = Connection::open(url->origin);
    if (!connection.ok()) return Status::Error(given + ": " + connection.status().message());
    return RemoteSite(std::move(base), limits, std::move(connection).value());
  } catch (const std::exception& e) {  // std::bad_alloc: no exception leaves the library
    return Status::Error(given + ": " + e.what());
  }
}

Result<std::optional<std::string>> RemoteSite::get(std::string_view path) {
  try {
    if (!is_safe_relative_path(path)) {
      return Status::Error(base_url_ + std::string(path) + ": refused: \"" + std::string(path) +
                           "\" is not a plain relative path (no \"..\", \".\", empty or " +
                           "absolute parts) — a release file names only files inside the site");
    }
    const std::string requested = base_url_ + fetch_internal::percent_encode_path(path);
    std::string current = requested;
    // Every message starts with what the caller asked for; a redirect's hop follows it.
    auto fail = [&](const std::string& why) {
      std::string message = requested + ": " + why;
      if (current != requested) message += " (reached by redirect: " + current + ")";
      return Status::Error(std::move(message));
    };
    if (!connection_) return fail("this RemoteSite was moved from");
    const TransferBudget budget{
        limits_.connect_timeout_seconds, limits_.transfer_timeout_seconds,
        std::chrono::steady_clock::now() + std::chrono::seconds(limits_.transfer_timeout_seconds),
        limits_.max_file_bytes, limits_.max_total_bytes};
    for (int redirects = 0;; ++redirects) {
      Result<Response> response = connection_->get(current, budget, bytes_fetched_);
      if (!response.ok()) return fail(response.status().message());
      const long status = response->status;
      if (status == 200) return std::optional<std::string>(std::move(response->body));
      if (status == 404 || status == 410) return std::optional<std::string>();
      if (!is_redirect(status)) {
        return fail("HTTP status " + std::to_string(status) +
                    " (expected 200, or 404 or 410 for a file that is not there) — check the "
                    "URL and the site's web server");
      }
      if (response->location.empty()) {
        return fail("HTTP status " + std::to_string(status) +
                    " without a usable Location header — check the site's web server");
      }
      if (redirects >= limits_.max_redirects) {
        return fail("refused: more than " + std::to_string(limits_.max_redirects) +
                    " redirects — check the site's web server for a redirect loop");
      }
      Result<WebUrl> target = fetch_internal::parse_web_url(response->location);
      if (!target.ok()) {
        return fail("refused: redirect to \"" + response->location +
                    "\", not a valid URL (curl: " + target.status().message() + ")");
      }
      // Another origin could be any host on the internet, or one behind the firewall.
      const std::string_view difference =
          fetch_internal::origin_difference(connection_->origin(), target->origin);
      if (!difference.empty()) {
        return fail("refused: redirect from " + current + " to " + target->text + " (" +
                    std::string(difference) + ") — give the address the site is served from");
      }
      current = target->text;
    }
  } catch (const std::exception& e) {  // std::bad_alloc: no exception leaves the library
    return Status::Error(base_url_ + std::string(path) + ": " + e.what());
  }
}

}  // namespace trustpage
