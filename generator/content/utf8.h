// UTF-8 checks and byte-offset -> line:column mapping (private to the content library).
#pragma once

#include <cstddef>
#include <string_view>

namespace trustpage::content_detail {

// Offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF included), or npos when all is well.
size_t find_invalid_utf8(std::string_view text);

bool starts_with_bom(std::string_view text);

// Offset of the first C0 control character other than TAB, LF and CR, or of a DEL (0x7F),
// or npos. Such bytes are invisible in an editor, and a NUL cuts the rendered text short.
size_t find_control_character(std::string_view text);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters: what an editor's status bar shows
};

// Where byte `offset` of `text` is. Columns count code points, not bytes, so a Japanese
// line points at the same place as the vendor's editor does.
LineColumn line_column(std::string_view text, size_t offset);

}  // namespace trustpage::content_detail
