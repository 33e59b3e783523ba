#include "sign/release.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace trustpage {

std::string ReleaseRecord::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "trustpage-release-1";
  j["sequence"] = sequence;
  if (previous_manifest_sha256.empty()) {
    j["previous_manifest_sha256"] = nullptr;
  } else {
    j["previous_manifest_sha256"] = previous_manifest_sha256;
  }
  j["commit"] = commit;
  j["date"] = date;
  j["expires"] = expires;
  j["site"] = site;
  j["key_fingerprint"] = fingerprint;
  return j.dump(2) + "\n";
}

Result<ReleaseRecord> ReleaseRecord::parse(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const Location where{std::string(kReleasePath)};
  if (j.is_discarded() || !j.is_object()) return Status::Error(where, "is not valid JSON");
  if (j.value("format", "") != "trustpage-release-1") {
    return Status::Error(where, "is not a trustpage release record (format)");
  }
  ReleaseRecord r;
  auto text_field = [&](const char* key, std::string& out) {
    if (!j.contains(key) || !j[key].is_string()) return false;
    out = j[key].get<std::string>();
    return true;
  };
  if (!j.contains("sequence") || !j["sequence"].is_number_integer() ||
      j["sequence"].get<long long>() < 1 || j["sequence"].get<long long>() > 1'000'000'000) {
    return Status::Error(where, "has no valid \"sequence\"");
  }
  r.sequence = j["sequence"].get<int>();
  if (j.contains("previous_manifest_sha256") && j["previous_manifest_sha256"].is_string()) {
    r.previous_manifest_sha256 = j["previous_manifest_sha256"].get<std::string>();
  }
  if (!text_field("commit", r.commit) || !text_field("date", r.date) ||
      !text_field("expires", r.expires) || !text_field("site", r.site) ||
      !text_field("key_fingerprint", r.fingerprint)) {
    return Status::Error(where, "lacks one of commit, date, expires, site, key_fingerprint");
  }
  return r;
}

std::string ReleaseRecord::trusted_comment() const {
  return "trustpage release " + std::to_string(sequence) + " commit " + commit + " expires " +
         expires;
}

std::string iso_date_after(std::int64_t time, int days) {
  std::time_t t = static_cast<std::time_t>(time + days * 86400LL);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace trustpage
