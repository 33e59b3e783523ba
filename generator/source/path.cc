#include "source/path.h"

#include "source/source.h"

namespace trustpage {

std::string join_path(std::string_view dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  if (name.empty()) return std::string(dir);
  std::string out(dir);
  if (out.back() != '/') out += '/';
  out += name;
  return out;
}

namespace source_detail {

std::optional<std::vector<std::string>> split_relative(std::string_view path) {
  std::vector<std::string> parts;
  if (path.empty()) return parts;
  if (path.front() == '/') return std::nullopt;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return std::nullopt;
    parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string shown_dir(std::string typed) {
  while (typed.size() > 1 && typed.back() == '/') typed.pop_back();
  return typed;
}

std::string display_join(const std::string& shown, std::string_view path) {
  if (shown.empty() || shown == ".") return path.empty() ? std::string(".") : std::string(path);
  if (path.empty()) return shown;
  return join_path(shown, path);
}

}  // namespace source_detail
}  // namespace trustpage
