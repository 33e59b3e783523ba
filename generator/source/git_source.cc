// The content directory as committed at a revision: the bytes a build publishes are exactly
// the committed ones, whatever the work tree holds right now.
#include <algorithm>
#include <system_error>

#include "source/git_handles.h"
#include "source/path.h"
#include "source/repository.h"
#include "source/source.h"

namespace trustpage {
namespace {

namespace fs = std::filesystem;
using namespace source_detail;

EntryKind kind_of(git_filemode_t mode) {
  switch (mode) {
    case GIT_FILEMODE_BLOB:
    case GIT_FILEMODE_BLOB_EXECUTABLE:
      return EntryKind::kFile;
    case GIT_FILEMODE_TREE:
      return EntryKind::kDirectory;
    case GIT_FILEMODE_LINK:
      return EntryKind::kSymlink;
    default:  // GIT_FILEMODE_COMMIT: a submodule, whose files are not in this repository
      return EntryKind::kOther;
  }
}

class GitSource final : public Source {
 public:
  GitSource(GitRepository repo, GitTree root, std::string shown, Provenance provenance)
      : repo_(std::move(repo)),
        root_(std::move(root)),
        shown_(std::move(shown)),
        provenance_(std::move(provenance)) {}

  Result<std::vector<Entry>> list(std::string_view dir) const override {
    Result<GitTree> owned = subtree(dir);
    if (!owned.ok()) return owned.status();
    const git_tree* tree = owned->get() ? owned->get() : root_.get();
    std::vector<Entry> entries;
    size_t count = git_tree_entrycount(tree);
    entries.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      entries.push_back({git_tree_entry_name(entry), kind_of(git_tree_entry_filemode(entry))});
    }
    // Git orders trees as if their names ended in '/'; the contract is plain name order.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
  }

  Result<std::string> read(std::string_view path) const override {
    Result<GitTreeEntry> entry = find(path);
    if (!entry.ok()) return entry.status();
    git_filemode_t mode = git_tree_entry_filemode(entry->get());
    if (mode == GIT_FILEMODE_LINK) {
      return error(path,
                   "is a symlink — symlinks are refused; replace it with the real file or folder");
    }
    if (kind_of(mode) != EntryKind::kFile) return error(path, "is not a regular file");
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_.get(), git_tree_entry_id(entry->get())) != 0) {
      return error(path, "cannot be read from git: " + last_git_error());
    }
    GitBlob blob(raw);
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                       static_cast<size_t>(git_blob_rawsize(blob.get())));
  }

  bool is_directory(std::string_view path) const override {
    if (path.empty()) return true;
    Result<GitTreeEntry> entry = find(path);
    return entry.ok() && git_tree_entry_filemode(entry->get()) == GIT_FILEMODE_TREE;
  }

  bool is_file(std::string_view path) const override {
    Result<GitTreeEntry> entry = find(path);
    return entry.ok() && kind_of(git_tree_entry_filemode(entry->get())) == EntryKind::kFile;
  }

  const Provenance& provenance() const override { return provenance_; }

  std::string display_path(std::string_view path) const override {
    return display_join(shown_, path);
  }

 private:
  Status error(std::string_view path, const std::string& what) const {
    return Status::Error(Location{display_path(path)}, "this " + what);
  }

  // The entry at `path` below the content root. git_tree_entry_bypath only descends into
  // trees, so a symlinked folder on the way is "not found", never followed.
  Result<GitTreeEntry> find(std::string_view path) const {
    auto parts = split_relative(path);
    if (!parts) return error(path, "is outside the content folder");
    if (parts->empty()) return error(path, "is the content folder itself");
    git_tree_entry* raw = nullptr;
    std::string key(path);
    if (git_tree_entry_bypath(&raw, root_.get(), key.c_str()) != 0) {
      return error(path, "is not in commit " + provenance_.commit.substr(0, 7));
    }
    return GitTreeEntry(raw);
  }

  // The tree at `dir`; an empty pointer stands for the root, which root_ already owns.
  Result<GitTree> subtree(std::string_view dir) const {
    if (dir.empty()) return GitTree();
    Result<GitTreeEntry> entry = find(dir);
    if (!entry.ok()) return entry.status();
    if (git_tree_entry_filemode(entry->get()) != GIT_FILEMODE_TREE) {
      return error(dir, "is not a folder");
    }
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_.get(), git_tree_entry_id(entry->get())) != 0) {
      return error(dir, "cannot be read from git: " + last_git_error());
    }
    return GitTree(raw);
  }

  GitRepository repo_;
  GitTree root_;
  std::string shown_;
  Provenance provenance_;
};

