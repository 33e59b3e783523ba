// The temporary folder a build writes the new site into, beside the output folder, and the
// clean-up of those that killed builds left behind.
//
// Each staging folder `.public.tmp-XXXXXX` has a marker file beside it,
// `.public.tmp-XXXXXX.lock`, which its build holds locked (flock) until the folder is gone.
// A marker that can be locked belongs to a build that no longer runs, so its folder is
// litter: the next build of the same output removes both. Nothing without such a marker is
// ever removed. The marker sits beside the folder, not in it, so it never reaches the site.
#pragma once

#include <filesystem>
#include <memory>

#include "common/status.h"

namespace trustpage {

class StagingFolder {
 public:
  // Removes what killed builds of `out_dir` left, then creates a fresh staging folder.
  static Result<std::unique_ptr<StagingFolder>> create(const std::filesystem::path& out_dir);

  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  // Removes the folder (whatever it holds by then: the new site, or after the swap the
  // previous one), then the marker, then releases the lock.
  ~StagingFolder();

  const std::filesystem::path& path() const { return dir_; }

 private:
  StagingFolder(std::filesystem::path dir, std::filesystem::path marker, int lock_fd)
      : dir_(std::move(dir)), marker_(std::move(marker)), lock_fd_(lock_fd) {}

  std::filesystem::path dir_;
  std::filesystem::path marker_;
  int lock_fd_;
};

// Removes the staging folders of `out_dir` whose builds were killed (see above); returns
// how many. Folders of builds still running, and anything unmarked, are left alone.
size_t remove_abandoned_staging(const std::filesystem::path& out_dir);

}  // namespace trustpage
