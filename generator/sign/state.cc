#include "sign/state.h"

#include <nlohmann/json.hpp>

#include "sign/manifest.h"

namespace trustpage {

std::string SeenRelease::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "trustpage-seen-1";
  j["site"] = site;
  j["key_fingerprint"] = fingerprint;
  j["sequence"] = sequence;
  j["manifest_sha256"] = manifest_sha256;
  return j.dump(2) + "\n";
}

Result<SeenRelease> SeenRelease::parse(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != "trustpage-seen-1" ||
      !j.contains("sequence") || !j["sequence"].is_number_integer() ||
      !j.contains("manifest_sha256") || !j["manifest_sha256"].is_string() ||
      !j.contains("key_fingerprint") || !j["key_fingerprint"].is_string()) {
    return Status::Error("is not a trustpage state file — delete it to start over");
  }
  SeenRelease seen;
  seen.site = j.value("site", "");
  seen.fingerprint = j["key_fingerprint"].get<std::string>();
  seen.sequence = j["sequence"].get<int>();
  seen.manifest_sha256 = j["manifest_sha256"].get<std::string>();
  return seen;
}

SeenRelease seen_release(const std::map<std::string, std::string>& files,
                         const VerifyReport& verified) {
  SeenRelease seen;
  seen.site = verified.release.site;
  seen.fingerprint = verified.fingerprint;
  seen.sequence = verified.release.sequence;
  auto manifest = files.find(std::string(kManifestPath));
  if (manifest != files.end()) seen.manifest_sha256 = sha256_hex(manifest->second);
  return seen;
}

Status check_forward(const SeenRelease& before, const SeenRelease& now,
                     const std::map<std::string, std::string>& files) {
  const std::string seen = "release " + std::to_string(before.sequence);
  if (before.fingerprint != now.fingerprint) {
    return Status::Error("signed by " + now.fingerprint + ", but " + seen +
                         " you saw before was "
                         "signed by " +
                         before.fingerprint + " — ask the vendor why the key changed");
  }
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
