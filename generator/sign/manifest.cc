#include "sign/manifest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "sign/digest.h"

namespace trustpage {

bool is_signature_file(std::string_view path) {
  return path == kManifestPath || path == kMinisignPath || path == kSshsigPath ||
         path == kRotationSigPath;
}

namespace {

std::string hex(std::string_view raw) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  return hex(sign_internal::digest(sign_internal::DigestName::kSha256, bytes).value_or(""));
}

Result<std::string> sha256_file(const std::filesystem::path& path) {
  // O_NOFOLLOW and O_NONBLOCK: a symlink or a FIFO swapped in after the caller looked is
  // still refused, and opening a FIFO never blocks.
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
                                                                      : "is not a regular file");
  }
  sign_internal::StreamingDigest digest(sign_internal::DigestName::kSha256);
  std::vector<char> block(1 << 16);
  for (;;) {
    ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      return Status::Error(std::string("cannot be read: ") + std::strerror(error));
    }
    if (n == 0) break;
    digest.update(std::string_view(block.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  std::optional<std::string> raw = digest.finish();
  if (!raw) return Status::Error("cannot be hashed (OpenSSL has no SHA-256)");
  return hex(*raw);
}

std::string make_manifest(const Bundle& bundle) {
  std::string out;
  for (const auto& [path, bytes] : bundle.files()) {  // std::map: sorted by bytes
    if (is_signature_file(path)) continue;
    out += sha256_hex(bytes) + "  " + path + "\n";
  }
  return out;
}

Result<std::map<std::string, std::string>> parse_manifest(std::string_view text) {
  std::map<std::string, std::string> out;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "the last line has no newline: the manifest is truncated");
    }
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    bool hex = line.size() > 66 &&
               line.substr(0, 64).find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!hex || line.substr(64, 2) != "  " || !is_safe_relative_path(line.substr(66))) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "not a \"<sha256>  <path>\" line");
    }
    if (!out.emplace(std::string(line.substr(66)), std::string(line.substr(0, 64))).second) {
      return Status::Error(Location{std::string(kManifestPath), line_no, 0},
                           "lists " + std::string(line.substr(66)) + " twice");
    }
  }
  return out;
}

}  // namespace trustpage
