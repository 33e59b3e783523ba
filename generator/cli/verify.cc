// `trustpage verify DIR`: is this published site genuine, complete and current?
#include "sign/verify.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "common/local_time.h"
#include "sign/state.h"
#include "source/source.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

Result<std::map<std::string, std::string>> read_bundle(const fs::path& dir) {
  Result<std::unique_ptr<Source>> source = open_worktree(dir);
  if (!source.ok()) return source.status();
  return read_tree(**source);
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in) return std::nullopt;
  return bytes.str();
}

std::string today_utc() {
  return format_local_time(std::time(nullptr), 0, "%Y-%m-%d");
}

constexpr int kVerified = 0, kNotVerified = 1, kCouldNotRun = 2;

// One downloaded file against a bundle that verified.
int identify(const fs::path& file, const std::map<std::string, std::string>& files,
             const VerifyReport& report) {
  std::optional<std::string> bytes = read_file(file);
  if (!bytes) {
    std::cerr << "error: cannot read " << file.string() << '\n';
    return kCouldNotRun;
  }
  FileVerdict verdict = identify_file(files, report, *bytes);
  const std::string name = file.filename().string();
  switch (verdict.kind) {
    case FileVerdict::Kind::kCurrent:
      std::cout << name << ": genuine and current — " << verdict.path << " in release "
                << verdict.release << " (" << verdict.date << ")\n";
      return kVerified;
    case FileVerdict::Kind::kSuperseded:
      std::cout << name << ": genuine but superseded — " << verdict.path << " in release "
                << verdict.release << " (" << verdict.date << "), replaced by release "
                << verdict.superseded_by << " on " << verdict.superseded_on << '\n';
      return kNotVerified;
    case FileVerdict::Kind::kUnknown:
      break;
  }
  std::cout << name << ": not part of any release of this site — it was altered, or it is "
            << "not from this vendor\n";
  return kNotVerified;
}

// --state FILE: the bundle must move forward from what this customer saw last time.
int check_state(const fs::path& state_file, const std::map<std::string, std::string>& files,
                const VerifyReport& report) {
  SeenRelease now = seen_release(files, report);
  std::error_code ec;
  if (fs::exists(state_file, ec)) {
    Result<SeenRelease> before = SeenRelease::parse(read_file(state_file).value_or(""));
    if (!before.ok()) {
      std::cerr << "error: " << state_file.string() << " " << before.status().message() << '\n';
      return kCouldNotRun;
    }
    if (Status s = check_forward(*before, now, files); !s.ok()) {
      std::cout << "FAILED  " << s.message() << "\nNOT VERIFIED: " << state_file.string()
                << " was left unchanged\n";
      return kNotVerified;
    }
  }
  // Written beside and renamed, so an interrupted run never leaves half a state file.
  fs::path tmp = state_file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << now.to_json();
    if (!out) {
      std::cerr << "error: cannot write " << tmp.string() << '\n';
      return kCouldNotRun;
    }
  }
  fs::rename(tmp, state_file, ec);
  if (ec) {
    std::cerr << "error: cannot write " << state_file.string() << ": " << ec.message() << '\n';
    return kCouldNotRun;
  }
  std::cout << "ok      release " << now.sequence << " is not older than any release seen before ("
            << state_file.string() << ")\n";
  return kVerified;
}

}  // namespace

int run_verify(const VerifyCommand& command) {
  VerifyOptions options;
  options.today = today_utc();
  if (command.key_file) {
    std::optional<std::string> text = read_file(*command.key_file);
    Result<PublicKey> key =
        text ? PublicKey::parse(*text) : Result<PublicKey>(Status::Error("cannot read the file"));
    if (!key.ok()) {
      std::cerr << "error: --key " << command.key_file->string() << ": " << key.status().message()
                << '\n';
      return kCouldNotRun;
    }
    options.key = *key;
  }
  options.fingerprint = command.fingerprint;

  const fs::path bundle_dir = command.bundle.value_or(command.target);
  Result<std::map<std::string, std::string>> files = read_bundle(bundle_dir);
  if (!files.ok()) {
    std::cerr << files.status().to_string() << '\n';
    return kCouldNotRun;
  }
  VerifyReport report = verify_bundle(*files, options);
  for (const std::string& line : report.passed) std::cout << "ok      " << line << '\n';
  for (const std::string& line : report.problems) std::cout << "FAILED  " << line << '\n';
  if (!report.pinned && !report.fingerprint.empty()) {
    std::cout << "note    the key is not pinned: this bundle was signed by " << report.fingerprint
              << " — compare it with the fingerprint the vendor publishes, or pass --key / "
                 "--fingerprint\n";
  }
  if (!report.verified) {
    std::cout << "NOT VERIFIED: " << bundle_dir.string() << '\n';
    return kNotVerified;
  }
  if (command.state) {
    if (int code = check_state(*command.state, *files, report); code != kVerified) return code;
  }
  if (command.bundle) return identify(command.target, *files, report);
  std::cout << "verified: release " << report.release.sequence << " of " << report.release.site
            << " (commit " << report.release.commit.substr(0, 12) << ", " << report.release.date
            << "), valid until " << report.release.expires << ", key " << report.fingerprint
            << (report.pinned ? "" : " (not pinned)") << '\n';
  return kVerified;
}

}  // namespace trustpage
