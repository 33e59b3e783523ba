// Splits a Markdown file into its YAML front matter and body (private to the content library).
#pragma once

#include <string_view>

#include "common/status.h"
#include "content/text_file.h"

namespace trustpage::content_detail {

struct FrontMatter {
  size_t yaml_offset = 0;  // byte offset of the YAML text in the file
  std::string_view yaml;   // between the opening and closing "---" lines
  std::string_view body;   // everything after the closing line
  int body_line = 1;       // file line of the body's first line
};

// The file must start with a line "---" (LF or CRLF), and the YAML ends at the next line
// that is exactly "---". `example` shows the keys to write in the error message.
Result<FrontMatter> split_front_matter(const TextFile& file, std::string_view example);

}  // namespace trustpage::content_detail
