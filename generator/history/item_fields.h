// An item file's fields as text, read leniently (private to the history library): history
// must follow items through commits whose files the strict loader would refuse today.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace trustpage::history_detail {

struct ItemFields {
  std::string id;
  std::string checklist;  // folder under checklists/
  // kItemFields -> text; lists (evidence) are joined with newlines; absent fields are empty.
  std::map<std::string, std::string> values;
};

// Whether a content path is an item file: checklists/<checklist>/<section>/<name>.md.
bool is_item_path(std::string_view path);

// The fields of an item file at `path` (a content path, see is_item_path), or nullopt when
// it has no readable front matter or no id.
std::optional<ItemFields> read_item_fields(std::string_view path, std::string_view bytes);

}  // namespace trustpage::history_detail
