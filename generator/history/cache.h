// The on-disk history cache (private to the history library): for each commit already walked,
// what it changed. A commit id names its whole past, so an entry can never go stale; the file
// carries a digest, and one that is truncated, edited or from another format is ignored and
// rewritten. Safe to delete at any time.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "history/history.h"

namespace trustpage::history_detail {

using CommitChanges = std::map<std::string, std::vector<ItemChange>>;  // commit id -> changes

struct CacheFile {
  std::filesystem::path path;
  std::string key;  // what else the entries depend on: format, content prefix
};

// The entries of the cache, or empty with `note` saying why (missing, corrupt, other key).
CommitChanges load_cache(const CacheFile& file, std::string* note);

// Writes `entries` atomically (temp file + rename). Errors are ignored: the cache only saves
// time, a build never fails because of it.
using CommitChangesView = std::map<std::string, const std::vector<ItemChange>*>;
void store_cache(const CacheFile& file, const CommitChangesView& entries);

}  // namespace trustpage::history_detail
