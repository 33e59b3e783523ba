#include "sign/release_files.h"

#include "sign/manifest.h"
#include "sign/release.h"

namespace trustpage {

bool is_release_file_name(std::string_view name) {
  return name == kReleasePath || is_signature_file(name);
}

int archived_release(std::string_view path) {
  constexpr std::string_view kArchive = "archive/";
  if (!path.starts_with(kArchive)) return 0;
  path.remove_prefix(kArchive.size());
  size_t slash = path.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 10) return 0;
  std::string_view number = path.substr(0, slash);
  if (number[0] == '0' || number.find_first_not_of("0123456789") != std::string_view::npos) {
    return 0;
  }
  long long n = std::stoll(std::string(number));
  if (n > kMaxSequence || !is_release_file_name(path.substr(slash + 1))) return 0;
  return static_cast<int>(n);
}

Result<ReleaseFiles> read_release_files(const SiteFileReader& read, const std::string& origin) {
  ReleaseFiles files;
  auto fetch = [&](std::string_view path) -> Status {
    Result<std::optional<std::string>> bytes = read(path);
    if (!bytes.ok()) return bytes.status();
    if (*bytes) files.emplace(std::string(path), std::move(**bytes));
    return Status::Ok();
  };
  for (std::string_view name :
       {kReleasePath, kManifestPath, kMinisignPath, kSshsigPath, kRotationSigPath}) {
    if (Status s = fetch(name); !s.ok()) return s;
  }
  if (files.empty()) return files;
  for (std::string_view name : {kReleasePath, kManifestPath, kMinisignPath, kSshsigPath}) {
    if (!files.count(std::string(name))) {
      return Status::Error(origin + " holds a partial release: " + std::string(name) +
                           " is missing (a release needs release.json, SHA256SUMS, "
                           "SHA256SUMS.minisig and SHA256SUMS.sig)");
    }
  }
  Result<std::map<std::string, std::string>> listed =
      parse_manifest(files.at(std::string(kManifestPath)));
  if (!listed.ok()) {
    return Status::Error(origin + ": " + listed.status().to_string());
  }
  // Only what the manifest lists under archive/: a file planted there is never read.
  for (const auto& [path, digest] : *listed) {
    if (!path.starts_with("archive/")) continue;
    if (archived_release(path) == 0) {
      return Status::Error(origin + ": SHA256SUMS lists " + path +
                           ", which is not archive/<release number>/<release file>");
    }
    if (Status s = fetch(path); !s.ok()) return s;
    if (!files.count(path)) {
      return Status::Error(origin + ": " + path + " is listed in SHA256SUMS but missing");
    }
  }
  return files;
}

}  // namespace trustpage
