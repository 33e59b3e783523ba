// Finding the git repository that holds a content directory, and what it says about it
// (private to the source library; shared by the worktree and git sources).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "source/git_handles.h"
#include "source/source.h"

namespace trustpage::source_detail {

struct ContentRepository {
  GitRepository repo;
  std::string root;    // absolute work tree path, no trailing slash
  std::string prefix;  // content dir relative to root: "" or "content/"
};

// The repository whose work tree contains `content_dir` (absolute), or nullopt when there
// is none. When a repository is found but cannot be used (unreadable, not owned by this
// user, bare), `problem` says why, so "not a git repository" is never said of one.
std::optional<ContentRepository> find_content_repository(const std::filesystem::path& content_dir,
                                                         std::string* problem = nullptr);

// Commit id (40 hex digits), committer time and offset.
void set_commit_provenance(const git_commit* commit, Provenance& provenance);

// Whether anything under `prefix` differs from HEAD (staged, modified or untracked).
// Approximate on purpose: errors count as clean, since this only feeds a hint.
bool content_is_dirty(git_repository* repo, const std::string& prefix);

}  // namespace trustpage::source_detail
