// One XHTML template file of a theme, parsed once and then only read, with the
// file:line:col of each of its nodes for messages.
#pragma once

#include <cstddef>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "common/status.h"

namespace trustpage {

struct TemplateFile {
  std::string name;  // as the theme names it: "layout.xhtml", "partials/nav.xhtml"
  pugi::xml_document doc;
  std::vector<size_t> line_starts;  // offsets at which each line begins

  // An element's location is that of its '<'.
  Location where(const pugi::xml_node& node) const;
  Location where(std::ptrdiff_t offset) const;
};

// Parses `text` (BOM and CR line ends allowed). Comments are dropped, whitespace-only text
// kept. Malformed XML is an error naming the file, line and column.
Result<std::shared_ptr<const TemplateFile>> parse_template_file(const std::string& name,
                                                                std::string text);

}  // namespace trustpage
