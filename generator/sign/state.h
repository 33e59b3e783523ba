// What a customer's verifier remembers between runs (`trustpage verify --state FILE`): the
// newest release it has seen and the key that signed it, so a replayed older release
// (rollback) or a different release under a number already seen (fork) is rejected even
// when its signatures are valid, and the next run needs no --key: the state is the anchor.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "sign/release_files.h"
#include "sign/verify.h"

namespace trustpage {

struct SeenRelease {
  std::string site;
  std::string fingerprint;
  int sequence = 0;
  std::string manifest_sha256;

  std::string to_json() const;
  // Every field type-checked; a hostile or damaged file is an error value.
  static Result<SeenRelease> parse(std::string_view json);
};

// The release a verified bundle is, as it would be remembered.
SeenRelease seen_release(const VerifyReport& verified);

// Fails when `now` does not move forward from `before` along the same chain. The key is
// not compared here: verifying with the remembered key as the anchor already required the
// current key to be it or one it rotated to.
Status check_forward(const SeenRelease& before, const SeenRelease& now, const ReleaseFiles& files);

}  // namespace trustpage
