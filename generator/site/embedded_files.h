#pragma once

#include <string_view>
#include <vector>

namespace trustpage {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder
  std::string_view bytes;
};

// themes/default/, compiled in (see cmake/embed.cmake).
const std::vector<EmbeddedFile>& default_theme_files();

}  // namespace trustpage
