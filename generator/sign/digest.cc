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

struct StreamingDigest::Impl {
  DigestHandle md;
  DigestContextHandle ctx;
  bool failed = false;
};

StreamingDigest::StreamingDigest(DigestName name) : impl_(std::make_unique<Impl>()) {
  impl_->md.reset(EVP_MD_fetch(nullptr, openssl_name(name), nullptr));
  impl_->ctx.reset(EVP_MD_CTX_new());
  impl_->failed = !impl_->md || !impl_->ctx ||
                  EVP_DigestInit_ex(impl_->ctx.get(), impl_->md.get(), nullptr) != 1;
}

StreamingDigest::~StreamingDigest() = default;

void StreamingDigest::update(std::string_view data) {
  if (!impl_->failed) {
    impl_->failed = EVP_DigestUpdate(impl_->ctx.get(), data.data(), data.size()) != 1;
  }
}

std::optional<std::string> StreamingDigest::finish() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (impl_->failed || EVP_DigestFinal_ex(impl_->ctx.get(), out, &size) != 1) {
    forget_openssl_errors();
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

std::optional<std::string> digest(DigestName name, std::string_view data) {
  StreamingDigest d(name);
  d.update(data);
  return d.finish();
}

}  // namespace trustpage::sign_internal
