// Which folders --out must keep clear of. The output folder is replaced as a whole, so an
// --out that is, holds or lies inside the sources would delete them: `build --out "$PWD"`
// in a content repository that has an index.html once replaced content/, keys/, themes/
// and .git with the site.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"

namespace trustpage {

// A folder the build reads, named the way a message should name it ("the content folder").
struct SourceFolder {
  std::filesystem::path path;
  std::string role;
};

// Refuses an output folder that is, contains or is inside one of `sources`; that is or
// contains a repository holding one of them (a folder with .git), or lies inside its .git;
// or that holds a .git of its own anywhere inside. Paths are compared after resolving
// symlinks, so "." and "$PWD" are the same folder.
Status check_output_clear_of_sources(const std::filesystem::path& out_dir,
                                     const std::vector<SourceFolder>& sources);

}  // namespace trustpage
