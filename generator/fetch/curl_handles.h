// Every libcurl handle the fetch code touches, owned once here so no other file frees one.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace trustpage::fetch_internal {

template <auto Free>
struct CurlFree {
  template <class T>
  void operator()(T* handle) const {
    Free(handle);
  }
};

using CurlHandle = std::unique_ptr<CURL, CurlFree<curl_easy_cleanup>>;
using CurlUrlHandle = std::unique_ptr<CURLU, CurlFree<curl_url_cleanup>>;
using CurlHeaderList = std::unique_ptr<curl_slist, CurlFree<curl_slist_free_all>>;
// Strings libcurl allocates (curl_url_get) must go back through curl_free.
using CurlString = std::unique_ptr<char, CurlFree<curl_free>>;

// curl_global_init is not safe to race with other libcurl calls, so every handle is made
// here, after the one call for the process. Null when libcurl is out of memory.
CurlHandle new_curl_handle();
CurlUrlHandle new_curl_url();

}  // namespace trustpage::fetch_internal
