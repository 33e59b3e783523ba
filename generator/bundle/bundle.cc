#include "bundle/bundle.h"

namespace trustpage {

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  for (char c : path) {
    if (c == '\\' || c == '\0') return false;
  }
  return true;
}

Status Bundle::add(std::string path, std::string bytes) {
  if (!is_safe_relative_path(path)) {
    return Status::Error("refusing to publish \"" + path + "\": not a plain relative path");
  }
  auto [it, inserted] = files_.emplace(std::move(path), std::move(bytes));
  if (!inserted) {
    return Status::Error("two outputs want the same path \"" + it->first +
                         "\" — rename one of the sources");
  }
  return Status::Ok();
}

size_t Bundle::total_bytes() const {
  size_t total = 0;
  for (const auto& [path, bytes] : files_) total += bytes.size();
  return total;
}

}  // namespace trustpage
