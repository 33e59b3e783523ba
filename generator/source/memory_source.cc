// In-memory content for unit tests: the loader sees exactly what a test spells out.
#include "source/path.h"
#include "source/source.h"

namespace trustpage {
namespace {

constexpr std::string_view kSymlinkPrefix = "symlink:";

class MemorySource final : public Source {
 public:
  MemorySource(std::map<std::string, std::string> files, Provenance provenance)
      : files_(std::move(files)), provenance_(std::move(provenance)) {}

  Result<std::vector<Entry>> list(std::string_view dir) const override {
    if (!is_directory(dir)) return error(dir, "is not a folder");
    std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
    std::map<std::string, EntryKind> children;
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
      const std::string& path = it->first;
      if (!path.starts_with(prefix)) break;
      std::string rest = path.substr(prefix.size());
      size_t slash = rest.find('/');
      if (slash != std::string::npos) {
        children.emplace(rest.substr(0, slash), EntryKind::kDirectory);
      } else {
        children[rest] =
            it->second.starts_with(kSymlinkPrefix) ? EntryKind::kSymlink : EntryKind::kFile;
      }
    }
    std::vector<Entry> entries;
    for (auto& [name, kind] : children) entries.push_back({name, kind});
    return entries;
  }

  Result<std::string> read(std::string_view path) const override {
    auto it = files_.find(std::string(path));
    if (it == files_.end()) return error(path, "does not exist");
    if (it->second.starts_with(kSymlinkPrefix)) {
      return error(path,
                   "is a symlink — symlinks are refused; replace it with the real file or folder");
    }
    return it->second;
  }

  bool is_directory(std::string_view path) const override {
    if (path.empty()) return true;
    std::string prefix = std::string(path) + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.starts_with(prefix);
  }

  bool is_file(std::string_view path) const override {
    auto it = files_.find(std::string(path));
    return it != files_.end() && !it->second.starts_with(kSymlinkPrefix);
  }

  const Provenance& provenance() const override { return provenance_; }

  // Tests name files exactly as they were given, without any folder in front.
  std::string display_path(std::string_view path) const override { return std::string(path); }

 private:
  Status error(std::string_view path, const std::string& what) const {
    return Status::Error(Location{std::string(path)}, "this " + what);
  }

  std::map<std::string, std::string> files_;
  Provenance provenance_;
};

}  // namespace

std::unique_ptr<Source> open_memory(std::map<std::string, std::string> files,
                                    Provenance provenance) {
  return std::make_unique<MemorySource>(std::move(files), std::move(provenance));
}

}  // namespace trustpage
