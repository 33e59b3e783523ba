// The release chain in memory: plan_release and sign_bundle make releases as `build --sign`
// does, verify_release checks them as a customer does — including releases an attacker
// with another key, or a vendor's stolen old key, could make.
#include <catch2/catch.hpp>

#include "sign/manifest.h"
#include "sign/release_files.h"
#include "sign/sign_bundle.h"
#include "sign/state.h"
#include "sign/verify.h"

namespace trustpage {
namespace {

SigningKey new_key() { return std::move(SigningKey::generate()).value(); }

Provenance commit(int n) {
  Provenance p;
  p.commit = std::string(39, 'a') + static_cast<char>('0' + n);
  p.time = 1'790'000'000 + n * 86'400;
  p.offset_minutes = 540;
  return p;
}

ReleaseFiles release_files_of(const Bundle& bundle) {
  ReleaseFiles files;
  for (const auto& [path, bytes] : bundle.files()) {
    if (is_release_file_name(path) || archived_release(path) > 0) files.emplace(path, bytes);
  }
  return files;
}

struct Published {
  Bundle bundle;
  ReleaseFiles release;
};

// Release `n` of a one-page site whose page says `page`, continuing `previous`.
Result<Published> publish(int n, const std::string& page, const SigningKey& key,
                          const ReleaseFiles& previous, const SigningKey* rotate_from = nullptr) {
  ChainOptions chain;
  chain.key = &key;
  chain.rotate_from = rotate_from;
  chain.provenance = commit(n);
  chain.site_url = "https://trust.example.com/";
  chain.previous = previous;
  chain.previous_origin = "https://trust.example.com/";
  chain.first_release = previous.empty();
  Result<ReleasePlan> plan = plan_release(chain);
  if (!plan.ok()) return plan.status();
  Published out;
  REQUIRE(out.bundle.add("index.html", page).ok());
  REQUIRE(out.bundle.add("sheet.pdf", "%PDF " + page).ok());
  Status s = sign_bundle(out.bundle, *plan, key, rotate_from, {"sheet.pdf"});
  if (!s.ok()) return s;
  out.release = release_files_of(out.bundle);
  return out;
}

VerifyReport verify(const ReleaseFiles& files, const std::string& fingerprint) {
  VerifyOptions options;
  options.anchor = TrustAnchor{fingerprint, std::nullopt};
  return verify_release(files, nullptr, options);
}

bool mentions(const VerifyReport& report, const std::string& text) {
  for (const std::string& p : report.problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a chain starts only when asked and continues only the deployed release") {
  SigningKey key = new_key();
  ChainOptions chain;
  chain.key = &key;
  chain.provenance = commit(1);
  chain.previous_origin = "public";
  Result<ReleasePlan> refused = plan_release(chain);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Catch::Contains("--first-release"));

  Published r1 = std::move(publish(1, "one", key, {})).value();
  chain.previous = r1.release;
  chain.first_release = true;
  chain.provenance = commit(2);
  Result<ReleasePlan> restart = plan_release(chain);
  REQUIRE_FALSE(restart.ok());
  CHECK_THAT(restart.status().message(), Catch::Contains("holds release 1"));

  Published r2 = std::move(publish(2, "two", key, r1.release)).value();
  Result<ReleaseRecord> record = ReleaseRecord::parse(r2.release.at("release.json"));
  REQUIRE(record.ok());
  CHECK(record->sequence == 2);
  CHECK(record->previous_manifest_sha256 == sha256_hex(r1.release.at("SHA256SUMS")));
  CHECK(r2.release.at("archive/1/SHA256SUMS") == r1.release.at("SHA256SUMS"));
  CHECK(r2.bundle.contains("sheet.pdf.minisig"));

  VerifyReport report = verify(r2.release, key.public_key().fingerprint());
  INFO(report.problems.size());
  CHECK(report.verified);
  CHECK(report.release.sequence == 2);
}

TEST_CASE("nothing verifies without an anchor or with another key") {
  SigningKey vendor = new_key(), attacker = new_key();
  Published genuine = std::move(publish(1, "one", vendor, {})).value();
  Published forged = std::move(publish(1, "forged", attacker, {})).value();
  VerifyReport none = verify_release(genuine.release, nullptr, VerifyOptions{});
  CHECK_FALSE(none.verified);
  CHECK(mentions(none, "no trust anchor"));
  VerifyReport other = verify(forged.release, vendor.public_key().fingerprint());
  CHECK_FALSE(other.verified);
  CHECK(mentions(other, "signed by another key"));
  // The build refuses to continue a chain its key did not make.
  Result<Published> hijack = publish(2, "two", vendor, forged.release);
  REQUIRE_FALSE(hijack.ok());
  CHECK_THAT(hijack.status().message(), Catch::Contains("does not verify with this key"));
}

TEST_CASE("a key rotates inside the chain; a key change without the old key's signature is a fork") {
  SigningKey old_key = new_key(), new_key_ = new_key();
  Published r1 = std::move(publish(1, "one", old_key, {})).value();
  Published r2 = std::move(publish(2, "two", old_key, r1.release)).value();
  Result<Published> unrotated = publish(3, "three", new_key_, r2.release);
  REQUIRE_FALSE(unrotated.ok());
  CHECK_THAT(unrotated.status().message(), Catch::Contains("--rotate-from"));

  Published r3 = std::move(publish(3, "three", new_key_, r2.release, &old_key)).value();
  CHECK(r3.release.count("SHA256SUMS.rotation.sig"));
  VerifyReport pinned_old = verify(r3.release, old_key.public_key().fingerprint());
  CHECK(pinned_old.verified);
  CHECK(pinned_old.fingerprint == new_key_.public_key().fingerprint());
  CHECK(verify(r3.release, new_key_.public_key().fingerprint()).verified);
  Published r4 = std::move(publish(4, "four", new_key_, r3.release)).value();
  CHECK(verify(r4.release, old_key.public_key().fingerprint()).verified);

  // Without the old key's signature the same release is not a rotation.
  ReleaseFiles stripped = r3.release;
  stripped.erase("SHA256SUMS.rotation.sig");
  VerifyReport missing = verify(stripped, old_key.public_key().fingerprint());
  CHECK_FALSE(missing.verified);
  CHECK(mentions(missing, "the old key did not sign it"));

  // Someone holding only the new key signs a release 3 that names no rotation.
  ReleasePlan fork;
  fork.record.sequence = 3;
  fork.record.previous_manifest_sha256 = sha256_hex(r2.release.at("SHA256SUMS"));
  fork.record.commit = commit(3).commit;
  fork.record.date = "2026-09-20T09:00:00+09:00";
  fork.record.expires = "2027-03-01";
  fork.record.site = "https://trust.example.com/";
  fork.record.fingerprint = new_key_.public_key().fingerprint();
  for (const auto& [path, bytes] : r3.release) {
    if (path.starts_with("archive/")) fork.archive.emplace(path, bytes);
  }
  Bundle forked;
  REQUIRE(forked.add("index.html", "forged").ok());
  REQUIRE(sign_bundle(forked, fork, new_key_, nullptr, {}).ok());
  VerifyReport fork_report = verify(release_files_of(forked), old_key.public_key().fingerprint());
  CHECK_FALSE(fork_report.verified);
  CHECK(mentions(fork_report, "with no rotation signed by the old key (a fork)"));
}

TEST_CASE("a downloaded file is current, superseded by the next release, or unknown") {
  SigningKey key = new_key();
  Published r1 = std::move(publish(1, "one", key, {})).value();
  Published r2 = std::move(publish(2, "two", key, r1.release)).value();
  Published r3 = std::move(publish(3, "three", key, r2.release)).value();
  VerifyReport report = verify(r3.release, key.public_key().fingerprint());
  REQUIRE(report.verified);
  auto verdict = [&](const std::string& bytes) {
    return identify_file(r3.release, report, sha256_hex(bytes));
  };
  FileVerdict current = verdict(r3.bundle.files().find("sheet.pdf")->second);
  CHECK(current.kind == FileVerdict::Kind::kCurrent);
  CHECK(current.path == "sheet.pdf");
  FileVerdict old = verdict(r1.bundle.files().find("sheet.pdf")->second);
  CHECK(old.kind == FileVerdict::Kind::kSuperseded);
  CHECK(old.release == 1);
  CHECK(old.superseded_by == 2);
  FileVerdict old_manifest = verdict(r1.release.at("SHA256SUMS"));
  CHECK(old_manifest.kind == FileVerdict::Kind::kSuperseded);
  CHECK(old_manifest.path == "SHA256SUMS");
  CHECK(old_manifest.release == 1);
  FileVerdict r2_record = verdict(r2.release.at("release.json"));
  CHECK(r2_record.kind == FileVerdict::Kind::kSuperseded);
  CHECK(r2_record.release == 2);
  CHECK(verdict(r3.release.at("SHA256SUMS")).kind == FileVerdict::Kind::kCurrent);
  CHECK(verdict("%PDF altered").kind == FileVerdict::Kind::kUnknown);
}

TEST_CASE("an incomplete or reordered archive breaks the chain") {
  SigningKey key = new_key();
  Published r1 = std::move(publish(1, "one", key, {})).value();
  Published r2 = std::move(publish(2, "two", key, r1.release)).value();
  Published r3 = std::move(publish(3, "three", key, r2.release)).value();
  ReleaseFiles gap = r3.release;
  for (const char* name : {"SHA256SUMS", "SHA256SUMS.minisig", "SHA256SUMS.sig", "release.json"})
    gap.erase(std::string("archive/1/") + name);
  VerifyReport report = verify(gap, key.public_key().fingerprint());
  CHECK_FALSE(report.verified);
  CHECK(mentions(report, "release 1 of the chain is not archived"));
}

TEST_CASE("the state file moves forward only") {
  SigningKey key = new_key();
  Published r1 = std::move(publish(1, "one", key, {})).value();
  Published r2 = std::move(publish(2, "two", key, r1.release)).value();
  SeenRelease seen1 = seen_release(verify(r1.release, key.public_key().fingerprint()));
  SeenRelease seen2 = seen_release(verify(r2.release, key.public_key().fingerprint()));
  CHECK(check_forward(seen1, seen2, r2.release).ok());
  CHECK_THAT(check_forward(seen2, seen1, r1.release).message(), Catch::Contains("rollback"));
  Result<SeenRelease> parsed = SeenRelease::parse(seen2.to_json());
  REQUIRE(parsed.ok());
  CHECK(parsed->manifest_sha256 == seen2.manifest_sha256);
  for (const char* bad : {"", "[]", R"({"format":"trustpage-seen-1","sequence":"2"})",
                          R"({"format":1,"sequence":2,"site":"x","key_fingerprint":"x",)"
                          R"("manifest_sha256":"x"})"}) {
    CHECK_FALSE(SeenRelease::parse(bad).ok());
  }
}

TEST_CASE("archive paths are archive/<canonical number>/<release file>") {
  CHECK(archived_release("archive/1/SHA256SUMS") == 1);
  CHECK(archived_release("archive/12/release.json") == 12);
  CHECK(archived_release("archive/3/SHA256SUMS.rotation.sig") == 3);
  for (const char* bad : {"archive/2x/SHA256SUMS", "archive/-1/SHA256SUMS", "archive/01/SHA256SUMS",
                          "archive/0/SHA256SUMS", "archive/1/index.html", "archive/1/",
                          "archive//SHA256SUMS", "archive/99999999999/SHA256SUMS", "SHA256SUMS"}) {
    INFO(bad);
    CHECK(archived_release(bad) == 0);
  }
}

TEST_CASE("read_release_files reads only what the manifest lists and refuses a partial release") {
  SigningKey key = new_key();
  Published r1 = std::move(publish(1, "one", key, {})).value();
  Published r2 = std::move(publish(2, "two", key, r1.release)).value();
  std::vector<std::string> asked;
  auto reader = [&](const ReleaseFiles& site) {
    return [&asked, &site](std::string_view path) -> Result<std::optional<std::string>> {
      asked.emplace_back(path);
      auto it = site.find(std::string(path));
      if (it == site.end()) return std::optional<std::string>();
      return std::optional<std::string>(it->second);
    };
  };
  ReleaseFiles served = r2.release;
  served["archive/evil.html"] = "<script>";
  served["archive/9/SHA256SUMS"] = "planted";
  Result<ReleaseFiles> read = read_release_files(reader(served), "site");
  REQUIRE(read.ok());
  CHECK(*read == r2.release);
  for (const std::string& path : asked) CHECK(path.find("evil") == std::string::npos);
  CHECK(read_release_files(reader({}), "site")->empty());
  ReleaseFiles partial = r2.release;
  partial.erase("release.json");
  Result<ReleaseFiles> broken = read_release_files(reader(partial), "site");
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.status().message(), Catch::Contains("partial release"));
}

}  // namespace trustpage
