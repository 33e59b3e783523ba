// A file of a bundle opened the way a verifier must: never through a symlink at its end,
// never blocking on a FIFO swapped in after the caller looked, refusing devices and
// sockets; then read whole up to a cap, or hashed in blocks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/status.h"

namespace trustpage {

class RegularFile {
 public:
  // Fails saying what the path is instead ("is a symbolic link", "is a FIFO", …).
  static Result<RegularFile> open(const std::filesystem::path& path);
  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&&) = delete;
  ~RegularFile();

  std::uint64_t size() const { return size_; }
  // The whole file; fails when it is larger than `max_bytes`.
  Result<std::string> read_all(std::uint64_t max_bytes);
  // SHA-256 in hex, read in 64 KiB blocks: memory stays flat whatever the size.
  Result<std::string> sha256_hex();

 private:
  RegularFile(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace trustpage
