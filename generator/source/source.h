// Where content comes from: a directory on disk, a git tree at a revision, or memory (tests).
// Every path is relative to the content root, '/'-separated, without a leading slash;
// "" is the root itself. A Source never follows a symlink or leaves the content root.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace trustpage {

enum class EntryKind { kFile, kDirectory, kSymlink, kOther };

struct Entry {
  std::string name;  // a single path component
  EntryKind kind = EntryKind::kFile;
};

// Which state of the content a build reads. All dates in the output come from here,
// never from the clock, so the same commit always gives the same bytes.
struct Provenance {
  std::string commit;          // 40 hex digits; empty when the content is not in git
  std::int64_t time = 0;       // commit time, seconds since the epoch (UTC)
  int offset_minutes = 0;      // the committer's timezone offset
  bool worktree = false;       // read from disk, may contain uncommitted edits
  bool dirty = false;          // worktree differs from the commit (when known)
  std::string repo_root;       // absolute path of the repository work tree (empty if none)
  std::string content_prefix;  // content dir relative to the repo root ("" or "content/")
};

class Source {
 public:
  virtual ~Source() = default;
  // The entries of a directory, sorted by name. Symlinks are reported, never followed.
  virtual Result<std::vector<Entry>> list(std::string_view dir) const = 0;
  // The bytes of a regular file.
  virtual Result<std::string> read(std::string_view path) const = 0;
  virtual bool is_directory(std::string_view path) const = 0;
  virtual bool is_file(std::string_view path) const = 0;
  virtual const Provenance& provenance() const = 0;
  // How errors name this source's files, e.g. "content/" so messages read content/site.yaml.
  virtual std::string display_path(std::string_view path) const = 0;
};

// The content directory as it is on disk (check, serve, build --worktree).
Result<std::unique_ptr<Source>> open_worktree(const std::filesystem::path& content_dir);

// The content directory as committed at `rev` (default HEAD) in the repository that holds it.
Result<std::unique_ptr<Source>> open_git(const std::filesystem::path& content_dir,
                                         const std::string& rev = "HEAD");

// In-memory files for tests: path -> bytes. Directories are implied by the paths.
// A value starting with "symlink:" is reported as a symlink.
std::unique_ptr<Source> open_memory(std::map<std::string, std::string> files,
                                    Provenance provenance = {});

// Every regular file under the root whose path `keep` accepts (all when empty), path ->
// bytes. A symlink or special file anywhere is an error naming it.
Result<std::map<std::string, std::string>> read_tree(
    const Source& source, const std::function<bool(std::string_view path)>& keep = {});

// Joins "a/b" and "c" into "a/b/c"; "" and "c" into "c".
std::string join_path(std::string_view dir, std::string_view name);

}  // namespace trustpage
