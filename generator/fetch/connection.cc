#include "fetch/connection.h"

#include <algorithm>
#include <exception>

#include "fetch/capped_body.h"

namespace trustpage::fetch_internal {

namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// CURLOPT_WRITEFUNCTION. Returning less than offered makes libcurl abort with
// CURLE_WRITE_ERROR, which is how a body is cut off at its cap.
size_t write_chunk(char* data, size_t size, size_t count, void* user) {
  try {
    auto* body = static_cast<CappedBody*>(user);
    const size_t n = size * count;  // size is always 1 for bodies
    return body->append(std::string_view(data, n)) ? n : 0;
  } catch (...) {  // std::bad_alloc; an exception must not cross libcurl's C frames
    return 0;
  }
}

bool is_tls_failure(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return true;
    default:
      return false;
  }
}

std::string size_limit_message(CappedBody::Overflow overflow, const TransferBudget& budget) {
  if (overflow == CappedBody::Overflow::kTotalCap) {
    return "refused: the site's files together exceed the limit of " +
           std::to_string(budget.max_total_bytes) +
           " bytes — is this the right site? A trust center's release files are small";
  }
  return "refused: the response is larger than the limit of " +
         std::to_string(budget.max_file_bytes) +
         " bytes for one file — is this the right URL? A release file is small";
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(Origin origin) {
  CurlHandle curl = new_curl_handle();
  if (!curl) return Status::Error("libcurl could not start (out of memory?)");
  CURL* c = curl.get();
  bool set = true;
  auto option = [&set](CURLcode code) { set = set && code == CURLE_OK; };
  option(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https"));
  option(curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  // Redirects are followed by RemoteSite, one at a time, after checking where they lead.
  option(curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L));
  // Signals are process-wide; timeouts must not depend on SIGALRM in a threaded program.
  option(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L));
  option(curl_easy_setopt(c, CURLOPT_USERAGENT, "trustpage"));
  // libcurl's defaults, said out loud: the system CA store, the name must match the cert.
  option(curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L));
  option(curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L));
  // CURLOPT_ACCEPT_ENCODING stays unset: bodies arrive as stored, so the size cap counts the
  // bytes we keep and a small gzip bomb cannot expand past it.
  option(curl_easy_setopt(c, CURLOPT_HTTPGET, 1L));
  option(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_chunk));
  // A proxy from http_proxy would answer for "127.0.0.1" itself; this machine is never proxied.
  if (origin.is_loopback()) option(curl_easy_setopt(c, CURLOPT_NOPROXY, "*"));
  if (!set) {
    return Status::Error("libcurl lacks an option trustpage needs (libcurl " +
                         std::string(curl_version_info(CURLVERSION_NOW)->version) +
                         "; 7.85 or newer is required)");
  }
  std::unique_ptr<Connection> connection(new Connection(std::move(origin), std::move(curl)));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, connection->error_);
  return connection;
}

Result<Response> Connection::get(const std::string& url, const TransferBudget& budget,
                                 size_t& total_fetched) {
  const std::string time_limits =
      "the limits are " + std::to_string(budget.connect_timeout_seconds) + " s to connect and " +
      std::to_string(budget.transfer_timeout_seconds) + " s per file";
  const auto left =
      std::chrono::duration_cast<milliseconds>(budget.deadline - steady_clock::now()).count();
  if (left <= 0) return Status::Error("timed out following redirects (" + time_limits + ")");

  const size_t total_room =
      budget.max_total_bytes - std::min(total_fetched, budget.max_total_bytes);
  CappedBody body(budget.max_file_bytes, total_room);
  CURL* c = curl_.get();
  error_[0] = '\0';
  bool set = true;
  auto option = [&set](CURLcode code) { set = set && code == CURLE_OK; };
  option(curl_easy_setopt(c, CURLOPT_URL, url.c_str()));
  option(curl_easy_setopt(c, CURLOPT_WRITEDATA, &body));
  option(curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(left)));
  option(curl_easy_setopt(
      c, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(std::min<long long>(left, budget.connect_timeout_seconds * 1000LL))));
  // Refuses early when Content-Length already says too much; the write callback catches
  // bodies that do not announce their length. 0 would mean "no limit", so never set it.
  const size_t announced_cap = std::min(budget.max_file_bytes, total_room);
  if (announced_cap > 0) {
    option(curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(announced_cap)));
  }
  if (!set) return Status::Error("libcurl refused the request (out of memory?)");

  const CURLcode code = curl_easy_perform(c);
  total_fetched += body.bytes().size();
  curl_easy_setopt(c, CURLOPT_WRITEDATA, nullptr);  // `body` dies here

  if (body.overflow() != CappedBody::Overflow::kNone) {
    return Status::Error(size_limit_message(body.overflow(), budget));
  }
  if (code == CURLE_FILESIZE_EXCEEDED) {
    // Content-Length passed announced_cap: say which of the two caps it was.
    const bool file_cap = budget.max_file_bytes <= total_room;
    return Status::Error(size_limit_message(
        file_cap ? CappedBody::Overflow::kFileCap : CappedBody::Overflow::kTotalCap, budget));
  }
  if (code != CURLE_OK) {
    const std::string detail =
        "(curl: " + std::string(error_[0] ? error_ : curl_easy_strerror(code)) + ")";
    switch (code) {
      case CURLE_OPERATION_TIMEDOUT:
        return Status::Error("timed out " + detail + " — is the site up? Try again later; " +
                             time_limits);
      case CURLE_COULDNT_RESOLVE_HOST:
        return Status::Error("host not found " + detail + " — check the URL's host name");
      case CURLE_COULDNT_CONNECT:
        return Status::Error("cannot connect " + detail +
                             " — check the URL and that the site is up");
      case CURLE_WRITE_ERROR:
        return Status::Error("out of memory while reading the response " + detail);
      default:
        if (is_tls_failure(code)) {
          return Status::Error("TLS failed " + detail +
                               " — the site needs a valid certificate for its host name, "
                               "issued by a CA the system trusts");
        }
        return Status::Error("transfer failed " + detail + " — try again; if it persists, " +
                             "check the site's web server");
    }
  }

  Response response;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  char* location = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
    response.location = location;  // owned by the handle, valid until the next request
  }
  response.body = std::move(body.bytes());
  return response;
}

}  // namespace trustpage::fetch_internal
