#include "sign/verify.h"

#include "sign/envelopes.h"
#include "sign/manifest.h"
#include "sign/sign_bundle.h"

namespace trustpage {
namespace {

const std::string* find(const ReleaseFiles& files, const std::string& path) {
  auto it = files.find(path);
  return it == files.end() ? nullptr : &it->second;
}

std::string release_dir(int sequence) { return "archive/" + std::to_string(sequence) + "/"; }

// One release of the chain: the current one (at the top of the site) or an archived one.
struct Release {
  std::string dir;  // "" or "archive/N/"
  const std::string* manifest = nullptr;
  const std::string* minisig = nullptr;
  const std::string* sshsig = nullptr;
  const std::string* rotation = nullptr;
  const std::string* record_json = nullptr;
  std::optional<ReleaseRecord> record;
  std::map<std::string, std::string> listed;  // its manifest: path -> digest
};

class Verifier {
 public:
  Verifier(const ReleaseFiles& files, const BundleListing* bundle, const VerifyOptions& options)
      : files_(files), bundle_(bundle), options_(options) {}

  VerifyReport run() {
    if (!options_.anchor) {
      problem("no trust anchor: pass the vendor's key (--key) or its fingerprint "
              "(--fingerprint SHA256:…) as you received it from the vendor, not from this site");
      return std::move(report_);
    }
    Release current = load("");
    if (!current.record) return std::move(report_);
    report_.release = *current.record;
    report_.manifest_sha256 = sha256_hex(*current.manifest);
    std::map<int, Release> chain = load_archive(current);
    if (report_.problems.empty()) {
      chain[current.record->sequence] = std::move(current);
      check_signatures(chain);
      check_links(chain);
      check_expiry(report_.release);
      if (bundle_) check_bundle(chain.rbegin()->second.listed);
    } else if (bundle_) {
      check_bundle(current.listed);  // every file that is wrong, not only the first
    }
    report_.verified = report_.problems.empty();
    return std::move(report_);
  }

 private:
  void problem(std::string text) { report_.problems.push_back(std::move(text)); }
  void passed(std::string text) { report_.passed.push_back(std::move(text)); }

  // A release's files and parsed record; problems name what is missing or malformed.
  Release load(const std::string& dir) {
    Release r;
    r.dir = dir;
    auto need = [&](std::string_view name) {
      const std::string* bytes = find(files_, dir + std::string(name));
      if (!bytes) {
        problem(dir + std::string(name) + ": missing — " +
                (dir.empty() ? "this is not a complete signed release"
                             : "the archived release is incomplete"));
      }
      return bytes;
    };
    r.manifest = need(kManifestPath);
    r.minisig = need(kMinisignPath);
    r.sshsig = need(kSshsigPath);
    r.record_json = need(kReleasePath);
    r.rotation = find(files_, dir + std::string(kRotationSigPath));
    if (!r.manifest || !r.minisig || !r.sshsig || !r.record_json) return r;
    Result<std::map<std::string, std::string>> listed = parse_manifest(*r.manifest);
    if (!listed.ok()) {
      problem(dir + listed.status().to_string());
      return r;
    }
    r.listed = std::move(*listed);
    // Each release's manifest vouches for its own release.json.
    auto own = r.listed.find(std::string(kReleasePath));
    if (own == r.listed.end()) {
      problem(dir + "release.json: not listed in " + dir + "SHA256SUMS");
    } else if (sha256_hex(*r.record_json) != own->second) {
      problem(dir + "release.json: content differs from " + dir +
              "SHA256SUMS (altered after signing)");
    }
    Result<ReleaseRecord> record = ReleaseRecord::parse(*r.record_json, dir + "release.json");
    if (!record.ok()) {
      problem(record.status().to_string());
      return r;
    }
    r.record = std::move(*record);
    return r;
  }

  // Every archived release the current manifest lists: the current SHA256SUMS vouches for
  // archive/N/SHA256SUMS, which vouches for archive/N/release.json (load).
  std::map<int, Release> load_archive(const Release& current) {
    std::map<int, Release> chain;
    for (const auto& [path, bytes] : files_) {
      if (!path.starts_with("archive/")) continue;
      int n = archived_release(path);
      if (n == 0) {
        problem(path + ": not archive/<release number>/<release file>");
        continue;
      }
      auto listed = current.listed.find(path);
      if (listed == current.listed.end()) {
        problem(path + ": not listed in SHA256SUMS (added after signing)");
      } else if (sha256_hex(bytes) != listed->second) {
        problem(path + ": content differs from SHA256SUMS (altered after signing)");
      }
      if (n >= current.record->sequence) {
        problem(path + ": archived release " + std::to_string(n) +
                " is not older than the current release " +
                std::to_string(current.record->sequence));
      } else if (!chain.count(n)) {
        chain[n] = load(release_dir(n));
      }
    }
    for (auto& [n, release] : chain) {
      if (!release.record) continue;
      if (release.record->sequence != n) {
        problem(release.dir + "release.json: says release " +
                std::to_string(release.record->sequence) + ", but sits under " + release.dir);
      }
    }
    for (int n = 1; n < current.record->sequence; ++n) {
      if (!chain.count(n)) {
        problem(release_dir(n) + ": missing — release " + std::to_string(n) +
                " of the chain is not archived");
        break;
      }
    }
    return chain;
  }

