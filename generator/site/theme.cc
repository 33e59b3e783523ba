#include "site/theme.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "site/embedded_files.h"

namespace trustpage {
namespace fs = std::filesystem;

Theme Theme::builtin() {
  Theme theme;
  for (const EmbeddedFile& f : default_theme_files()) {
    theme.files_.emplace(std::string(f.path), std::string(f.bytes));
    theme.origin_.emplace(std::string(f.path), "(built-in theme)/" + std::string(f.path));
  }
  return theme;
}

Result<Theme> Theme::with_override(const fs::path& dir) {
  Theme theme = builtin();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::Error(dir.string() + " is not a theme folder (expected templates/, static/, "
                                        "strings.yaml)");
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_symlink(ec)) {
      return Status::Error(Location{it->path().string()},
                           "symlinks are not allowed in a theme — replace it with the file");
    }
    if (!it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    if (rel.empty() || rel.front() == '.') continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Status::Error(Location{it->path().string()}, "cannot read this theme file");
    theme.files_[rel] = bytes.str();
    theme.origin_[rel] = it->path().string();
  }
  if (ec) return Status::Error(Location{dir.string()}, "cannot read theme: " + ec.message());
  return theme;
}

Result<std::string> Theme::file(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::Error("the theme has no file " + path);
  return it->second;
}

std::string Theme::origin(const std::string& path) const {
  auto it = origin_.find(path);
  return it == origin_.end() ? path : it->second;
}

std::vector<std::string> Theme::static_files() const {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files_) {
    if (path.rfind("static/", 0) == 0) out.push_back(path.substr(7));
  }
  return out;
}

Result<Map> Theme::strings(const std::string& language) const {
  auto it = files_.find("strings.yaml");
  if (it == files_.end()) return Status::Error("the theme has no strings.yaml");
  const std::string& origin = origin_.at("strings.yaml");
  try {
    YAML::Node root = YAML::Load(it->second);
    YAML::Node table = root[language];
    if (!table || !table.IsMap()) {
      return Status::Error(Location{origin}, "no UI strings for language \"" + language +
                                                 "\" — add a `" + language + ":` map");
    }
    // Every language must define the same keys, or a page would fail only in one language.
    std::set<std::string> keys;
    for (const auto& lang : root) {
      for (const auto& entry : lang.second) keys.insert(entry.first.Scalar());
    }
    Map out;
    for (const auto& key : keys) {
      YAML::Node v = table[key];
      if (!v || !v.IsScalar()) {
        return Status::Error(Location{origin, table.Mark().line + 1, 0},
                             "UI string \"" + key + "\" is missing for language \"" + language +
                                 "\" — add it");
      }
      out.emplace(key, Value(v.Scalar()));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return Status::Error(Location{origin, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
}

}  // namespace trustpage
