#include "sign/sign_bundle.h"

#include "common/local_time.h"
#include "sign/envelopes.h"
#include "sign/manifest.h"
#include "sign/release.h"

namespace trustpage {

bool is_release_file(std::string_view path) {
  return is_signature_file(path) || path == kReleasePath || path.starts_with("archive/");
}

namespace {

struct Chain {
  int sequence = 1;
  std::string previous_digest;
  std::map<std::string, std::string> archive;  // path -> bytes to carry forward
};

Result<Chain> continue_chain(const SignOptions& options) {
  Chain chain;
  const auto& prev = options.previous;
  auto release = prev.find(std::string(kReleasePath));
  if (release == prev.end()) return chain;  // the first release

  auto manifest = prev.find(std::string(kManifestPath));
  auto minisig = prev.find(std::string(kMinisignPath));
  auto sshsig = prev.find(std::string(kSshsigPath));
  if (manifest == prev.end() || minisig == prev.end() || sshsig == prev.end()) {
    return Status::Error(
        "the previous release has release.json but not SHA256SUMS and both "
        "signatures — pass the complete deployed site with --previous");
  }
  // Continue only a chain this key made: anything else would vouch for unknown files.
  Result<MinisignSignature> checked =
      minisign_verify(options.key->public_key(), manifest->second, minisig->second);
  if (!checked.ok()) {
    return Status::Error("the previous release does not verify with this key (" +
                         checked.status().message() +
                         ") — sign with the key that published it, or start a new site");
  }
  Result<ReleaseRecord> record = ReleaseRecord::parse(release->second);
  if (!record.ok()) return Status::Error("previous " + record.status().to_string());
  for (const auto& [path, bytes] : prev) {
    if (path.starts_with("archive/")) chain.archive.emplace(path, bytes);
  }
  if (record->commit == options.provenance.commit) {
    // The same commit again is the same release: identical bytes, no new sequence number.
    chain.sequence = record->sequence;
    chain.previous_digest = record->previous_manifest_sha256;
    return chain;
  }
  chain.sequence = record->sequence + 1;
  chain.previous_digest = sha256_hex(manifest->second);
  const std::string dir = "archive/" + std::to_string(record->sequence) + "/";
  for (std::string_view name : {kManifestPath, kMinisignPath, kSshsigPath, kReleasePath}) {
    chain.archive[dir + std::string(name)] = prev.at(std::string(name));
  }
  return chain;
}

}  // namespace

Status sign_bundle(Bundle& bundle, const SignOptions& options) {
  if (options.key == nullptr) return Status::Error("no signing key");
  if (options.provenance.commit.empty()) {
    return Status::Error(
        "only a commit can be signed: commit content/ and build without "
        "--worktree");
  }
  Result<Chain> chain = continue_chain(options);
  if (!chain.ok()) return chain.status();
  for (const auto& [path, bytes] : chain->archive) {
    if (Status s = bundle.add(path, bytes); !s.ok()) return s;
  }

  ReleaseRecord release;
  release.sequence = chain->sequence;
  release.previous_manifest_sha256 = chain->previous_digest;
  release.commit = options.provenance.commit;
  release.date = iso_datetime(options.provenance.time, options.provenance.offset_minutes);
  release.expires = iso_date_after(options.provenance.time, options.expiry_days);
  release.site = options.site_url;
  release.fingerprint = options.key->public_key().fingerprint();
  if (Status s = bundle.add(std::string(kReleasePath), release.to_json()); !s.ok()) return s;

  std::string manifest = make_manifest(bundle);
  Result<std::string> minisig = minisign_sign(
      *options.key, manifest, "trustpage release signature, key " + release.fingerprint,
      release.trusted_comment());
  if (!minisig.ok()) return minisig.status();
  Result<std::string> sshsig = sshsig_sign(*options.key, manifest, std::string(kSshNamespace));
  if (!sshsig.ok()) return sshsig.status();
  if (Status s = bundle.add(std::string(kManifestPath), std::move(manifest)); !s.ok()) return s;
  if (Status s = bundle.add(std::string(kMinisignPath), std::move(*minisig)); !s.ok()) return s;
  return bundle.add(std::string(kSshsigPath), std::move(*sshsig));
}

}  // namespace trustpage
