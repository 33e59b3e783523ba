// `trustpage verify`: is this published site — or this one downloaded file — genuine,
// complete and current, by the key the customer trusts?
#include "sign/verify.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "common/atomic_file.h"
#include "common/local_time.h"
#include "common/printable.h"
#include "fetch/remote_site.h"
#include "sign/bundle_folder.h"
#include "sign/manifest.h"
#include "sign/state.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

constexpr int kVerified = 0, kNotVerified = 1, kCouldNotRun = 2;

// Every line this command prints goes through here: names and fields come from the bundle.
void say(std::ostream& out, std::string_view tag, const std::string& text) {
  out << tag << printable(text) << '\n';
}

std::optional<std::string> read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in) return std::nullopt;
  return bytes.str();
}

std::string today_utc() { return format_local_time(std::time(nullptr), 0, "%Y-%m-%d"); }

int not_verified(const std::string& what) {
  say(std::cout, "NOT VERIFIED: ", what);
  return kNotVerified;
}

// The release files of a site folder or URL; `listing` too for a folder checked whole.
// A site that cannot be found or reached means the check could not run (exit 2); what the
// site itself serves — a partial release, a symlink, an oversized file — fails it (exit 1).
struct Target {
  std::string name;
  ReleaseFiles files;
  std::optional<BundleListing> listing;
  std::string problem;
};

Result<Target> read_target(const std::string& where, bool whole_folder) {
  Target target;
  target.name = where;
  if (is_url(where)) {
    Result<RemoteSite> site = RemoteSite::open(where);
    if (!site.ok()) return site.status();
    target.name = site->base_url();
    Result<ReleaseFiles> files = read_release_files(
        [&site](std::string_view path) { return site->get(path); }, target.name);
    if (files.ok()) {
      target.files = std::move(*files);
    } else {
      target.problem = files.status().to_string();
    }
    return target;
  }
  std::error_code ec;
  if (!fs::is_directory(where, ec)) {
    return Status::Error(where + ": no such folder (give the site's folder or its URL)");
  }
  Result<ReleaseFiles> files = read_release_files(folder_reader(where), where);
  if (!files.ok()) {
    target.problem = files.status().to_string();
    return target;
  }
  target.files = std::move(*files);
  if (whole_folder) {
    Result<BundleListing> listing = list_bundle_folder(where);
    if (!listing.ok()) return listing.status();
    target.listing = std::move(*listing);
  }
  return target;
}

// One downloaded file against a release that verified.
int identify(const fs::path& file, const ReleaseFiles& files, const VerifyReport& report) {
  const std::string name = file.filename().string();
  Result<std::string> digest = sha256_file(file);
  if (!digest.ok()) {
    say(std::cout, "FAILED  ", file.string() + ": " + digest.status().message());
    return not_verified(file.string());
  }
  FileVerdict verdict = identify_file(files, report, *digest);
  switch (verdict.kind) {
    case FileVerdict::Kind::kCurrent:
      say(std::cout, "",
          name + ": genuine and current — " + verdict.path + " in release " +
              std::to_string(verdict.release) + " (" + verdict.date + "), valid until " +
              report.release.expires);
      return kVerified;
    case FileVerdict::Kind::kSuperseded:
      say(std::cout, "",
          name + ": genuine but superseded — " + verdict.path + " in release " +
              std::to_string(verdict.release) + " (" + verdict.date + "), replaced by release " +
              std::to_string(verdict.superseded_by) + " on " + verdict.superseded_on +
              "; the current release is " + std::to_string(report.release.sequence));
      return kNotVerified;
    case FileVerdict::Kind::kUnknown:
      break;
  }
  say(std::cout, "",
      name + ": not part of any release of this site — it was altered, or it is not from "
             "this vendor");
  return kNotVerified;
}

// --state FILE: the release must move forward from what this customer saw last time.
int record_state(const fs::path& state_file, const std::optional<SeenRelease>& before,
                 const ReleaseFiles& files, const VerifyReport& report) {
  SeenRelease now = seen_release(report);
  if (before) {
    if (Status s = check_forward(*before, now, files); !s.ok()) {
      say(std::cout, "FAILED  ", s.message());
      return not_verified(state_file.string() + " was left unchanged");
    }
  }
  // Written beside and renamed, so an interrupted run never leaves half a state file.
  if (Status s = write_file_atomically(state_file, now.to_json()); !s.ok()) {
    say(std::cerr, "error: ", s.to_string());
    return kCouldNotRun;
  }
  say(std::cout, "ok      ",
      "release " + std::to_string(now.sequence) + " is not older than any release seen before (" +
          state_file.string() + ")");
  return kVerified;
}

}  // namespace

