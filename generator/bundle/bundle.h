// The published site: path -> bytes. In memory (check, serve, tests), or streamed: each
// file goes to a FileStore (the staging folder of the output being written) as it is added,
// and only its SHA-256 stays, so memory does not grow with the site. Either way signing sees
// exactly what gets written, and a failed build replaces nothing.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

// Where a streaming bundle keeps the bytes of each file.
class FileStore {
 public:
  virtual ~FileStore() = default;
  // Keeps `bytes` at `path` (a plain relative path); returns their SHA-256 as hex.
  virtual Result<std::string> put(const std::string& path, std::string_view bytes) = 0;
  // The bytes kept at `path`.
  virtual Result<std::string> get(const std::string& path) const = 0;
};

class Bundle {
 public:
  // Adds a file. Fails on a duplicate path or a path that is not a plain relative path
  // ('/'-separated, no "..", ".", empty or absolute components).
  Status add(std::string path, std::string bytes);
  bool contains(std::string_view path) const {
    return files_.find(path) != files_.end() || stored_.find(path) != stored_.end();
  }
  // Files held in memory: every file, unless the bundle streams (then those added before).
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }
  // Files in the store, path -> SHA-256 hex.
  const std::map<std::string, std::string, std::less<>>& stored() const { return stored_; }
  size_t size() const { return files_.size() + stored_.size(); }
  size_t total_bytes() const { return total_bytes_; }  // of every file added

  // From now on every file added goes to `store` at once (which must outlive the bundle's
  // use); only its SHA-256 is kept.
  void stream_into(FileStore* store) { store_ = store; }
  // A file's bytes, from memory or from the store.
  Result<std::string> read(std::string_view path) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;   // sorted: stable manifests
  std::map<std::string, std::string, std::less<>> stored_;  // path -> SHA-256 hex
  FileStore* store_ = nullptr;
  size_t total_bytes_ = 0;
};

// True for "a/b.html"; false for "", "/a", "a//b", "../a", "a/./b", "a\\b".
bool is_safe_relative_path(std::string_view path);

}  // namespace trustpage
