#include "output/staging.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace trustpage {
namespace fs = std::filesystem;

namespace {

// The first line of every marker: what makes a folder recognisably ours.
constexpr std::string_view kMarkerText = "trustpage build staging folder\n";
constexpr std::string_view kMarkerSuffix = ".lock";
constexpr size_t kRandomChars = 6;  // mkstemps' XXXXXX

// ".public.tmp-" for the output folder public/.
std::string staging_prefix(const fs::path& out_dir) {
  return "." + out_dir.filename().string() + ".tmp-";
}

fs::path normal(const fs::path& out_dir) {
  fs::path out = out_dir.lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

fs::path parent_of(const fs::path& out) {
  return out.parent_path().empty() ? fs::path(".") : out.parent_path();
}

bool is_marker_name(const std::string& name, const std::string& prefix) {
  if (name.size() != prefix.size() + kRandomChars + kMarkerSuffix.size()) return false;
  if (!name.starts_with(prefix) || !name.ends_with(kMarkerSuffix)) return false;
  for (size_t i = prefix.size(); i < prefix.size() + kRandomChars; ++i) {
    char c = name[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) return false;
  }
  return true;
}

// Whether the open marker `fd` says what a marker says.
bool holds_marker_text(int fd) {
  char buffer[64] = {};
  ssize_t n = ::pread(fd, buffer, kMarkerText.size(), 0);
  return n == static_cast<ssize_t>(kMarkerText.size()) &&
         std::string_view(buffer, static_cast<size_t>(n)) == kMarkerText;
}

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

size_t remove_abandoned_staging(const fs::path& out_dir) {
  const fs::path out = normal(out_dir);
  const std::string prefix = staging_prefix(out);
  size_t removed = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(parent_of(out), ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_marker_name(name, prefix) || !it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    int fd = ::open(it->path().c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    // Locked: its build is still running. Unlocked: the build is gone (a lock dies with
    // its process, however it ended), so what it left is ours to remove.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && holds_marker_text(fd)) {
      fs::path dir = it->path();
      dir.replace_filename(name.substr(0, name.size() - kMarkerSuffix.size()));
      std::error_code ignored;
      if (fs::symlink_status(dir, ignored).type() == fs::file_type::directory) {
        fs::remove_all(dir, ignored);
      }
      if (!fs::exists(fs::symlink_status(dir, ignored))) {
        fs::remove(it->path(), ignored);
        ++removed;
      }
    }
    ::close(fd);
  }
  return removed;
}

Result<std::unique_ptr<StagingFolder>> StagingFolder::create(const fs::path& out_dir) {
  const fs::path out = normal(out_dir);
  remove_abandoned_staging(out);
  const fs::path parent = parent_of(out);
  // The marker first, locked, then the folder named after it: there is no moment when an
  // unmarked folder of ours exists.
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string marker =
        (parent / (staging_prefix(out) + std::string(kRandomChars, 'X') + ".lock")).string();
    int fd = ::mkstemps(marker.data(), static_cast<int>(kMarkerSuffix.size()));
    if (fd < 0) {
      return Status::Error("cannot create a temporary folder next to " + out.string() + ": " +
                           std::strerror(errno));
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (::flock(fd, LOCK_EX) != 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(marker.c_str());
      return Status::Error("cannot lock " + marker + ": " + why);
    }
    write_all(fd, kMarkerText);
    write_all(fd, "pid " + std::to_string(::getpid()) +
                      "; removed by the next build of this output once the build is gone\n");
    fs::path dir = marker.substr(0, marker.size() - kMarkerSuffix.size());
    if (::mkdir(dir.c_str(), 0755) == 0) {
      return std::unique_ptr<StagingFolder>(new StagingFolder(dir, marker, fd));
    }
    int error = errno;
    ::unlink(marker.c_str());
    ::close(fd);
    if (error != EEXIST) {
      return Status::Error("cannot create a temporary folder next to " + out.string() + ": " +
                           std::strerror(error));
    }
  }
  return Status::Error("cannot create a temporary folder next to " + out.string() +
                       ": every name tried exists");
}

StagingFolder::~StagingFolder() {
  std::error_code ec;
  // Renamed to the output folder, the name is free: removing it is then a no-op. The marker
  // keeps the name ours until here, so no other build can have taken it.
  fs::remove_all(dir_, ec);
  // Only once the folder is gone: a build killed while removing it leaves the marker, so
  // the next build finishes the job.
  if (!fs::exists(fs::symlink_status(dir_, ec))) fs::remove(marker_, ec);
  ::close(lock_fd_);
}

}  // namespace trustpage
