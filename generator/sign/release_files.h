// The release files of a published site: release.json, SHA256SUMS, its signatures, and the
// earlier releases' files under archive/<N>/ that SHA256SUMS lists. They are all a verifier
// or the next release needs, so they are read the same way from a folder, a URL or memory,
// and nothing else is ever read from a site.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

// path -> bytes.
using ReleaseFiles = std::map<std::string, std::string>;

// Reads one file of a site: its bytes, std::nullopt when it does not exist, or an error.
using SiteFileReader = std::function<Result<std::optional<std::string>>(std::string_view path)>;

// The names of a release's own files, as they sit at the top of a release and under
// archive/<N>/.
bool is_release_file_name(std::string_view name);

// N of "archive/N/NAME" when N is a sequence number written canonically (1, 2, … no sign,
// no leading zero) and NAME a release file name; 0 for any other path.
int archived_release(std::string_view path);

// The release files of the site `read` reads. An empty map when the site holds no release
// (no release.json and no SHA256SUMS); an error for a partial release, a malformed manifest
// or a file that cannot be read, naming it. `origin` names the site in messages.
Result<ReleaseFiles> read_release_files(const SiteFileReader& read, const std::string& origin);

}  // namespace trustpage
