#include "content/front_matter.h"

#include <string>

namespace trustpage::content_detail {
namespace {

// The line starting at `pos` without its "\n" or "\r\n", and where the next line starts.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
  size_t newline = text.find('\n', pos);
  size_t end = newline == std::string_view::npos ? text.size() : newline;
  next = newline == std::string_view::npos ? text.size() : newline + 1;
  std::string_view line = text.substr(pos, end - pos);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// "---", also with trailing blanks: they are invisible in a web editor, and reporting an
// unclosed front matter for one would send the vendor looking for the wrong problem.
bool is_delimiter(std::string_view line) {
  while (line.ends_with(' ') || line.ends_with('\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

Result<FrontMatter> split_front_matter(const TextFile& file, std::string_view example) {
  std::string_view text(file.text);
  size_t pos = file.start;
  size_t next = 0;
  if (pos >= text.size() || !is_delimiter(line_at(text, pos, next))) {
    return Status::Error(file.at_line(1),
                         "no front matter — the file must start with a line \"---\", then " +
                             std::string(example) +
                             ", then a line \"---\"; the Markdown text goes after it");
  }
  FrontMatter out;
  out.yaml_offset = next;
  int line_number = 2;
  for (pos = next; pos < text.size(); pos = next, ++line_number) {
    if (is_delimiter(line_at(text, pos, next))) {
      out.yaml = text.substr(out.yaml_offset, pos - out.yaml_offset);
      out.body = text.substr(next);
      out.body_line = line_number + 1;
      return out;
    }
  }
  return Status::Error(file.at_line(1),
                       "the front matter opened by \"---\" on line 1 is never closed — add a line "
                       "\"---\" after the last key, before the Markdown text");
}

}  // namespace trustpage::content_detail
