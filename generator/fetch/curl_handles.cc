#include "fetch/curl_handles.h"

#include <mutex>

namespace trustpage::fetch_internal {

namespace {

bool initialize_libcurl() {
  static std::once_flag once;
  static bool ready = false;
  // CURL_GLOBAL_DEFAULT sets up TLS too; never cleaned up, since another library in the
  // process may still use libcurl when our last handle goes.
  std::call_once(once, [] { ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
  return ready;
}

}  // namespace

CurlHandle new_curl_handle() {
  if (!initialize_libcurl()) return nullptr;
  return CurlHandle(curl_easy_init());
}

CurlUrlHandle new_curl_url() {
  if (!initialize_libcurl()) return nullptr;
  return CurlUrlHandle(curl_url());
}

}  // namespace trustpage::fetch_internal
