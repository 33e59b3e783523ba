#include "sign/digest.h"

#include "sign/openssl_handles.h"

namespace trustpage::sign_internal {

namespace {

const char* openssl_name(DigestName name) {
  switch (name) {
    case DigestName::kSha256:
      return "SHA2-256";
    case DigestName::kSha512:
      return "SHA2-512";
    case DigestName::kBlake2b512:
      return "BLAKE2B-512";
  }
  return "";
}

}  // namespace

std::optional<std::string> digest(DigestName name, std::string_view data) {
  DigestHandle md(EVP_MD_fetch(nullptr, openssl_name(name), nullptr));
  DigestContextHandle ctx(EVP_MD_CTX_new());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!md || !ctx || EVP_DigestInit_ex(ctx.get(), md.get(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out, &size) != 1) {
    forget_openssl_errors();
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

}  // namespace trustpage::sign_internal
