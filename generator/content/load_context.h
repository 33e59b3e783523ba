// State shared by the steps of load_content (private to the content library): where to
// read, where to report, and what earlier steps found that later ones check against.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/loader.h"
#include "content/text_file.h"
#include "content/yaml_reader.h"

namespace trustpage::content_detail {

// Orders item numbers as the checklist pages do: "05" and "5" are the same number.
struct NaturalLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

// Where an item number was first given in the checklist being loaded.
struct ItemNo {
  std::string text;  // as written there
  Location where;
};

struct LoadContext {
  const Source& source;
  const LoadOptions& options;
  Diagnostics& diagnostics;

  std::set<std::string> documents;                      // paths relative to documents/
  std::map<std::string, Location> item_ids;             // id -> where it was first given
  std::map<std::string, ItemNo, NaturalLess> item_nos;  // no -> first use, in one checklist
  int stale_after_months = 12;

  Location at_path(std::string_view path) const { return {source.display_path(path)}; }

  // The entries of a folder (reports a folder that cannot be listed).
  std::vector<Entry> list(const std::string& dir);
  // Reports a symlink or special file at `path`; true for a plain file or folder.
  bool check_kind(const std::string& path, const Entry& entry);
  // Reports a file or folder name outside a-z 0-9 - _ . ; true when it is fine.
  bool check_name(const std::string& path, std::string_view name);
  // Reads a text file and checks it is UTF-8 (reporting the first bad byte) without a BOM.
  // nullopt when it cannot be used at all.
  std::optional<TextFile> read_text(const std::string& path);
};

// Each step loads one part of content/ and reports what is wrong with it.
Site load_site(LoadContext& context);
std::vector<Document> load_documents(LoadContext& context);
std::vector<Checklist> load_checklists(LoadContext& context);
std::vector<Page> load_pages(LoadContext& context);

// Loads one item file; nullopt when it is unusable (the reasons are reported).
// `checklist_yaml` names the checklist.yaml whose `scale` the status must fit.
std::optional<Item> load_item(LoadContext& context, const std::string& path,
                              const std::vector<AnswerStatus>& scale,
                              const std::string& checklist_yaml);

// Shared value checks: each reports against the key's value and returns "" when wrong.
std::string read_web_url(MapReader& map, std::string_view key, bool required);  // http(s)
std::string read_link(MapReader& map, std::string_view key);  // http(s) or mailto:
std::string read_date(MapReader& map, std::string_view key, bool required, Date* date);

// Markdown bodies with CRLF line ends read as LF, so output does not depend on the editor.
std::string normalize_newlines(std::string_view text);

}  // namespace trustpage::content_detail
