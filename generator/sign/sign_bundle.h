// The sign stage. plan_release decides which release a build is — it verifies the release
// deployed now and continues its chain, or starts a chain only when asked — before any page
// is rendered, so pages can show the release. sign_bundle then carries the earlier releases
// forward under archive/<N>/, signs each download on its own, writes release.json and the
// SHA256SUMS manifest and signs it (minisign and SSHSIG, and the old key on a rotation).
#pragma once

#include <string>
#include <vector>

#include "bundle/bundle.h"
#include "common/status.h"
#include "sign/keys.h"
#include "sign/release.h"
#include "sign/release_files.h"
#include "source/source.h"

namespace trustpage {

inline constexpr std::string_view kSshNamespace = "trustpage";

struct ChainOptions {
  const SigningKey* key = nullptr;
  const SigningKey* rotate_from = nullptr;  // --rotate-from: the key of the deployed release
  Provenance provenance;                    // the commit being published: dates
  std::string site_url;
  int expiry_days = 180;
  ReleaseFiles previous;        // the deployed release's files; empty when there is none
  std::string previous_origin;  // where they came from, for messages
  bool first_release = false;   // --first-release: start a new chain
};

struct ReleasePlan {
  ReleaseRecord record;
  ReleaseFiles archive;  // earlier releases' files, carried forward as they were signed
  int extends = 0;       // the deployed release's number; 0 when this one starts a chain
  bool republished = false;  // the deployed release's commit again: the same release
};

// Fails, naming what and where, when the deployed release does not verify with the signing
// key (or the key it rotates from), when there is none and first_release is not set, or when
// there is one and it is.
Result<ReleasePlan> plan_release(const ChainOptions& options);

// Signs `bundle` in place as release `plan`. `downloads`: routes that get ROUTE.minisig.
Status sign_bundle(Bundle& bundle, const ReleasePlan& plan, const SigningKey& key,
                   const SigningKey* rotate_from, const std::vector<std::string>& downloads);

}  // namespace trustpage
