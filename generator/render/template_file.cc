#include "render/template_file.h"

#include <algorithm>
#include <utility>

namespace trustpage {

Location TemplateFile::where(const pugi::xml_node& node) const {
  // pugixml gives the offset of the element's name, just after its '<'.
  const std::ptrdiff_t offset = node.offset_debug();
  return where(offset > 0 ? offset - 1 : offset);
}

Location TemplateFile::where(std::ptrdiff_t offset) const {
  if (offset < 0) return Location{name};
  const auto next =
      std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<size_t>(offset));
  const int line = static_cast<int>(next - line_starts.begin());
  const size_t column = static_cast<size_t>(offset) - line_starts[line - 1] + 1;
  return Location{name, line, static_cast<int>(column)};
}

Result<std::shared_ptr<const TemplateFile>> parse_template_file(const std::string& name,
                                                                std::string text) {
  // Line ends are normalized here rather than by pugixml so that offsets it reports still
  // match the text the lines are counted in.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalized += text[i];
    }
  }

  auto parsed = std::make_shared<TemplateFile>();
  parsed->name = name;
  parsed->line_starts.push_back(0);
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (normalized[i] == '\n') parsed->line_starts.push_back(i + 1);
  }
  // parse_ws_pcdata keeps the space in "<a>x</a> <b>y</b>"; comments are not parsed, so
  // template notes never reach the page.
  const pugi::xml_parse_result result =
      parsed->doc.load_buffer(normalized.data(), normalized.size(),
                              pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    return Status::Error(parsed->where(result.offset),
                         std::string("malformed XML: ") + result.description());
  }
  if (!parsed->doc.document_element()) {
    return Status::Error(Location{name}, "template has no root element");
  }
  return std::shared_ptr<const TemplateFile>(std::move(parsed));
}

}  // namespace trustpage
