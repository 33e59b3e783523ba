#include "output/output.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "common/stage.h"
#include "output/staging.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

Status write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error("cannot create " + path.string() + ": " + errno_text());
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = errno_text();
      ::close(fd);
      return Status::Error("cannot write " + path.string() + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::Error("cannot write " + path.string() + ": " + errno_text());
  return Status::Ok();
}

Status check_replaceable(const fs::path& out_dir) {
  std::error_code ec;
  auto st = fs::symlink_status(out_dir, ec);
  if (ec || st.type() == fs::file_type::not_found) return Status::Ok();
  if (st.type() != fs::file_type::directory) {
    return Status::Error(out_dir.string() +
                         " exists and is not a directory — choose another --out");
  }
  if (fs::is_empty(out_dir, ec) || fs::exists(out_dir / "index.html", ec)) return Status::Ok();
  return Status::Error("refusing to replace " + out_dir.string() +
                       ": it is not empty and has no index.html, so it does not look like a "
                       "published site — remove it yourself or choose another --out");
}

// Flushes the file system holding `dir` (syncfs: one call instead of an fsync per file),
// or just the directory's own entries (a rename).
Status sync(const fs::path& dir, bool whole_file_system) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Error("cannot open " + dir.string() + ": " + errno_text());
  int rc = whole_file_system ? ::syncfs(fd) : ::fsync(fd);
  std::string why = rc == 0 ? "" : errno_text();
  ::close(fd);
  if (rc != 0) return Status::Error("cannot flush " + dir.string() + " to disk: " + why);
  return Status::Ok();
}

}  // namespace

Status write_atomically(const Bundle& bundle, const fs::path& out_dir_arg) {
  StageScope stage("output");
  if (Status s = check_replaceable(out_dir_arg); !s.ok()) return s;
  fs::path out_dir = out_dir_arg.lexically_normal();
  if (out_dir.filename().empty()) out_dir = out_dir.parent_path();
  fs::path parent = out_dir.parent_path().empty() ? fs::path(".") : out_dir.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::Error("cannot create " + parent.string() + ": " + ec.message());

  // A sibling, so the final rename stays on one filesystem. It goes away with `staging`
  // however this function returns; a killed build's is removed by the next build.
  Result<std::unique_ptr<StagingFolder>> created = StagingFolder::create(out_dir);
  if (!created.ok()) return created.status();
  const fs::path& staging = (*created)->path();

  for (const auto& [path, bytes] : bundle.files()) {
    fs::path target = staging / path;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      return Status::Error("cannot create " + target.parent_path().string() + ": " + ec.message());
    }
    if (Status s = write_file(target, bytes); !s.ok()) return s;
  }

  // On disk before the rename publishes it: after a power loss the new site is complete
  // or absent, never a tree of empty files.
  if (Status s = sync(staging, true); !s.ok()) return s;

  if (fs::exists(out_dir, ec)) {
    // RENAME_EXCHANGE swaps both names in one step: there is no instant without a site.
    // The staging folder then holds the previous site, removed with it.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out_dir.c_str(), RENAME_EXCHANGE) != 0) {
      return Status::Error("cannot replace " + out_dir.string() + ": " + errno_text());
    }
  } else if (::rename(staging.c_str(), out_dir.c_str()) != 0) {
    return Status::Error("cannot create " + out_dir.string() + ": " + errno_text());
  }
  return sync(parent, false);
}

}  // namespace trustpage
