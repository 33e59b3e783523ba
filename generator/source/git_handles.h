// RAII for libgit2 handles (shared by the libraries that read git: source, history): every handle is a unique_ptr
// with its git_*_free deleter, so no error path can leak one.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

namespace trustpage::source_detail {

template <class T, void (*Free)(T*)>
struct GitFree {
  void operator()(T* handle) const { Free(handle); }
};

template <class T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitFree<T, Free>>;

using GitRepository = GitPtr<git_repository, git_repository_free>;
using GitObject = GitPtr<git_object, git_object_free>;
using GitCommit = GitPtr<git_commit, git_commit_free>;
using GitTree = GitPtr<git_tree, git_tree_free>;
using GitTreeEntry = GitPtr<git_tree_entry, git_tree_entry_free>;
using GitBlob = GitPtr<git_blob, git_blob_free>;
using GitReference = GitPtr<git_reference, git_reference_free>;
using GitStatusList = GitPtr<git_status_list, git_status_list_free>;

// A git_buf that disposes of itself.
struct GitBuf {
  git_buf buf = GIT_BUF_INIT;
  GitBuf() = default;
  GitBuf(const GitBuf&) = delete;
  GitBuf& operator=(const GitBuf&) = delete;
  ~GitBuf() { git_buf_dispose(&buf); }
};

// Initializes libgit2 once per process. It is never shut down: handles owned by Sources
// may outlive any static object, and the OS reclaims everything at exit anyway.
void ensure_libgit2();

// libgit2's message for the last failure on this thread ("unknown error" if none).
std::string last_git_error();

}  // namespace trustpage::source_detail