  // Each release is signed by the key its record names; a key changes only where the record
  // names the key it rotates from and that key signed it too. The anchor must be one of the
  // chain's keys, so the current key is the anchor or one it rotated to.
  void check_signatures(std::map<int, Release>& chain) {
    const TrustAnchor& anchor = *options_.anchor;
    bool anchored = false;
    std::string previous_key;
    for (auto& [n, release] : chain) {
      if (!release.record) continue;
      const ReleaseRecord& record = *release.record;
      const std::string& where = release.dir;
      Result<PublicKey> signer =
          sshsig_verify(*release.manifest, *release.sshsig, std::string(kSshNamespace));
      if (!signer.ok()) {
        problem(where + std::string(kSshsigPath) + ": " + signer.status().message());
        continue;
      }
      if (signer->fingerprint() != record.fingerprint) {
        problem(where + std::string(kSshsigPath) + ": signed by " + signer->fingerprint() +
                ", but " + where + "release.json names " + record.fingerprint);
        continue;
      }
      Result<MinisignSignature> m = minisign_verify(*signer, *release.manifest, *release.minisig);
      if (!m.ok()) {
        problem(where + std::string(kMinisignPath) + ": " + m.status().message());
      } else if (m->trusted_comment != record.trusted_comment()) {
        problem(where + "release.json: does not match the signed trusted comment \"" +
                m->trusted_comment + "\"");
      }
      if (!record.rotated_from.empty()) {
        check_rotation(release, previous_key);
      } else if (!previous_key.empty() && previous_key != record.fingerprint) {
        problem(where + "release.json: release " + std::to_string(n) + " is signed by " +
                record.fingerprint + ", but release " + std::to_string(n - 1) + " by " +
                previous_key + ", with no rotation signed by the old key (a fork)");
      }
      bool is_anchor = record.fingerprint == anchor.fingerprint &&
                       (!anchor.key || *anchor.key == *signer);
      if (is_anchor || (!record.rotated_from.empty() && record.rotated_from == anchor.fingerprint)) {
        anchored = true;
      }
      previous_key = record.fingerprint;
      if (release.dir.empty()) report_.fingerprint = record.fingerprint;
    }
    if (!report_.problems.empty()) return;
    if (!anchored) {
      problem("signed by another key: " + report_.fingerprint + ", not the key you trust (" +
              anchor.fingerprint + ") nor a key it rotated to — these files are not from the "
              "vendor, or ask the vendor how its key changed");
      return;
    }
    passed("minisign and SSHSIG signatures of SHA256SUMS by " + report_.fingerprint +
           (report_.fingerprint == anchor.fingerprint ? " (the key you trust)"
                                                      : " (rotated from the key you trust)") +
           " — trusted comment: " + chain.rbegin()->second.record->trusted_comment());
  }

  void check_rotation(const Release& release, const std::string& previous_key) {
    const ReleaseRecord& record = *release.record;
    const std::string file = release.dir + std::string(kRotationSigPath);
    if (!previous_key.empty() && previous_key != record.rotated_from) {
      problem(release.dir + "release.json: rotates from " + record.rotated_from +
              ", but the release before was signed by " + previous_key);
      return;
    }
    if (!release.rotation) {
      problem(file + ": missing — release " + std::to_string(record.sequence) +
              " changes the key, but the old key did not sign it");
      return;
    }
    Result<PublicKey> old_key =
        sshsig_verify(*release.manifest, *release.rotation, std::string(kSshNamespace));
    if (!old_key.ok()) {
      problem(file + ": " + old_key.status().message());
    } else if (old_key->fingerprint() != record.rotated_from) {
      problem(file + ": signed by " + old_key->fingerprint() + ", not by the key it rotates from (" +
              record.rotated_from + ")");
    } else {
      passed("release " + std::to_string(record.sequence) + " rotates the key from " +
             record.rotated_from + " to " + record.fingerprint + ", signed by both");
    }
  }

