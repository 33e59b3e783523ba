#include "sign/verify.h"

#include "sign/envelopes.h"
#include "sign/manifest.h"
#include "sign/sign_bundle.h"

namespace trustpage {
namespace {

const std::string* find(const std::map<std::string, std::string>& files, std::string_view path) {
  auto it = files.find(std::string(path));
  return it == files.end() ? nullptr : &it->second;
}

class Verifier {
 public:
  Verifier(const std::map<std::string, std::string>& files, const VerifyOptions& options)
      : files_(files), options_(options) {}

  VerifyReport run() {
    const std::string* manifest = require(kManifestPath);
    const std::string* minisig = require(kMinisignPath);
    const std::string* sshsig = require(kSshsigPath);
    const std::string* release = require(kReleasePath);
    if (!manifest || !minisig || !sshsig || !release) return std::move(report_);

    if (!choose_key(*sshsig)) return std::move(report_);
    check_signatures(*manifest, *minisig, *sshsig);
    check_files(*manifest);
    check_release(*release);
    check_archive();
    report_.verified = report_.problems.empty();
    return std::move(report_);
  }

 private:
  const std::string* require(std::string_view path) {
    const std::string* bytes = find(files_, path);
    if (!bytes) problem(std::string(path) + ": missing — this is not a complete signed bundle");
    return bytes;
  }
  void problem(std::string text) { report_.problems.push_back(std::move(text)); }
  void passed(std::string text) { report_.passed.push_back(std::move(text)); }

  // The key to trust: the one given, or (unpinned) the one the SSHSIG signature names.
  bool choose_key(const std::string& sshsig) {
    if (options_.key) {
      key_ = *options_.key;
      report_.pinned = true;
    } else {
      Result<PublicKey> signer =
          sshsig_verify(*find(files_, kManifestPath), sshsig, std::string(kSshNamespace));
      if (!signer.ok()) {
        problem(std::string(kSshsigPath) + ": " + signer.status().message());
        return false;
      }
      key_ = *signer;
      if (options_.fingerprint) {
        report_.pinned = true;
        if (key_.fingerprint() != *options_.fingerprint) {
          problem("signed by key " + key_.fingerprint() + ", not the expected " +
                  *options_.fingerprint);
          return false;
        }
      }
    }
    report_.fingerprint = key_.fingerprint();
    return true;
  }

  void check_signatures(const std::string& manifest, const std::string& minisig,
                        const std::string& sshsig) {
    Result<MinisignSignature> m = minisign_verify(key_, manifest, minisig);
    if (m.ok()) {
      trusted_comment_ = m->trusted_comment;
      passed("minisign signature of SHA256SUMS (trusted comment: " + m->trusted_comment + ")");
    } else {
      problem(std::string(kMinisignPath) + ": " + m.status().message());
    }
    Result<PublicKey> s = sshsig_verify(manifest, sshsig, std::string(kSshNamespace));
    if (!s.ok()) {
      problem(std::string(kSshsigPath) + ": " + s.status().message());
    } else if (!(*s == key_)) {
      problem(std::string(kSshsigPath) + ": signed by another key (" + s->fingerprint() + ")");
    } else {
      passed("SSHSIG signature of SHA256SUMS (namespace trustpage)");
    }
  }

  void check_files(const std::string& manifest) {
    Result<std::map<std::string, std::string>> listed = parse_manifest(manifest);
    if (!listed.ok()) {
      problem(listed.status().to_string());
      return;
    }
    size_t before = report_.problems.size();
    for (const auto& [path, digest] : *listed) {
      const std::string* bytes = find(files_, path);
      if (!bytes) {
        problem(path + ": listed in SHA256SUMS but missing");
      } else if (sha256_hex(*bytes) != digest) {
        problem(path + ": content differs from SHA256SUMS (altered after signing)");
      }
    }
    for (const auto& [path, bytes] : files_) {
      if (!is_signature_file(path) && !listed->count(path)) {
        problem(path + ": not listed in SHA256SUMS (added after signing)");
      }
    }
    if (report_.problems.size() == before) {
      passed(std::to_string(listed->size()) + " files match SHA256SUMS, none missing or added");
    }
  }

