#pragma once

#include <optional>
#include <string>

#include "publish/publish.h"

namespace trustpage {

extern const char* const kVersion;

struct BuildCommand {
  BuildOptions options;
  std::optional<std::string> theme_dir;
  std::optional<int> stale_after_months;
  bool quiet = false;   // errors only
  bool strict = false;  // check: warnings fail too

  BuildOptions resolved() const;
};

struct ServeCommand {
  BuildCommand build;
  int port = 8080;
};

int run_build(const BuildCommand& command);
int run_check(const BuildCommand& command);
int run_serve(const ServeCommand& command);

// Prints diagnostics (or only the errors) to stderr; returns the number of errors.
size_t report(const Diagnostics& diagnostics, bool errors_only = false);

}  // namespace trustpage
