#include "sign/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "sign/digest.h"
#include "sign/manifest.h"

namespace trustpage {

Result<RegularFile> RegularFile::open(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) return Status::Error("is a symbolic link");
    return Status::Error(std::string("cannot be read: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Error(S_ISFIFO(st.st_mode)                         ? "is a FIFO"
                         : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "is a device"
                         : S_ISSOCK(st.st_mode)                       ? "is a socket"
                         : S_ISDIR(st.st_mode)                        ? "is a folder"
                                                                      : "is not a regular file");
  }
  return RegularFile(fd, static_cast<std::uint64_t>(st.st_size));
}

RegularFile::RegularFile(RegularFile&& other) noexcept : fd_(other.fd_), size_(other.size_) {
  other.fd_ = -1;
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::string> RegularFile::read_all(std::uint64_t max_bytes) {
  if (size_ > max_bytes) {
    return Status::Error("is larger than " + std::to_string(max_bytes >> 20) +
                         " MB, too large for a release file");
  }
  std::string bytes(static_cast<size_t>(size_), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;  // shrank while being read: what is there is what was read
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

Result<std::string> RegularFile::sha256_hex() {
  sign_internal::StreamingDigest digest(sign_internal::DigestName::kSha256);
  std::vector<char> block(1 << 16);
  for (;;) {
    ssize_t n = ::read(fd_, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    digest.update(std::string_view(block.data(), static_cast<size_t>(n)));
  }
  std::optional<std::string> raw = digest.finish();
  if (!raw) return Status::Error("cannot be hashed (OpenSSL has no SHA-256)");
  return hex_string(*raw);
}

}  // namespace trustpage