  // Each release names the SHA-256 of the manifest of the release before it.
  void check_links(const std::map<int, Release>& chain) {
    const std::string* before = nullptr;
    int count = 0;
    for (const auto& [n, release] : chain) {
      if (!release.record) continue;
      ++count;
      if (before && release.record->previous_manifest_sha256 != sha256_hex(*before)) {
        problem(release.dir + "release.json: previous_manifest_sha256 does not match " +
                release_dir(n - 1) + "SHA256SUMS (broken chain)");
      }
      before = release.manifest;
    }
    if (count > 1) passed("chain of " + std::to_string(count) + " releases intact");
  }

  void check_expiry(const ReleaseRecord& record) {
    // Both are checked YYYY-MM-DD dates, so they order as strings do.
    if (!options_.today.empty() && record.expires < options_.today) {
      problem("release " + std::to_string(record.sequence) + " expired on " + record.expires +
              " — ask the vendor for the current release");
    } else {
      passed("release " + std::to_string(record.sequence) + " valid until " + record.expires);
    }
  }

  void check_bundle(const std::map<std::string, std::string>& listed) {
    size_t before = report_.problems.size();
    for (const auto& [path, digest] : listed) {
      auto found = bundle_->find(path);
      if (found == bundle_->end()) {
        problem(path + ": listed in SHA256SUMS but missing");
      } else if (!found->second.problem.empty()) {
        problem(path + ": " + found->second.problem);
      } else if (found->second.sha256 != digest) {
        problem(path + ": content differs from SHA256SUMS (altered after signing)");
      }
    }
    for (const auto& [path, found] : *bundle_) {
      if (listed.count(path)) continue;
      if (!is_signature_file(path)) {
        problem(path + ": not listed in SHA256SUMS (added after signing)" +
                (found.problem.empty() ? "" : "; it " + found.problem));
      } else if (!found.problem.empty()) {
        problem(path + ": " + found.problem);
      }
    }
    if (report_.problems.size() == before) {
      passed(std::to_string(listed.size()) + " files match SHA256SUMS, none missing or added");
    }
  }

  const ReleaseFiles& files_;
  const BundleListing* bundle_;
  const VerifyOptions& options_;
  VerifyReport report_;
};

}  // namespace

VerifyReport verify_release(const ReleaseFiles& release, const BundleListing* bundle,
                            const VerifyOptions& options) {
  return Verifier(release, bundle, options).run();
}

FileVerdict identify_file(const ReleaseFiles& files, const VerifyReport& verified,
                          const std::string& sha256) {
  // Release k holds the files its manifest lists outside archive/, and its own manifest and
  // signatures; the file belongs to the newest release that holds its bytes.
  std::map<int, std::string> holders;  // release -> the path it holds the bytes under
  std::map<int, std::string> dates;
  const int current = verified.release.sequence;
  for (int k = current; k >= 1; --k) {
    const std::string dir = k == current ? "" : release_dir(k);
    const std::string* manifest = find(files, dir + std::string(kManifestPath));
    const std::string* record_json = find(files, dir + std::string(kReleasePath));
    if (!manifest || !record_json) continue;
    Result<ReleaseRecord> record = ReleaseRecord::parse(*record_json, dir + "release.json");
    dates[k] = record.ok() ? record->date : "";
    if (holders.count(k)) continue;
    for (std::string_view name : {kManifestPath, kMinisignPath, kSshsigPath, kRotationSigPath}) {
      const std::string* bytes = find(files, dir + std::string(name));
      if (bytes && sha256_hex(*bytes) == sha256) holders[k] = std::string(name);
    }
    Result<std::map<std::string, std::string>> listed = parse_manifest(*manifest);
    if (!listed.ok() || holders.count(k)) continue;
    for (const auto& [path, digest] : *listed) {
      if (digest != sha256) continue;
      if (!path.starts_with("archive/")) {
        holders[k] = path;
        break;
      }
      // An earlier release's own file, carried forward in this one's archive.
      int owner = archived_release(path);
      if (owner > 0 && !holders.count(owner)) {
        holders[owner] = path.substr(release_dir(owner).size());
      }
    }
  }
  FileVerdict verdict;
  if (holders.empty()) return verdict;
  auto newest = holders.rbegin();
  verdict.release = newest->first;
  verdict.path = newest->second;
  verdict.date = dates[newest->first];
  if (newest->first == current) {
    verdict.kind = FileVerdict::Kind::kCurrent;
    return verdict;
  }
  verdict.kind = FileVerdict::Kind::kSuperseded;
  verdict.superseded_by = newest->first + 1;
  verdict.superseded_on = dates[newest->first + 1];
  return verdict;
}

}  // namespace trustpage
