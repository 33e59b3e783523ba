#include "common/atomic_file.h"

#include <unistd.h>

#include <fstream>
#include <system_error>

namespace trustpage {
namespace fs = std::filesystem;

Status write_file_atomically(const fs::path& path, std::string_view bytes) {
  fs::path temp = path;
  temp += ".tmp." + std::to_string(::getpid());
  std::error_code ec;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.flush();
    if (!out) {
      out.close();
      fs::remove(temp, ec);
      return Status::Error(Location{path.string()},
                           "cannot write this file (is the folder there, "
                           "and writable? is the disk full?)");
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return Status::Error(Location{path.string()}, "cannot write this file: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace trustpage
