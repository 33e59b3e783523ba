// Checks a published bundle the way a customer would: signatures, every hash, nothing
// missing or added, the release record, expiry, and the chain of archived releases.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sign/keys.h"
#include "sign/release.h"

namespace trustpage {

struct VerifyOptions {
  std::optional<PublicKey> key;            // --key: the key to trust
  std::optional<std::string> fingerprint;  // --fingerprint: or just its fingerprint
  std::string today;                       // ISO date, for expiry
};

struct VerifyReport {
  bool verified = false;
  bool pinned = false;      // the key was given, not taken from the bundle
  std::string fingerprint;  // of the key that signed
  ReleaseRecord release;
  std::vector<std::string> passed;    // checks that passed, one line each
  std::vector<std::string> problems;  // what is wrong: which file, which check
};

// `files`: every file of the bundle directory, path -> bytes.
VerifyReport verify_bundle(const std::map<std::string, std::string>& files,
                           const VerifyOptions& options);

// Where a downloaded file stands, by its SHA-256, against a bundle that verified.
struct FileVerdict {
  enum class Kind { kCurrent, kSuperseded, kUnknown } kind = Kind::kUnknown;
  std::string path;       // as published
  int release = 0;        // the newest release that holds these exact bytes
  std::string date;       // that release's date
  int superseded_by = 0;  // the release after it, when superseded
  std::string superseded_on;
};
FileVerdict identify_file(const std::map<std::string, std::string>& files,
                          const VerifyReport& verified, std::string_view file_bytes);

}  // namespace trustpage
