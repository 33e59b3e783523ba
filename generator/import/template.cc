// Checklist templates: the items a sheet is matched against.
#include <algorithm>

#include "import/text.h"
#include "site/embedded_files.h"

namespace trustpage {

// generator/import/templates/, compiled in (see cmake/embed.cmake).
const std::vector<EmbeddedFile>& import_template_files();

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t')
      out.emplace_back();
    else if (c != '\r')
      out.back() += c;
  }
  return out;
}

}  // namespace

Result<ChecklistTemplate> parse_template(const std::string& text, const std::string& file_name) {
  ChecklistTemplate out;
  out.name = file_name;
  std::string first_comment;
  std::vector<std::string> header;
  int line_no = 0;
  size_t start = 0;
  std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
  if (!import_detail::is_utf8(body)) {
    return Status::Error(Location{file_name}, "a template must be UTF-8 text");
  }
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '#') {
      std::string comment = import_detail::trim(line.substr(1));
      size_t colon = comment.find(':');
      std::string key = colon == std::string::npos ? "" : comment.substr(0, colon);
      std::string value =
          colon == std::string::npos ? "" : import_detail::trim(comment.substr(colon + 1));
      if (key == "title")
        out.title = value;
      else if (key == "source")
        out.source = value;
      else if (key == "source_url")
        out.source_url = value;
      else if (key == "license")
        out.license = value;
      else if (first_comment.empty())
        first_comment = comment;
      continue;
    }
    std::vector<std::string> cells = split_tabs(line);
    if (header.empty()) {
      header = cells;
      for (const char* required : {"no", "item"}) {
        if (std::find(header.begin(), header.end(), required) == header.end()) {
          return Status::Error(Location{file_name, line_no},
                               std::string("the header row has no \"") + required +
                                   "\" column — name the columns no, section_id, section, "
                                   "category, item, requirement, unit, slug (tab-separated)");
        }
      }
      continue;
    }
    TemplateItem item;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) {
      const std::string& key = header[i];
      std::string value = import_detail::trim(cells[i]);
      if (key == "no")
        item.no = value;
      else if (key == "section_id")
        item.section_id = value;
      else if (key == "section")
        item.section = value;
      else if (key == "category")
        item.category = value;
      else if (key == "item")
        item.item = value;
      else if (key == "requirement")
        item.requirement = value;
      else if (key == "unit")
        item.unit = value;
      else if (key == "slug")
        item.slug = value;
    }
    if (item.no.empty() || item.item.empty()) {
      return Status::Error(Location{file_name, line_no},
                           "this template row has no number or no item name");
    }
    out.items.push_back(std::move(item));
  }
  if (out.items.empty()) return Status::Error(Location{file_name}, "the template lists no items");
  if (out.source.empty()) out.source = first_comment;
  return out;
}

std::vector<std::string> builtin_template_names() {
  return {"meti"};
}

std::optional<ChecklistTemplate> builtin_template(const std::string& name) {
  std::string file;
  if (name == "meti" || name == "meti-cloud-sla" || name == "meti-cloud-sla-2010") {
    file = "meti.tsv";
  }
  for (const EmbeddedFile& embedded : import_template_files()) {
    if (embedded.path != file) continue;
    Result<ChecklistTemplate> parsed = parse_template(std::string(embedded.bytes), "meti");
    if (parsed.ok()) return std::move(*parsed);
  }
  return std::nullopt;
}

}  // namespace trustpage
