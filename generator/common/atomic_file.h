// Writing a file so that readers see the old bytes or the new, never half: the bytes go to a
// temporary file beside it, which is then renamed over it.
#pragma once

#include <filesystem>
#include <string_view>

#include "common/status.h"

namespace trustpage {

// On failure the temporary file is removed, `path` is as it was, and the error names `path`.
Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace trustpage
