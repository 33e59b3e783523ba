#include "content/text_file.h"

#include "content/utf8.h"

namespace trustpage::content_detail {

Location TextFile::at(size_t offset) const {
  LineColumn position = line_column(text, offset);
  return {display, position.line, position.column};
}

}  // namespace trustpage::content_detail
