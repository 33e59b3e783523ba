#include "output/output.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
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

Status write_file(const fs::path& path, std::string_view bytes) {
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

// Under `dir`, creating the folders on the way.
Status write_into(const fs::path& dir, const std::string& path, std::string_view bytes) {
  fs::path target = dir / path;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return Status::Error("cannot create " + target.parent_path().string() + ": " + ec.message());
  }
  return write_file(target, bytes);
}

fs::path normal_out_dir(const fs::path& out_dir_arg) {
  fs::path out_dir = out_dir_arg.lexically_normal();
  if (out_dir.filename().empty()) out_dir = out_dir.parent_path();
  return out_dir;
}

fs::path parent_of(const fs::path& out_dir) {
  return out_dir.parent_path().empty() ? fs::path(".") : out_dir.parent_path();
}

}  // namespace

StagedOutput::StagedOutput(fs::path out_dir, std::unique_ptr<StagingFolder> staging, Hash hash)
    : out_dir_(std::move(out_dir)), staging_(std::move(staging)), hash_(std::move(hash)) {}

StagedOutput::~StagedOutput() = default;

Result<std::unique_ptr<StagedOutput>> StagedOutput::open(const fs::path& out_dir_arg, Hash hash) {
  StageScope stage("output");
  if (Status s = check_replaceable(out_dir_arg); !s.ok()) return s;
  const fs::path out_dir = normal_out_dir(out_dir_arg);
  const fs::path parent = parent_of(out_dir);
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::Error("cannot create " + parent.string() + ": " + ec.message());
  // A sibling, so the final rename stays on one filesystem. It goes away with this object
  // however the build ends; a killed build's is removed by the next build.
  Result<std::unique_ptr<StagingFolder>> created = StagingFolder::create(out_dir);
  if (!created.ok()) return created.status();
  return std::unique_ptr<StagedOutput>(
      new StagedOutput(out_dir, std::move(*created), std::move(hash)));
}

Result<std::string> StagedOutput::put(const std::string& path, std::string_view bytes) {
  if (Status s = write_into(staging_->path(), path, bytes); !s.ok()) return s;
  return hash_ ? hash_(bytes) : std::string();
}

Result<std::string> StagedOutput::get(const std::string& path) const {
  const fs::path file = staging_->path() / path;
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Status::Error("cannot read " + file.string());
  return bytes;
}

Status StagedOutput::commit(const Bundle& bundle) {
  StageScope stage("output");
  const fs::path& staging = staging_->path();
  for (const auto& [path, bytes] : bundle.files()) {
    if (Status s = write_into(staging, path, bytes); !s.ok()) return s;
  }
  // On disk before the rename publishes it: after a power loss the new site is complete
  // or absent, never a tree of empty files.
  if (Status s = sync(staging, true); !s.ok()) return s;

  std::error_code ec;
  if (fs::exists(out_dir_, ec)) {
    // RENAME_EXCHANGE swaps both names in one step: there is no instant without a site.
    // The staging folder then holds the previous site, removed with it.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) != 0) {
      return Status::Error("cannot replace " + out_dir_.string() + ": " + errno_text());
    }
  } else if (::rename(staging.c_str(), out_dir_.c_str()) != 0) {
    return Status::Error("cannot create " + out_dir_.string() + ": " + errno_text());
  }
  return sync(parent_of(out_dir_), false);
}

Status write_atomically(const Bundle& bundle, const fs::path& out_dir) {
  Result<std::unique_ptr<StagedOutput>> staged = StagedOutput::open(out_dir, nullptr);
  if (!staged.ok()) return staged.status();
  return (*staged)->commit(bundle);
}

}  // namespace trustpage
