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
  if (contains(path)) {
    return Status::Error("two outputs want the same path \"" + path +
                         "\" — rename one of the sources");
  }
  total_bytes_ += bytes.size();
  if (!store_) {
    files_.emplace(std::move(path), std::move(bytes));
    return Status::Ok();
  }
  Result<std::string> digest = store_->put(path, bytes);
  if (!digest.ok()) return digest.status();
  stored_.emplace(std::move(path), std::move(*digest));
  return Status::Ok();
}

Result<std::string> Bundle::read(std::string_view path) const {
  if (auto it = files_.find(path); it != files_.end()) return it->second;
  if (store_ && stored_.find(path) != stored_.end()) return store_->get(std::string(path));
  return Status::Error("no file \"" + std::string(path) + "\" in the site");
}

}  // namespace trustpage
