// The sign stage: adds release.json, carries earlier releases forward under archive/,
// writes the SHA256SUMS manifest and signs it twice (minisign and SSHSIG).
#pragma once

#include <map>
#include <string>

#include "bundle/bundle.h"
#include "common/status.h"
#include "sign/keys.h"
#include "source/source.h"

namespace trustpage {

inline constexpr std::string_view kSshNamespace = "trustpage";

struct SignOptions {
  const SigningKey* key = nullptr;
  Provenance provenance;  // the commit being published: sequence, dates
  std::string site_url;
  int expiry_days = 180;
  // The release deployed now (release.json, SHA256SUMS, its signatures, archive/...), or
  // empty for the first release.
  std::map<std::string, std::string> previous;
};

// Signs `bundle` in place. Fails if the previous release was signed by another key or its
// files are inconsistent, naming what is wrong.
Status sign_bundle(Bundle& bundle, const SignOptions& options);

// Which files of a deployed bundle sign_bundle needs as `previous`.
bool is_release_file(std::string_view path);

}  // namespace trustpage
