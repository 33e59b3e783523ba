// The three hashes the envelopes need: SHA-256 (fingerprints, key ids, manifests), SHA-512
// (SSHSIG), BLAKE2b-512 (minisign's prehashed "ED" form).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace trustpage::sign_internal {

enum class DigestName { kSha256, kSha512, kBlake2b512 };

// A digest fed in pieces, for files too large to hold in memory.
class StreamingDigest {
 public:
  explicit StreamingDigest(DigestName name);
  ~StreamingDigest();
  StreamingDigest(const StreamingDigest&) = delete;
  StreamingDigest& operator=(const StreamingDigest&) = delete;
  void update(std::string_view data);
  // Raw digest bytes; nullopt only when OpenSSL lacks the algorithm (a broken install).
  std::optional<std::string> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Raw digest bytes; nullopt only when OpenSSL lacks the algorithm (a broken install).
std::optional<std::string> digest(DigestName name, std::string_view data);

}  // namespace trustpage::sign_internal