int run_verify(const VerifyCommand& command) {
  std::optional<TrustAnchor> given;
  if (command.key_file) {
    std::optional<std::string> text = read_small_file(*command.key_file);
    Result<PublicKey> key =
        text ? PublicKey::parse(*text) : Result<PublicKey>(Status::Error("cannot read the file"));
    if (!key.ok()) {
      say(std::cerr, "error: --key ", command.key_file->string() + ": " + key.status().message());
      return kCouldNotRun;
    }
    given = TrustAnchor::of(*key);
  }
  if (command.fingerprint) {
    if (!is_fingerprint(*command.fingerprint)) {
      say(std::cerr, "error: --fingerprint ",
          *command.fingerprint + ": not a key fingerprint (SHA256: and 43 characters, as "
                                 "`ssh-keygen -l` prints it)");
      return kCouldNotRun;
    }
    given = TrustAnchor{*command.fingerprint, std::nullopt};
  }
  std::optional<SeenRelease> before;
  std::error_code ec;
  if (command.state && fs::exists(*command.state, ec)) {
    Result<SeenRelease> seen = SeenRelease::parse(read_small_file(*command.state).value_or(""));
    if (!seen.ok()) {
      say(std::cerr, "error: ", command.state->string() + " " + seen.status().message());
      return kCouldNotRun;
    }
    before = *seen;
  }

  const bool one_file = command.site || command.bundle;
  const std::string where =
      command.site ? *command.site : command.bundle ? command.bundle->string() : command.target;
  if (!given && !before) {
    say(std::cout, "FAILED  ",
        "no trust anchor: nothing inside a site can vouch for the site. Pass the vendor's key "
        "fingerprint as you received it from the vendor (contract, an email from your "
        "contact): --fingerprint SHA256:… (or --key FILE). With --state FILE it is remembered "
        "for later runs");
    return not_verified(one_file ? command.target : where);
  }
  if (one_file && !fs::exists(command.target, ec)) {
    say(std::cerr, "error: ", command.target + ": no such file");
    return kCouldNotRun;
  }
  Result<Target> target = read_target(where, !one_file);
  if (!target.ok()) {
    say(std::cerr, "", target.status().to_string());
    return kCouldNotRun;
  }
  if (!target->problem.empty()) {
    say(std::cout, "FAILED  ", target->problem);
    return not_verified(target->name);
  }
  if (target->files.empty()) {
    say(std::cout, "FAILED  ",
        target->name + ": holds no signed release (no release.json and no SHA256SUMS)");
    return not_verified(target->name);
  }
  VerifyOptions options;
  options.today = today_utc();
  // The state remembers the key seen last; a key given as well must have signed this one.
  options.anchor = before ? TrustAnchor{before->fingerprint, std::nullopt} : *given;
  VerifyReport report =
      verify_release(target->files, target->listing ? &*target->listing : nullptr, options);
  if (report.verified && before && given && report.fingerprint != given->fingerprint) {
    report.problems.push_back("signed by " + report.fingerprint + ", not by the key you gave (" +
                              given->fingerprint + ")");
    report.verified = false;
  }
  for (const std::string& line : report.passed) say(std::cout, "ok      ", line);
  if (!target->listing && !one_file) {
    say(std::cout, "note    ",
        "only the release files were read from " + target->name +
            "; mirror the site and verify the folder to check every page");
  }
  for (const std::string& line : report.problems) say(std::cout, "FAILED  ", line);
  if (!report.verified) return not_verified(target->name);
  if (command.state) {
    if (int code = record_state(*command.state, before, target->files, report); code != kVerified)
      return code;
  }
  if (one_file) return identify(command.target, target->files, report);
  say(std::cout, "verified: ",
      "release " + std::to_string(report.release.sequence) + " of " + report.release.site +
          " (commit " + report.release.commit.substr(0, 12) + ", " + report.release.date +
          "), valid until " + report.release.expires + ", key " + report.fingerprint);
  return kVerified;
}

}  // namespace trustpage
