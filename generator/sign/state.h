// What a customer's verifier remembers between runs (`trustpage verify --state FILE`): the
// newest release it has seen, so a replayed older release (rollback) or a different release
// under a number already seen (fork) is rejected even when its signatures are valid.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"
#include "sign/verify.h"

namespace trustpage {

struct SeenRelease {
  std::string site;
  std::string fingerprint;
  int sequence = 0;
  std::string manifest_sha256;

  std::string to_json() const;
  static Result<SeenRelease> parse(std::string_view json);
};

// The release a verified bundle is, as it would be remembered.
SeenRelease seen_release(const std::map<std::string, std::string>& files,
                         const VerifyReport& verified);

// Fails when `now` does not move forward from `before` along the same chain.
Status check_forward(const SeenRelease& before, const SeenRelease& now,
                     const std::map<std::string, std::string>& files);

}  // namespace trustpage
