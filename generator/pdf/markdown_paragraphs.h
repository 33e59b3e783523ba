// Markdown remarks as paragraphs for the PDF: the same cmark-gfm parse as the web pages,
// walked into styled text instead of HTML. Lists keep their markers and nesting, links stay
// clickable, tables become one line per row with the cells separated by "｜", raw HTML is
// dropped as on the site (a <br> still breaks the line).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "pdf/paragraph.h"

namespace trustpage::pdf {

// The absolute URL a link written in the Markdown points to, or "" for no link.
using LinkTarget = std::function<std::string(const std::string& destination)>;

Result<std::vector<Paragraph>> markdown_paragraphs(std::string_view markdown,
                                                   const LinkTarget& link_target);

}  // namespace trustpage::pdf
