// release.json: what a signed bundle is. Sequence numbers only go up and each release names
// the SHA-256 of the previous release's manifest, so releases form a hash chain. A release
// signed by a new key names the key it rotates from, which signs it too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

inline constexpr std::string_view kReleasePath = "release.json";
inline constexpr int kMaxSequence = 1'000'000'000;

struct ReleaseRecord {
  int sequence = 1;
  std::string previous_manifest_sha256;  // "" for the first release
  std::string commit;
  std::string date;     // the commit's date and time, ISO 8601 with its offset
  std::string expires;  // ISO date after which verifiers call the release expired
  std::string site;     // base_url
  std::string fingerprint;
  std::string rotated_from;  // the previous key's fingerprint when the key changes here

  std::string to_json() const;  // stable key order, ends with a newline
  // Every field type-checked: a hostile record is an error value, never an exception.
  // `where` names the file in messages (release.json, archive/3/release.json).
  static Result<ReleaseRecord> parse(std::string_view json,
                                     std::string_view where = kReleasePath);

  // What the minisign trusted comment carries, so `minisign -V` shows it too.
  std::string trusted_comment() const;
};

// The ISO date `days` after `time` (UTC).
std::string iso_date_after(std::int64_t time, int days);

// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

// True for "SHA256:" + 43 characters of unpadded base64: how fingerprints are written.
bool is_fingerprint(std::string_view text);

}  // namespace trustpage
