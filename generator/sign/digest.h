// The three hashes the envelopes need: SHA-256 (fingerprints, key ids), SHA-512 (SSHSIG),
// BLAKE2b-512 (minisign's prehashed "ED" form).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trustpage::sign_internal {

enum class DigestName { kSha256, kSha512, kBlake2b512 };

// Raw digest bytes; nullopt only when OpenSSL lacks the algorithm (a broken install).
std::optional<std::string> digest(DigestName name, std::string_view data);

}  // namespace trustpage::sign_internal
