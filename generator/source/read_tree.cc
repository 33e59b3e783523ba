#include "source/source.h"

namespace trustpage {

Result<std::map<std::string, std::string>> read_tree(
    const Source& source, const std::function<bool(std::string_view path)>& keep) {
  std::map<std::string, std::string> files;
  std::vector<std::string> pending{""};
  while (!pending.empty()) {
    std::string folder = std::move(pending.back());
    pending.pop_back();
    Result<std::vector<Entry>> entries = source.list(folder);
    if (!entries.ok()) return entries.status();
    for (const Entry& entry : *entries) {
      std::string path = join_path(folder, entry.name);
      if (entry.kind == EntryKind::kDirectory) {
        pending.push_back(std::move(path));
      } else if (entry.kind != EntryKind::kFile) {
        return Status::Error(Location{source.display_path(path)},
                             "is a symlink or special file, which a published site never has");
      } else if (!keep || keep(path)) {
        Result<std::string> bytes = source.read(path);
        if (!bytes.ok()) return bytes.status();
        files.emplace(std::move(path), std::move(*bytes));
      }
    }
  }
  return files;
}

}  // namespace trustpage
