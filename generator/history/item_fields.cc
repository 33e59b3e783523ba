#include "history/item_fields.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "history/history.h"

namespace trustpage {

const std::vector<std::string> kItemFields = {"section",     "no",     "category", "item",
                                              "requirement", "unit",   "status",   "answer",
                                              "reviewed",    "evidence", "remarks"};

namespace history_detail {
namespace {

std::string_view next_line(std::string_view text, size_t& pos) {
  size_t end = text.find('\n', pos);
  std::string_view line = text.substr(pos, end == std::string_view::npos ? end : end - pos);
  pos = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string trim_end(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1));
}

std::string trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  return trim_end(text.substr(start));
}

// A scalar as written; a list as its scalars, one per line; anything else as empty.
std::string as_text(const YAML::Node& node) {
  if (node.IsScalar()) return trim(node.Scalar());
  if (node.IsSequence()) {
    std::string out;
    for (const YAML::Node& element : node) {
      if (!element.IsScalar()) continue;
      if (!out.empty()) out += '\n';
      out += trim(element.Scalar());
    }
    return out;
  }
  return "";
}

}  // namespace

bool is_item_path(std::string_view path) {
  if (!path.starts_with("checklists/") || !path.ends_with(".md")) return false;
  return std::count(path.begin(), path.end(), '/') == 3;
}

std::optional<ItemFields> read_item_fields(std::string_view path, std::string_view bytes) {
  if (!is_item_path(path)) return std::nullopt;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t pos = 0;
  if (next_line(bytes, pos) != "---") return std::nullopt;
  size_t yaml_start = pos, yaml_end = std::string_view::npos;
  while (pos < bytes.size()) {
    size_t line_start = pos;
    if (next_line(bytes, pos) == "---") {
      yaml_end = line_start;
      break;
    }
  }
  if (yaml_end == std::string_view::npos) return std::nullopt;

  ItemFields out;
  try {
    YAML::Node root = YAML::Load(std::string(bytes.substr(yaml_start, yaml_end - yaml_start)));
    if (!root.IsMap()) return std::nullopt;
    for (const auto& entry : root) {
      if (!entry.first.IsScalar()) continue;
      const std::string key = entry.first.Scalar();
      if (key == "id") {
        out.id = as_text(entry.second);
      } else if (key != "section" && key != "remarks" &&
                 std::find(kItemFields.begin(), kItemFields.end(), key) != kItemFields.end()) {
        out.values[key] = as_text(entry.second);
      }
    }
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (out.id.empty()) return std::nullopt;

  // checklists/<checklist>/<section>/<file>.md
  size_t a = path.find('/') + 1, b = path.find('/', a), c = path.find('/', b + 1);
  out.checklist = std::string(path.substr(a, b - a));
  out.values["section"] = std::string(path.substr(b + 1, c - b - 1));
  out.values["remarks"] = trim(bytes.substr(pos));
  return out;
}

}  // namespace history_detail
}  // namespace trustpage
