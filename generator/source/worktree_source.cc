// The content directory as it is on disk. Every lookup walks the path one component at a
// time with symlink_status, so a symlink anywhere on the way is refused, never followed.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "source/path.h"
#include "source/repository.h"
#include "source/source.h"

namespace trustpage {
namespace {

namespace fs = std::filesystem;
using source_detail::display_join;
using source_detail::split_relative;

// Closes a POSIX file descriptor on every path out of read().
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

class WorktreeSource final : public Source {
 public:
  WorktreeSource(fs::path root, std::string shown, Provenance provenance)
      : root_(std::move(root)), shown_(std::move(shown)), provenance_(std::move(provenance)) {}

  Result<std::vector<Entry>> list(std::string_view dir) const override {
    Result<Resolved> resolved = resolve(dir);
    if (!resolved.ok()) return resolved.status();
    if (resolved->type != fs::file_type::directory) {
      return error(dir, "is not a folder");
    }
    std::vector<Entry> entries;
    std::error_code ec;
    fs::directory_iterator it(resolved->path, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      fs::file_status status = it->symlink_status(type_ec);
      Entry entry;
      entry.name = it->path().filename().string();
      entry.kind = type_ec ? EntryKind::kOther : kind_of(status.type());
      entries.push_back(std::move(entry));
    }
    if (ec) return error(dir, "cannot be listed: " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
  }

  Result<std::string> read(std::string_view path) const override {
    Result<Resolved> resolved = resolve(path);
    if (!resolved.ok()) return resolved.status();
    if (resolved->type != fs::file_type::regular) return error(path, "is not a regular file");
    // O_NOFOLLOW: even if the file became a symlink since resolve(), it is not followed.
    Fd fd(::open(resolved->path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) {
      return error(path,
                   "cannot be read: " + std::error_code(errno, std::generic_category()).message());
    }
    std::string bytes;
    char buffer[64 * 1024];
    while (true) {
      ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        return error(
            path, "cannot be read: " + std::error_code(errno, std::generic_category()).message());
      }
      if (n == 0) break;
      bytes.append(buffer, static_cast<size_t>(n));
    }
    return bytes;
  }

  bool is_directory(std::string_view path) const override {
    Result<Resolved> resolved = resolve(path);
    return resolved.ok() && resolved->type == fs::file_type::directory;
  }

  bool is_file(std::string_view path) const override {
    Result<Resolved> resolved = resolve(path);
    return resolved.ok() && resolved->type == fs::file_type::regular;
  }

  const Provenance& provenance() const override { return provenance_; }

  std::string display_path(std::string_view path) const override {
    return display_join(shown_, path);
  }

 private:
  struct Resolved {
    fs::path path;
    fs::file_type type = fs::file_type::none;
  };

  static EntryKind kind_of(fs::file_type type) {
    switch (type) {
      case fs::file_type::regular:
        return EntryKind::kFile;
      case fs::file_type::directory:
        return EntryKind::kDirectory;
      case fs::file_type::symlink:
        return EntryKind::kSymlink;
      default:
        return EntryKind::kOther;
    }
  }

  Status error(std::string_view path, const std::string& what) const {
    return Status::Error(Location{display_path(path)}, "this " + what);
  }

  // Walks `path` from the root; refuses "..", absolute paths and symlinks on the way.
  Result<Resolved> resolve(std::string_view path) const {
    auto parts = split_relative(path);
    if (!parts) return error(path, "is outside the content folder");
    Resolved out{root_, fs::file_type::directory};
    std::string walked;
    for (const std::string& part : *parts) {
      if (out.type != fs::file_type::directory) return error(walked, "is not a folder");
      out.path /= part;
      walked = join_path(walked, part);
      std::error_code ec;
      fs::file_status status = fs::symlink_status(out.path, ec);
      if (ec || status.type() == fs::file_type::not_found) return error(walked, "does not exist");
      out.type = status.type();
      if (out.type == fs::file_type::symlink) {
        return error(
            walked, "is a symlink — symlinks are refused; replace it with the real file or folder");
      }
    }
    return out;
  }

  fs::path root_;
  std::string shown_;
  Provenance provenance_;
};

Provenance worktree_provenance(const fs::path& dir) {
  Provenance provenance;
  provenance.worktree = true;
  auto found = source_detail::find_content_repository(dir);
  if (!found) return provenance;
  provenance.repo_root = found->root;
  provenance.content_prefix = found->prefix;
  git_reference* head_raw = nullptr;
  if (git_repository_head(&head_raw, found->repo.get()) == 0) {
    source_detail::GitReference head(head_raw);
    git_object* peeled = nullptr;
    if (git_reference_peel(&peeled, head.get(), GIT_OBJECT_COMMIT) == 0) {
      source_detail::GitObject commit(peeled);
      source_detail::set_commit_provenance(reinterpret_cast<const git_commit*>(commit.get()),
                                           provenance);
    }
  }
  provenance.dirty = source_detail::content_is_dirty(found->repo.get(), found->prefix);
  return provenance;
}

}  // namespace

Result<std::unique_ptr<Source>> open_worktree(const std::filesystem::path& content_dir) {
  std::string shown = source_detail::shown_dir(content_dir.generic_string());
  std::error_code ec;
  fs::path root = fs::absolute(content_dir, ec);
  if (ec) return Status::Error(shown + ": " + ec.message());
  root = root.lexically_normal();
  fs::file_status status = fs::status(root, ec);
  if (status.type() == fs::file_type::not_found) {
    return Status::Error("content folder " + shown +
                         " does not exist — create it, or pass the right "
                         "folder");
  }
  if (ec) return Status::Error(shown + ": " + ec.message());
  if (status.type() != fs::file_type::directory) {
    return Status::Error(shown + " is not a folder");
  }
  Provenance provenance = worktree_provenance(root);
  return std::unique_ptr<Source>(
      std::make_unique<WorktreeSource>(root, std::move(shown), std::move(provenance)));
}

}  // namespace trustpage
