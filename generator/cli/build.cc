#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace trustpage {

const char* const kVersion = TRUSTPAGE_VERSION;

size_t report(const Diagnostics& diagnostics, bool errors_only) {
  for (const Diagnostic& d : diagnostics.list()) {
    if (errors_only && d.severity != Severity::kError) continue;
    std::cerr << d.to_string() << '\n';
  }
  return diagnostics.error_count();
}

namespace {

std::string human_size(size_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f kB", bytes / 1024.0);
  }
  return buf;
}

}  // namespace

int run_build(const BuildCommand& command) {
  auto start = std::chrono::steady_clock::now();
  const BuildOptions& options = command.options;
  BuildResult result = publish(options);
  size_t errors = report(result.diagnostics, command.quiet);
  if (errors > 0) {
    std::cerr << "build failed: " << errors << (errors == 1 ? " error" : " errors") << "; "
              << options.out_dir.string() << " was not changed\n";
    return 1;
  }
  if (!command.quiet) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    const Provenance& p = result.provenance;
    std::string from = p.commit.empty() ? "the working tree (not in git)"
                       : p.worktree     ? "the working tree at " + p.commit.substr(0, 12) +
                                          (p.dirty ? " with uncommitted changes" : "")
                                    : "commit " + p.commit.substr(0, 12);
    std::cout << "published " << result.bundle.size() << " files ("
              << human_size(result.bundle.total_bytes()) << ") from " << from << " to "
              << options.out_dir.string() << " in " << ms << " ms\n";
    if (const std::optional<SignedRelease>& r = result.release) {
      std::cout << "signed release " << r->sequence;
      if (r->republished) {
        std::cout << " again (the same commit as deployed in " << r->origin << ")";
      } else if (r->extends > 0) {
        std::cout << " (extends release " << r->extends << " from " << r->origin << ")";
      } else {
        std::cout << ", the first of a new chain (--first-release)";
      }
      std::cout << ", expires " << r->expires << ", key " << r->fingerprint;
      if (!r->rotated_from.empty()) std::cout << ", rotated from " << r->rotated_from;
      std::cout << '\n';
    }
  }
  return 0;
}

int run_check(const BuildCommand& command) {
  Diagnostics diagnostics = check(command.options);
  size_t errors = report(diagnostics, false);
  size_t warnings = diagnostics.warning_count();
  if (errors == 0 && (warnings == 0 || !command.strict)) {
    std::cout << command.options.content_dir.string() << ": ok";
    if (warnings > 0)
      std::cout << " (" << warnings << (warnings == 1 ? " warning" : " warnings") << ")";
    std::cout << '\n';
    return 0;
  }
  std::cerr << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << '\n';
  return 1;
}

}  // namespace trustpage
