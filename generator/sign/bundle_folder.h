// A published site as a folder on disk (a mirror, `public/`, a folder of release files),
// read the way a verifier must: regular files only, never through a symlink, each size
// bounded, large files hashed in blocks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "sign/release_files.h"
#include "sign/verify.h"

namespace trustpage {

// Release files are small (a manifest lists one line per file); anything larger is refused.
inline constexpr size_t kMaxReleaseFileBytes = 64u << 20;

// The reader of one file under `root` (read_release_files' SiteFileReader): nullopt when
// absent; an error, naming the file, when it or a folder on its way is a symlink, FIFO or
// device, or it is larger than kMaxReleaseFileBytes.
SiteFileReader folder_reader(const std::filesystem::path& root);

// Every file under `root` with its SHA-256 (or why it cannot be a bundle file), for the
// "nothing missing, altered or added" check. Fails when `root` is not a folder.
Result<BundleListing> list_bundle_folder(const std::filesystem::path& root);

// Files under root/archive/ that are not in `kept`: what a build does not carry forward.
std::vector<std::string> unlisted_archive_files(const std::filesystem::path& root,
                                                const ReleaseFiles& kept);

}  // namespace trustpage
