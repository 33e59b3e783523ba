// Checks a published release the way a customer would: both signatures by a key the
// customer trusts (or one it rotated to), the release record, expiry, the chain of archived
// releases, and — given the files of a whole bundle — every hash, nothing missing or added.
// Nothing inside the bundle vouches for the bundle: without a trust anchor nothing verifies.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sign/keys.h"
#include "sign/release.h"
#include "sign/release_files.h"

namespace trustpage {

// The key a customer trusts, received out of band: the key itself or its fingerprint.
struct TrustAnchor {
  std::string fingerprint;  // "SHA256:…", always set
  std::optional<PublicKey> key;

  static TrustAnchor of(const PublicKey& key) { return {key.fingerprint(), key}; }
};

struct VerifyOptions {
  std::optional<TrustAnchor> anchor;  // required
  std::string today;                  // ISO date for expiry; empty: expiry not checked
};

// A file found in a bundle folder: its SHA-256, or why it cannot be one of the bundle's
// files ("is a symbolic link", "is a FIFO", "cannot be read: …").
struct FoundFile {
  std::string sha256;
  std::string problem;
};
using BundleListing = std::map<std::string, FoundFile>;

struct VerifyReport {
  bool verified = false;
  std::string fingerprint;  // of the key that signed the current release
  ReleaseRecord release;
  std::string manifest_sha256;        // of the current SHA256SUMS
  std::vector<std::string> passed;    // checks that passed, one line each
  std::vector<std::string> problems;  // what is wrong: which file, which check
};

// `release`: the site's release files (read_release_files). `bundle`: every file of a bundle
// folder, to check that the pages match too; null when only the release files were read.
VerifyReport verify_release(const ReleaseFiles& release, const BundleListing* bundle,
                            const VerifyOptions& options);

// Where a downloaded file stands, by its SHA-256, against a release that verified.
struct FileVerdict {
  enum class Kind { kCurrent, kSuperseded, kUnknown } kind = Kind::kUnknown;
  std::string path;       // as published in that release
  int release = 0;        // the newest release that holds these exact bytes
  std::string date;       // that release's date
  int superseded_by = 0;  // the release after it, when superseded
  std::string superseded_on;
};
FileVerdict identify_file(const ReleaseFiles& release, const VerifyReport& verified,
                          const std::string& sha256);

}  // namespace trustpage
