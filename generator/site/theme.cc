#include "site/theme.h"

#include <yaml-cpp/yaml.h>

#include <set>
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

namespace {

Status add_files(const Source& source, const std::string& dir,
                 std::map<std::string, std::string>& files,
                 std::map<std::string, std::string>& origin) {
  Result<std::vector<Entry>> entries = source.list(dir);
  if (!entries.ok()) return entries.status();
  for (const Entry& entry : *entries) {
    if (entry.name.front() == '.') continue;
    std::string path = join_path(dir, entry.name);
    switch (entry.kind) {
      case EntryKind::kDirectory:
        if (Status s = add_files(source, path, files, origin); !s.ok()) return s;
        break;
      case EntryKind::kFile: {
        Result<std::string> bytes = source.read(path);
        if (!bytes.ok()) return bytes.status();
        files[path] = std::move(*bytes);
        origin[path] = source.display_path(path);
        break;
      }
      default:
        return Status::Error(Location{source.display_path(path)},
                             "symlinks and special files are not allowed in a theme — replace it "
                             "with a regular file");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Theme> Theme::with_override(const Source& override_files) {
  Theme theme = builtin();
  if (Status s = add_files(override_files, "", theme.files_, theme.origin_); !s.ok()) return s;
  return theme;
}

Result<Theme> Theme::with_override(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::Error(dir.string() +
                         " is not a theme folder (expected templates/, static/, strings.yaml)");
  }
  Result<std::unique_ptr<Source>> source = open_worktree(dir);
  if (!source.ok()) return source.status();
  return with_override(**source);
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
        return Status::Error(
            Location{origin, table.Mark().line + 1, 0},
            "UI string \"" + key + "\" is missing for language \"" + language + "\" — add it");
      }
      out.emplace(key, Value(v.Scalar()));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return Status::Error(Location{origin, e.mark.line + 1, e.mark.column + 1}, e.msg);
  } catch (const std::exception&) {  // nothing leaves the site library
    return Status::Error(Location{origin}, "cannot read this file as YAML — check its syntax");
  }
}

Result<std::string> Theme::setting(const std::string& key) const {
  auto it = files_.find("theme.yaml");
  if (it == files_.end()) return Status::Error("the theme has no theme.yaml");
  const std::string& origin = origin_.at("theme.yaml");
  try {
    YAML::Node value = YAML::Load(it->second)[key];
    if (!value || !value.IsScalar() || value.Scalar().empty()) {
      return Status::Error(Location{origin}, "theme setting \"" + key +
                                                 "\" is missing — add `" + key + ": ...`");
    }
    return value.Scalar();
  } catch (const YAML::Exception& e) {
    return Status::Error(Location{origin, e.mark.line + 1, e.mark.column + 1}, e.msg);
  } catch (const std::exception&) {  // nothing leaves the site library
    return Status::Error(Location{origin}, "cannot read this file as YAML — check its syntax");
  }
}

}  // namespace trustpage
