// release.json: what a signed bundle is. Sequence numbers only go up and each release names
// the SHA-256 of the previous release's manifest, so releases form a hash chain.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

inline constexpr std::string_view kReleasePath = "release.json";

struct ReleaseRecord {
  int sequence = 1;
  std::string previous_manifest_sha256;  // "" for the first release
  std::string commit;
  std::string date;     // the commit's date and time, ISO 8601 with its offset
  std::string expires;  // ISO date after which verifiers call the release expired
  std::string site;     // base_url
  std::string fingerprint;

  std::string to_json() const;  // stable key order, ends with a newline
  static Result<ReleaseRecord> parse(std::string_view json);

  // What the minisign trusted comment carries, so `minisign -V` shows it too.
  std::string trusted_comment() const;
};

// The ISO date `days` after `time` (UTC).
std::string iso_date_after(std::int64_t time, int days);

}  // namespace trustpage
