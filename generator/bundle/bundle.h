// The published site held in memory: path -> bytes. Everything is rendered into a Bundle
// first, so signing sees exactly what gets written and a failed build writes nothing.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

class Bundle {
 public:
  // Adds a file. Fails on a duplicate path or a path that is not a plain relative path
  // ('/'-separated, no "..", ".", empty or absolute components).
  Status add(std::string path, std::string bytes);
  bool contains(std::string_view path) const { return files_.find(path) != files_.end(); }
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }
  size_t total_bytes() const;

 private:
  std::map<std::string, std::string, std::less<>> files_;  // sorted: stable manifests
};

// True for "a/b.html"; false for "", "/a", "a//b", "../a", "a/./b", "a\\b".
bool is_safe_relative_path(std::string_view path);

}  // namespace trustpage
