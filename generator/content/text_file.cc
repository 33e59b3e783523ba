#include "content/text_file.h"

#include "content/utf8.h"

namespace trustpage::content_detail {

Location TextFile::at(size_t offset) const {
  LineColumn position = line_column(text, offset);
  return {display, position.line, position.column};
}

bool check_markdown_size(Diagnostics& diagnostics, const Location& at, std::string_view subject,
                         std::string& text) {
  if (text.size() <= kMaxMarkdownBytes) return true;
  size_t kib = (text.size() + 1023) / 1024;  // rounded up: 64 KiB and 1 byte reads "65 KiB"
  diagnostics.error(at, std::string(subject) + " " + std::to_string(kib) + " KiB; the limit is " +
                            std::to_string(kMaxMarkdownBytes / 1024) +
                            " KiB — move long material to documents/ and link it");
  text.clear();
  return false;
}

}  // namespace trustpage::content_detail
