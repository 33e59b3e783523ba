#include "history/item_fields.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

#include "history/history.h"
#include "history/readable_text.h"

namespace trustpage {

const std::vector<std::string> kItemFields = {"section",     "no",       "category", "item",
                                              "requirement", "unit",     "status",   "answer",
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

bool is_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

// A one-line scalar the way item files write them; nullopt for anything that needs a real
// YAML parser (block scalars, flow collections, anchors, escapes, comments).
std::optional<std::string> simple_scalar(std::string_view v) {
  v = v.substr(0, v.find_last_not_of(" \t") + 1);
  if (v.empty()) return std::string();
  char first = v.front();
  if (first == '"') {
    if (v.size() < 2 || v.back() != '"') return std::nullopt;
    std::string_view inner = v.substr(1, v.size() - 2);
    if (inner.find_first_of("\\\"") != std::string_view::npos) return std::nullopt;
    return trim(inner);
  }
  if (first == '\'') {
    if (v.size() < 2 || v.back() != '\'') return std::nullopt;
    std::string_view inner = v.substr(1, v.size() - 2);
    if (inner.find('\'') != std::string_view::npos) return std::nullopt;
    return trim(inner);
  }
  if (std::string_view("|>[]{}&*!%@`#,?-:").find(first) != std::string_view::npos)
    return std::nullopt;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos ||
      v.back() == ':')
    return std::nullopt;
  return std::string(v);
}

// The common shape of item front matter: `key: scalar` lines and `key:` followed by
// `- scalar` lines. Returns false (and leaves `out` to the YAML parser) for anything else.
bool read_simple(std::string_view yaml, ItemFields& out) {
  size_t pos = 0;
  std::string list_key;
  std::string list;
  bool in_list = false;
  auto finish_list = [&] {
    if (in_list && list_key != "id") out.values[list_key] = list;
    in_list = false;
    list.clear();
  };
  while (pos < yaml.size()) {
    std::string_view line = next_line(yaml, pos);
    std::string_view content = line.substr(0, line.find_last_not_of(" \t") + 1);
    if (content.empty() || content.front() == '#') continue;
    size_t indent = content.find_first_not_of(' ');
    if (indent > 0 || content.front() == '-') {
      std::string_view item = content.substr(indent);
      if (!in_list || !item.starts_with("- ")) return false;
      std::optional<std::string> value = simple_scalar(item.substr(2));
      if (!value) return false;
      if (!list.empty()) list += '\n';
      list += *value;
      continue;
    }
    finish_list();
    size_t colon = content.find(':');
    if (colon == std::string_view::npos) return false;
    std::string key(content.substr(0, colon));
    if (!is_key(key)) return false;
    std::string_view rest = content.substr(colon + 1);
    if (rest.empty()) {
      in_list = true;
      list_key = key;
      out.values[key];  // null until its list items come
      continue;
    }
    if (rest.front() != ' ') return false;
    std::optional<std::string> value = simple_scalar(rest.substr(1));
    if (!value) return false;
    if (key == "id") {
      out.id = *value;
    } else {
      out.values[key] = *value;
    }
  }
  finish_list();
  return true;
}

// The id of front matter that cannot be read as a whole (too large, or in another
// encoding), so the revision still shows in its item's history: the first `id:` line.
std::string find_id(std::string_view yaml) {
  size_t pos = 0;
  while (pos < yaml.size()) {
    std::string_view line = next_line(yaml, pos);
    if (!line.starts_with("id:")) continue;
    std::optional<std::string> value = simple_scalar(trim(line.substr(3)));
    return value ? *value : "";
  }
  return "";
}

// Front matter over this is not parsed: the loader refuses far less today, and a YAML
// parser's memory grows with its input.
constexpr size_t kMaxFrontMatterBytes = kMaxValueBytes;

std::string_view trimmed(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

}  // namespace

bool is_item_path(std::string_view path) {
  if (!path.starts_with("checklists/") || !path.ends_with(".md")) return false;
  // Tree entry names are any bytes; those shown on pages must be text.
  return std::count(path.begin(), path.end(), '/') == 3 && is_clean_text(path);
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
  const std::string_view yaml = bytes.substr(yaml_start, yaml_end - yaml_start);
  // A revision that cannot be read as a whole still counts, by its id, with every field
  // saying why it is not shown.
  const bool too_large = yaml.size() > kMaxFrontMatterBytes;
  const bool foreign = !too_large && !is_clean_text(yaml);
  if (too_large || (foreign && !read_simple(yaml, out))) {
    out = ItemFields();
    out.id = find_id(yaml);
    const std::string& why = too_large ? kUnreadableTooLarge : kUnreadableNotUtf8;
    for (const std::string& field : kItemFields) out.values[field] = why;
  } else if (!foreign && !read_simple(yaml, out)) {
    out = ItemFields();
    try {
      YAML::Node root = YAML::Load(std::string(yaml));
      if (!root.IsMap()) return std::nullopt;
      for (const auto& entry : root) {
        if (!entry.first.IsScalar()) continue;
        const std::string key = entry.first.Scalar();
        if (key == "id") {
          out.id = as_text(entry.second);
        } else {
          out.values[key] = as_text(entry.second);  // unknown keys are dropped below
        }
      }
    } catch (const std::exception&) {  // yaml-cpp: nothing leaves the history library
      return std::nullopt;
    }
  }
  // Only the known fields count, however the file was read.
  for (auto it = out.values.begin(); it != out.values.end();) {
    bool known = it->first != "section" && it->first != "remarks" &&
                 std::find(kItemFields.begin(), kItemFields.end(), it->first) != kItemFields.end();
    it = known ? std::next(it) : out.values.erase(it);
  }
  // An id names pages and anchors: one that is not plain text cannot be followed.
  if (out.id.empty() || out.id.size() > 256 || !is_clean_text(out.id)) return std::nullopt;
  for (auto& [name, value] : out.values) value = checked_value(value);

  // checklists/<checklist>/<section>/<file>.md
  size_t a = path.find('/') + 1, b = path.find('/', a), c = path.find('/', b + 1);
  out.checklist = std::string(path.substr(a, b - a));
  out.values["section"] = std::string(path.substr(b + 1, c - b - 1));
  if (!too_large) out.values["remarks"] = checked_value(trimmed(bytes.substr(pos)));
  return out;
}

}  // namespace history_detail
}  // namespace trustpage