  void check_release(const std::string& json) {
    Result<ReleaseRecord> record = ReleaseRecord::parse(json);
    if (!record.ok()) {
      problem(record.status().to_string());
      return;
    }
    report_.release = *record;
    if (record->fingerprint != key_.fingerprint()) {
      problem("release.json: names key " + record->fingerprint + ", but " + key_.fingerprint() +
              " signed");
    }
    if (!trusted_comment_.empty() && trusted_comment_ != record->trusted_comment()) {
      problem("release.json: does not match the signed trusted comment \"" + trusted_comment_ +
              "\"");
    }
    if (!options_.today.empty() && record->expires < options_.today) {
      problem("release " + std::to_string(record->sequence) + " expired on " + record->expires +
              " — ask the vendor for the current release");
    } else {
      passed("release " + std::to_string(record->sequence) + " valid until " + record->expires);
    }
  }

  // Every archived release was signed by the same key, numbers go down, and the newest one
  // is the manifest the current release names as its predecessor.
  void check_archive() {
    std::map<int, std::string> manifests;
    for (const auto& [path, bytes] : files_) {
      if (!path.starts_with("archive/") || !path.ends_with("/SHA256SUMS")) continue;
      std::string number = path.substr(8, path.size() - 8 - 11);
      int sequence = 0;
      try {
        sequence = std::stoi(number);
      } catch (...) {
        problem(path + ": not under archive/<sequence>/");
        continue;
      }
      const std::string* minisig = find(files_, "archive/" + number + "/SHA256SUMS.minisig");
      Result<MinisignSignature> m =
          minisig ? minisign_verify(key_, bytes, *minisig)
                  : Result<MinisignSignature>(Status::Error("signature missing"));
      if (!m.ok()) {
        problem(path + ": archived release " + number +
                " does not verify: " + m.status().message());
      }
      if (sequence >= report_.release.sequence) {
        problem(path + ": archived release " + number + " is not older than the current one");
      }
      manifests[sequence] = bytes;
    }
    if (manifests.empty()) {
      if (!report_.release.previous_manifest_sha256.empty()) {
        problem("release.json: names a previous release, but archive/ does not hold it");
      }
      return;
    }
    const std::string& newest = manifests.rbegin()->second;
    if (sha256_hex(newest) != report_.release.previous_manifest_sha256) {
      problem("release.json: previous_manifest_sha256 does not match archive/" +
              std::to_string(manifests.rbegin()->first) + "/SHA256SUMS (broken chain)");
    } else {
      passed("chain of " + std::to_string(manifests.size() + 1) + " releases intact");
    }
  }

  const std::map<std::string, std::string>& files_;
  const VerifyOptions& options_;
  PublicKey key_;
  std::string trusted_comment_;
  VerifyReport report_;
};

// The path of the first manifest line whose digest is `digest`, or "".
std::string path_with_digest(const std::string& manifest, const std::string& digest) {
  Result<std::map<std::string, std::string>> listed = parse_manifest(manifest);
  if (!listed.ok()) return "";
  for (const auto& [path, hex] : *listed) {
    if (hex == digest) return path;
  }
  return "";
}

std::string release_date(const std::map<std::string, std::string>& files, const std::string& path) {
  const std::string* json = find(files, path);
  if (!json) return "";
  Result<ReleaseRecord> record = ReleaseRecord::parse(*json);
  return record.ok() ? record->date : "";
}

}  // namespace

FileVerdict identify_file(const std::map<std::string, std::string>& files,
                          const VerifyReport& verified, std::string_view file_bytes) {
  FileVerdict verdict;
  const std::string digest = sha256_hex(file_bytes);
  if (const std::string* manifest = find(files, kManifestPath)) {
    verdict.path = path_with_digest(*manifest, digest);
    if (!verdict.path.empty()) {
      verdict.kind = FileVerdict::Kind::kCurrent;
      verdict.release = verified.release.sequence;
      verdict.date = verified.release.date;
      return verdict;
    }
  }
  // Archived releases, newest first: verify_bundle checked each one's signature.
  for (int n = verified.release.sequence - 1; n >= 1; --n) {
    const std::string dir = "archive/" + std::to_string(n) + "/";
    const std::string* manifest = find(files, dir + std::string(kManifestPath));
    if (!manifest) continue;
    verdict.path = path_with_digest(*manifest, digest);
    if (verdict.path.empty()) continue;
    verdict.kind = FileVerdict::Kind::kSuperseded;
    verdict.release = n;
    verdict.date = release_date(files, dir + std::string(kReleasePath));
    verdict.superseded_by = n + 1;
    verdict.superseded_on = n + 1 == verified.release.sequence
                                ? verified.release.date
                                : release_date(files, "archive/" + std::to_string(n + 1) + "/" +
                                                          std::string(kReleasePath));
    return verdict;
  }
  return verdict;
}

VerifyReport verify_bundle(const std::map<std::string, std::string>& files,
                           const VerifyOptions& options) {
  return Verifier(files, options).run();
}

}  // namespace trustpage
