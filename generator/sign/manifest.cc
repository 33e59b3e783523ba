#include "sign/manifest.h"

#include "sign/digest.h"
#include "sign/regular_file.h"

namespace trustpage {

bool is_signature_file(std::string_view path) {
  return path == kManifestPath || path == kMinisignPath || path == kSshsigPath ||
         path == kRotationSigPath;
}

std::string hex_string(std::string_view raw) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  return hex_string(sign_internal::digest(sign_internal::DigestName::kSha256, bytes).value_or(""));
}

Result<std::string> sha256_file(const std::filesystem::path& path) {
  Result<RegularFile> file = RegularFile::open(path);
  if (!file.ok()) return file.status();
  return file->sha256_hex();
}

std::string make_manifest(const Bundle& bundle) {
  // Files in memory and files in the store, merged in byte order of their paths.
  std::map<std::string_view, std::string> digests;
  for (const auto& [path, bytes] : bundle.files()) digests.emplace(path, sha256_hex(bytes));
  for (const auto& [path, digest] : bundle.stored()) digests.emplace(path, digest);
  std::string out;
  for (const auto& [path, digest] : digests) {
    if (is_signature_file(path)) continue;
    out += digest + "  " + std::string(path) + "\n";
  }
  return out;
}

Result<std::map<std::string, std::string>> parse_manifest(std::string_view text) {
  std::map<std::string, std::string> out;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "the last line has no newline: the manifest is truncated");
    }
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    bool hex = line.size() > 66 &&
               line.substr(0, 64).find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!hex || line.substr(64, 2) != "  " || !is_safe_relative_path(line.substr(66))) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "not a \"<sha256>  <path>\" line");
    }
    if (!out.emplace(std::string(line.substr(66)), std::string(line.substr(0, 64))).second) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "lists " + std::string(line.substr(66)) + " twice");
    }
  }
  return out;
}

}  // namespace trustpage
