#include "fetch/web_url.h"

#include <algorithm>

#include "fetch/curl_handles.h"

namespace trustpage::fetch_internal {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; });
  return text;
}

// The part, or "" when the URL has none (CURLUE_NO_HOST, CURLUE_NO_USER, ...).
std::string url_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return "";
  CurlString owned(raw);
  return owned.get();
}

bool has_url_part(CURLU* url, CURLUPart part) {
  char* raw = nullptr;
  CURLUcode code = curl_url_get(url, part, &raw, 0);
  CurlString owned(raw);
  return code == CURLUE_OK;
}

// "user@host:port" as written. libcurl forgives what we refuse: it drops an empty "user@"
// or a bare "?", and reads "https:///trust/" as the host "trust".
std::string_view written_authority(std::string_view text) {
  size_t start = text.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  size_t end = text.find_first_of("/?#", start);
  return text.substr(start, end == std::string_view::npos ? end : end - start);
}

bool has_written_host(std::string_view authority) {
  size_t at = authority.rfind('@');
  std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
  return !host.empty() && host.front() != ':';
}

}  // namespace

bool Origin::is_loopback() const {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

Result<WebUrl> parse_web_url(std::string_view text) {
  CurlUrlHandle url = new_curl_url();
  if (!url) return Status::Error("libcurl could not start (out of memory?)");
  const std::string owned(text);
  // No CURLU_GUESS_SCHEME, no CURLU_URLENCODE: a URL must be written out in full, and a
  // space or other stray character is an error rather than silently encoded.
  CURLUcode code = curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), 0);
  if (code != CURLUE_OK) return Status::Error(curl_url_strerror(code));

  WebUrl out;
  out.text = url_part(url.get(), CURLUPART_URL);
  out.origin.scheme = lower(url_part(url.get(), CURLUPART_SCHEME));
  const std::string_view authority = written_authority(text);
  if (has_written_host(authority)) out.origin.host = lower(url_part(url.get(), CURLUPART_HOST));
  out.origin.port = url_part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  out.path = url_part(url.get(), CURLUPART_PATH);
  if (out.path.empty()) out.path = "/";
  out.has_userinfo = has_url_part(url.get(), CURLUPART_USER) ||
                     has_url_part(url.get(), CURLUPART_PASSWORD) ||
                     authority.find('@') != std::string_view::npos;
  out.has_query_or_fragment = has_url_part(url.get(), CURLUPART_QUERY) ||
                              has_url_part(url.get(), CURLUPART_FRAGMENT) ||
                              text.find_first_of("?#") != std::string_view::npos;
  return out;
}

std::string_view origin_difference(const Origin& from, const Origin& to) {
  if (from.scheme != to.scheme) return "another scheme";
  if (from.host != to.host) return "another host";
  if (from.port != to.port) return "another port";
  return "";
}

}  // namespace trustpage::fetch_internal
