// What content/ holds already for the checklist being imported, read so that a re-import
// keeps every value the sheet does not give, and never writes through a symlink.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace trustpage::import_detail {

// An item file's front matter and remarks, every value as the text written there.
struct ExistingItem {
  std::string path;  // relative to the content folder
  std::string id, no, category, item, requirement, unit, status, answer, reviewed;
  std::vector<std::string> evidence;
  std::string remarks;
  std::string bytes;  // the whole file, to tell an unchanged re-import
};

struct ExistingChecklist {
  bool present = false;  // checklist.yaml is there
  std::string bytes;
  std::string title, description, source, source_url, license, order;
  std::vector<std::string> scale;
  std::vector<std::pair<std::string, std::string>> sections;  // id, title
  std::map<std::string, ExistingItem> items;                  // by `no`
};

// checklists/<id>/ under `content_dir`; empty when the folder is not there. An item file
// whose front matter cannot be read is an error naming it: replacing it blind could lose
// its answer.
Result<ExistingChecklist> read_existing_checklist(const std::filesystem::path& content_dir,
                                                  const std::string& checklist_id);

// A symlink or special file anywhere under `content_dir` is an error naming it: import would
// write through it, outside content/ (build and check refuse such content too).
Status refuse_symlinks(const std::filesystem::path& content_dir);

}  // namespace trustpage::import_detail
