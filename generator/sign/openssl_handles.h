// Every OpenSSL handle the signing code touches, owned once here so no other file frees one.
#pragma once

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace trustpage::sign_internal {

template <auto Free>
struct OpenSslFree {
  template <class T>
  void operator()(T* handle) const {
    Free(handle);
  }
};

using PkeyHandle = std::unique_ptr<EVP_PKEY, OpenSslFree<EVP_PKEY_free>>;
using PkeyContextHandle = std::unique_ptr<EVP_PKEY_CTX, OpenSslFree<EVP_PKEY_CTX_free>>;
using DigestContextHandle = std::unique_ptr<EVP_MD_CTX, OpenSslFree<EVP_MD_CTX_free>>;
using DigestHandle = std::unique_ptr<EVP_MD, OpenSslFree<EVP_MD_free>>;
using BioHandle = std::unique_ptr<BIO, OpenSslFree<BIO_free_all>>;

// OpenSSL leaves reasons on a per-thread queue; our messages say what went wrong in the
// vendor's terms instead, so the queue is emptied whenever a call has failed.
inline void forget_openssl_errors() {
  ERR_clear_error();
}

}  // namespace trustpage::sign_internal
