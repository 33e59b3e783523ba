#include "sign/state.h"

#include <nlohmann/json.hpp>

#include "sign/manifest.h"
#include "sign/release.h"

namespace trustpage {

std::string SeenRelease::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "trustpage-seen-1";
  j["site"] = site;
  j["key_fingerprint"] = fingerprint;
  j["sequence"] = sequence;
  j["manifest_sha256"] = manifest_sha256;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<SeenRelease> SeenRelease::parse(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  auto string_at = [&j](const char* key) -> const std::string* {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  const Status bad = Status::Error("is not a trustpage state file — delete it to start over");
  if (j.is_discarded() || !j.is_object()) return bad;
  const std::string* format = string_at("format");
  const std::string* site = string_at("site");
  const std::string* fingerprint = string_at("key_fingerprint");
  const std::string* manifest = string_at("manifest_sha256");
  auto sequence = j.find("sequence");
  if (!format || *format != "trustpage-seen-1" || !site || !fingerprint ||
      !is_fingerprint(*fingerprint) || !manifest || manifest->size() != 64 ||
      manifest->find_first_not_of("0123456789abcdef") != std::string::npos ||
      sequence == j.end() || !sequence->is_number_integer() || sequence->get<long long>() < 1 ||
      sequence->get<long long>() > kMaxSequence) {
    return bad;
  }
  SeenRelease seen;
  seen.site = *site;
  seen.fingerprint = *fingerprint;
  seen.sequence = static_cast<int>(sequence->get<long long>());
  seen.manifest_sha256 = *manifest;
  return seen;
}

SeenRelease seen_release(const VerifyReport& verified) {
  SeenRelease seen;
  seen.site = verified.release.site;
  seen.fingerprint = verified.fingerprint;
  seen.sequence = verified.release.sequence;
  seen.manifest_sha256 = verified.manifest_sha256;
  return seen;
}

Status check_forward(const SeenRelease& before, const SeenRelease& now, const ReleaseFiles& files) {
  const std::string seen = "release " + std::to_string(before.sequence);
  if (now.sequence < before.sequence) {
    return Status::Error("rollback: this is release " + std::to_string(now.sequence) +
                         ", older than " + seen + " you saw before");
  }
  if (now.sequence == before.sequence) {
    if (now.manifest_sha256 != before.manifest_sha256) {
      return Status::Error("fork: this release " + std::to_string(now.sequence) + " is not the " +
                           seen + " you saw before");
    }
    return Status::Ok();
  }
  auto archived =
      files.find("archive/" + std::to_string(before.sequence) + "/" + std::string(kManifestPath));
  if (archived == files.end() || sha256_hex(archived->second) != before.manifest_sha256) {
    return Status::Error("fork: release " + std::to_string(now.sequence) +
                         " does not descend from the " + seen + " you saw before");
  }
  return Status::Ok();
}

}  // namespace trustpage