const char kWorktreeHint[] = "use --worktree to build from the files on disk";

}  // namespace

Result<std::unique_ptr<Source>> open_git(const std::filesystem::path& content_dir,
                                         const std::string& rev) {
  std::string shown = shown_dir(content_dir.generic_string());
  Location where;  // empty: every message below names the folder itself
  std::error_code ec;
  fs::path absolute = fs::absolute(content_dir, ec);
  if (ec) return Status::Error(where, shown + ": " + ec.message());

  std::string problem;
  auto found = find_content_repository(absolute.lexically_normal(), &problem);
  if (!found && !problem.empty()) return Status::Error(where, problem + " — or " + kWorktreeHint);
  if (!found) {
    return Status::Error(where, shown +
                                    " is not inside a git repository — commit it to git (git "
                                    "init, git add, git commit), or " +
                                    kWorktreeHint);
  }
  git_repository* repo = found->repo.get();

  git_object* raw_object = nullptr;
  if (git_revparse_single(&raw_object, repo, rev.c_str()) != 0) {
    if (rev == "HEAD" && git_repository_head_unborn(repo) == 1) {
      return Status::Error(where, "the repository has no commits yet — commit " + shown +
                                      "/ first, or " + kWorktreeHint);
    }
    return Status::Error(where, "unknown revision \"" + rev +
                                    "\" — give a commit id, branch or tag (`git log --oneline` "
                                    "lists commits)");
  }
  GitObject object(raw_object);
  git_object* raw_commit = nullptr;
  if (git_object_peel(&raw_commit, object.get(), GIT_OBJECT_COMMIT) != 0) {
    return Status::Error(where, "revision \"" + rev + "\" does not name a commit");
  }
  GitCommit commit(reinterpret_cast<git_commit*>(raw_commit));

  Provenance provenance;
  set_commit_provenance(commit.get(), provenance);
  provenance.worktree = false;
  provenance.repo_root = found->root;
  provenance.content_prefix = found->prefix;

  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) != 0) {
    return Status::Error(
        where, "cannot read commit " + provenance.commit.substr(0, 7) + ": " + last_git_error());
  }
  GitTree tree(raw_tree);
  if (!found->prefix.empty()) {
    std::string dir = found->prefix.substr(0, found->prefix.size() - 1);
    git_tree_entry* raw_entry = nullptr;
    bool committed = git_tree_entry_bypath(&raw_entry, tree.get(), dir.c_str()) == 0;
    GitTreeEntry entry(raw_entry);
    git_tree* raw_subtree = nullptr;
    if (committed && git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_TREE &&
        git_tree_lookup(&raw_subtree, repo, git_tree_entry_id(entry.get())) == 0) {
      tree.reset(raw_subtree);
    } else {
      return Status::Error(where, shown + "/ is not in commit " + provenance.commit.substr(0, 7) +
                                      " — commit it, or use --worktree to preview uncommitted "
                                      "files");
    }
  }

  // "Dirty" only means something when building the commit the work tree is on.
  git_oid head;
  if (git_reference_name_to_id(&head, repo, "HEAD") == 0 &&
      git_oid_equal(&head, git_commit_id(commit.get()))) {
    provenance.dirty = content_is_dirty(repo, found->prefix);
  }

  return std::unique_ptr<Source>(std::make_unique<GitSource>(
      std::move(found->repo), std::move(tree), std::move(shown), std::move(provenance)));
}

}  // namespace trustpage
