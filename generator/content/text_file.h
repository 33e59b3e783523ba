// A content file read as text, and how to point into it (private to the content library).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage::content_detail {

struct TextFile {
  std::string path;     // relative to the content root: "checklists/meti/checklist.yaml"
  std::string display;  // how messages name it: "content/checklists/meti/checklist.yaml"
  std::string text;     // the bytes, known to be valid UTF-8
  size_t start = 0;     // 3 when the file starts with a (refused, skipped) BOM

  Location at(size_t offset) const;  // file:line:col of a byte offset
  Location at_line(int line) const { return {display, line, 0}; }
  Location whole() const { return {display}; }
};

// Markdown longer than this is refused: cmark-gfm has quadratic worst cases (a 240 KB
// body took 20 s), and long material belongs in documents/.
inline constexpr size_t kMaxMarkdownBytes = 64 * 1024;

// Reports Markdown `text` over kMaxMarkdownBytes at `at` ("<subject> 70 KiB; the limit is
// 64 KiB — ...", subject e.g. "remarks are") and clears it, so nothing downstream parses
// it. False when it was too long.
bool check_markdown_size(Diagnostics& diagnostics, const Location& at, std::string_view subject,
                         std::string& text);

}  // namespace trustpage::content_detail
