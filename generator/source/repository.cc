#include "source/repository.h"

#include <system_error>

namespace trustpage::source_detail {

namespace fs = std::filesystem;

void ensure_libgit2() {
  static const bool initialized = [] {
    git_libgit2_init();
    return true;
  }();
  (void)initialized;
}

std::string last_git_error() {
  const git_error* error = git_error_last();
  return error && error->message ? error->message : "unknown error";
}

namespace {

// The deepest existing directory at or above `dir`: discovery needs a real starting
// point, yet open_git must work when the content dir was deleted after being committed.
fs::path existing_ancestor(fs::path dir) {
  std::error_code ec;
  while (!dir.empty() && !fs::is_directory(dir, ec)) {
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return dir;
}

fs::path canonical_or_lexical(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : result;
}

}  // namespace

std::optional<ContentRepository> find_content_repository(const fs::path& content_dir,
                                                         std::string* problem) {
  ensure_libgit2();
  fs::path start = existing_ancestor(content_dir);
  GitBuf found;
  if (git_repository_discover(&found.buf, start.c_str(), 0, nullptr) != 0) return std::nullopt;
  git_repository* raw = nullptr;
  if (git_repository_open(&raw, found.buf.ptr) != 0) {
    if (problem)
      *problem = "cannot open the git repository at " + std::string(found.buf.ptr) + ": " +
                 last_git_error();
    return std::nullopt;
  }
  GitRepository repo(raw);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) {  // bare: there are no files to read
    if (problem) *problem = std::string(found.buf.ptr) + " is a bare repository without files";
    return std::nullopt;
  }

  fs::path root = canonical_or_lexical(workdir);
  fs::path content = canonical_or_lexical(content_dir);
  fs::path relative = content.lexically_relative(root);
  std::string rel = relative.generic_string();
  if (relative.empty() || rel == ".." || rel.starts_with("../")) return std::nullopt;

  ContentRepository out;
  out.repo = std::move(repo);
  out.root = root.generic_string();
  while (out.root.size() > 1 && out.root.back() == '/') out.root.pop_back();
  out.prefix = rel == "." ? "" : rel + "/";
  return out;
}

void set_commit_provenance(const git_commit* commit, Provenance& provenance) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
  provenance.commit = hex;
  provenance.time = git_commit_time(commit);
  provenance.offset_minutes = git_commit_time_offset(commit);
}

bool content_is_dirty(git_repository* repo, const std::string& prefix) {
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES |
                  GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
  // A literal pathspec (no globbing): the content dir's own name may contain '*' or '['.
  std::string spec = prefix;
  if (!spec.empty() && spec.back() == '/') spec.pop_back();
  char* paths[] = {spec.data()};
  if (!spec.empty()) options.pathspec = {paths, 1};
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo, &options) != 0) return false;
  GitStatusList list(raw);
  return git_status_list_entrycount(list.get()) > 0;
}

}  // namespace trustpage::source_detail
