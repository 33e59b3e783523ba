// Writes a Bundle to disk so that readers see either the old site or the new one, never a
// mix: files go to a temporary sibling directory which then replaces the output directory.
#pragma once

#include <filesystem>

#include "bundle/bundle.h"
#include "common/status.h"

namespace trustpage {

// Replaces `out_dir` with exactly the bundle's files. Refuses to replace an existing,
// non-empty directory that does not look like a previous output (no index.html), so a
// mistyped --out cannot wipe an unrelated folder. On failure `out_dir` is untouched.
Status write_atomically(const Bundle& bundle, const std::filesystem::path& out_dir);

}  // namespace trustpage
