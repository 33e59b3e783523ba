// Where a signed build's release chain continues from: the deployed site (--previous URL,
// or --previous base_url for site.yaml's), a folder (--previous DIR), else the output
// folder. Only the release files are read; nothing else of the site is trusted or kept.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "sign/release_files.h"

namespace trustpage {

struct PreviousRelease {
  ReleaseFiles files;  // empty when the place holds no release
  std::string origin;  // the URL or folder, for messages
  // Files under the folder's archive/ that no signed manifest lists: never carried forward.
  std::vector<std::string> dropped;
};

// `previous`: --previous as given (a URL, "base_url", or a folder); none: `out_dir`.
Result<PreviousRelease> read_previous_release(const std::optional<std::string>& previous,
                                              const std::string& base_url,
                                              const std::filesystem::path& out_dir);

}  // namespace trustpage
