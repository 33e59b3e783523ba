#include "sign/sign_bundle.h"

#include "common/local_time.h"
#include "sign/envelopes.h"
#include "sign/manifest.h"
#include "sign/verify.h"

namespace trustpage {
namespace {

ReleaseRecord new_record(const ChainOptions& options) {
  ReleaseRecord record;
  record.commit = options.provenance.commit;
  record.date = iso_datetime(options.provenance.time, options.provenance.offset_minutes);
  record.expires = iso_date_after(options.provenance.time, options.expiry_days);
  record.site = options.site_url;
  record.fingerprint = options.key->public_key().fingerprint();
  return record;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

// A trusted comment is one line: no control character of a URL may break it.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return text;
}

}  // namespace

Result<ReleasePlan> plan_release(const ChainOptions& options) {
  if (options.key == nullptr) return Status::Error("no signing key");
  if (options.provenance.commit.empty()) {
    return Status::Error(
        "only a commit can be signed: commit content/ and build without --worktree");
  }
  ReleasePlan plan;
  plan.record = new_record(options);
  const std::string& origin = options.previous_origin;
  if (options.previous.empty()) {
    if (!options.first_release) {
      return Status::Error(
          "no release to continue: " + origin +
          " holds none. Pass --previous URL (the deployed site; --previous base_url means "
          "site.yaml's base_url) so this release extends the one customers have, or "
          "--first-release if this trust center has never been published. Nothing was written");
    }
    if (options.rotate_from) {
      return Status::Error(
          "--rotate-from needs the release signed by the old key: pass "
          "--previous URL (the deployed site)");
    }
    return plan;
  }
  auto previous_record = ReleaseRecord::parse(options.previous.at(std::string(kReleasePath)));
  if (options.first_release) {
    return Status::Error("--first-release, but " + origin + " holds release " +
                         (previous_record.ok() ? std::to_string(previous_record->sequence) : "?") +
                         ": a new chain would look like a fork to every customer who saw it. Drop "
                         "--first-release to continue the chain (or publish to a new, empty site)");
  }
  // The deployed release is verified as a customer would, pinned to the key that must have
  // signed it; its expiry does not matter (a late release is still the next one).
  const SigningKey& expected = options.rotate_from ? *options.rotate_from : *options.key;
  VerifyOptions verify;
  verify.anchor = TrustAnchor::of(expected.public_key());
  VerifyReport report = verify_release(options.previous, nullptr, verify);
  if (!report.verified) {
    return Status::Error("the deployed release in " + origin + " does not verify with " +
                         (options.rotate_from ? "the --rotate-from key " : "this key ") +
                         expected.public_key().fingerprint() + ":" + join(report.problems) +
                         "\nSign with the key that published it (or rotate with --rotate-from "
                         "OLD.key); if the site was tampered with, restore it from a build "
                         "you trust. Nothing was written");
  }
  const ReleaseRecord& previous = report.release;
  const std::string& own = plan.record.fingerprint;
  plan.extends = previous.sequence;
  for (const auto& [path, bytes] : options.previous) {
    if (path.starts_with("archive/")) plan.archive.emplace(path, bytes);
  }
  const bool same_key = report.fingerprint == own;
  if (previous.commit == options.provenance.commit && same_key &&
      (previous.rotated_from.empty() || options.rotate_from)) {
    // The same commit again is the same release: identical bytes, no new number.
    plan.record = previous;
    plan.republished = true;
    plan.extends = previous.sequence - 1;
    return plan;
  }
  if (previous.sequence >= kMaxSequence) {
    return Status::Error("the deployed release is number " + std::to_string(previous.sequence) +
                         ": the chain cannot grow further");
  }
  if (!same_key) {
    if (!options.rotate_from ||
        options.rotate_from->public_key().fingerprint() != report.fingerprint) {
      return Status::Error("the deployed release in " + origin + " is signed by " +
                           report.fingerprint + ", not by this key " + own +
                           ". To change keys, pass --rotate-from OLD.key (the key " +
                           report.fingerprint + "): the old key then signs this release too");
    }
    plan.record.rotated_from = report.fingerprint;
  }
  plan.record.sequence = previous.sequence + 1;
  plan.record.previous_manifest_sha256 = report.manifest_sha256;
  const std::string dir = "archive/" + std::to_string(previous.sequence) + "/";
  for (std::string_view name :
       {kManifestPath, kMinisignPath, kSshsigPath, kRotationSigPath, kReleasePath}) {
    auto file = options.previous.find(std::string(name));
    if (file != options.previous.end()) plan.archive[dir + std::string(name)] = file->second;
  }
  return plan;
}

Status sign_bundle(Bundle& bundle, const ReleasePlan& plan, const SigningKey& key,
                   const SigningKey* rotate_from, const std::vector<std::string>& downloads) {
  const ReleaseRecord& record = plan.record;
  if (!record.rotated_from.empty() &&
      (!rotate_from || rotate_from->public_key().fingerprint() != record.rotated_from)) {
    return Status::Error("release " + std::to_string(record.sequence) + " rotates from " +
                         record.rotated_from + ": pass that key with --rotate-from");
  }
  for (const auto& [path, bytes] : plan.archive) {
    if (Status s = bundle.add(path, bytes); !s.ok()) return s;
  }
  const std::string untrusted = "trustpage release signature, key " + record.fingerprint;
  for (const std::string& route : downloads) {
    if (!bundle.contains(route)) continue;
    Result<std::string> bytes = bundle.read(route);
    if (!bytes.ok()) return bytes.status();
    Result<std::string> minisig =
        minisign_sign(key, *bytes, untrusted,
                      one_line("trustpage file " + route + " release " +
                               std::to_string(record.sequence) + " commit " + record.commit +
                               " expires " + record.expires + " site " + record.site));
    if (!minisig.ok()) return minisig.status();
    if (Status s = bundle.add(route + ".minisig", std::move(*minisig)); !s.ok()) return s;
  }
  if (Status s = bundle.add(std::string(kReleasePath), record.to_json()); !s.ok()) return s;

  std::string manifest = make_manifest(bundle);
  Result<std::string> minisig = minisign_sign(key, manifest, untrusted, record.trusted_comment());
  if (!minisig.ok()) return minisig.status();
  Result<std::string> sshsig = sshsig_sign(key, manifest, std::string(kSshNamespace));
  if (!sshsig.ok()) return sshsig.status();
  if (!record.rotated_from.empty()) {
    Result<std::string> rotation = sshsig_sign(*rotate_from, manifest, std::string(kSshNamespace));
    if (!rotation.ok()) return rotation.status();
    if (Status s = bundle.add(std::string(kRotationSigPath), std::move(*rotation)); !s.ok()) {
      return s;
    }
  }
  if (Status s = bundle.add(std::string(kManifestPath), std::move(manifest)); !s.ok()) return s;
  if (Status s = bundle.add(std::string(kMinisignPath), std::move(*minisig)); !s.ok()) return s;
  return bundle.add(std::string(kSshsigPath), std::move(*sshsig));
}

}  // namespace trustpage
