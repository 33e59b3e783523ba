#include "sign/bundle_folder.h"

#include "bundle/bundle.h"
#include "sign/manifest.h"
#include "sign/regular_file.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

std::string kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::symlink:
      return "is a symbolic link";
    case fs::file_type::fifo:
      return "is a FIFO";
    case fs::file_type::block:
    case fs::file_type::character:
      return "is a device";
    case fs::file_type::socket:
      return "is a socket";
    case fs::file_type::directory:
      return "is a folder";
    default:
      return "is not a regular file";
  }
}

}  // namespace

SiteFileReader folder_reader(const fs::path& root) {
  return [root](std::string_view path) -> Result<std::optional<std::string>> {
    const std::string shown = (root / std::string(path)).string();
    if (!is_safe_relative_path(path)) return Status::Error(shown + ": not a plain relative path");
    // Every folder on the way and the file itself: a symlink could lead outside the site.
    fs::path at = root;
    size_t start = 0;
    std::error_code ec;
    for (;;) {
      size_t slash = path.find('/', start);
      at /= std::string(path.substr(start, slash - start));
      fs::file_status st = fs::symlink_status(at, ec);
      if (ec || st.type() == fs::file_type::not_found) return std::optional<std::string>();
      if (slash == std::string_view::npos) {
        if (st.type() != fs::file_type::regular) {
          return Status::Error(shown + ": " + kind_of(st.type()));
        }
        break;
      }
      if (st.type() != fs::file_type::directory) {
        return Status::Error(at.string() + ": " + kind_of(st.type()));
      }
      start = slash + 1;
    }
    Result<RegularFile> file = RegularFile::open(at);
    Result<std::string> bytes =
        file.ok() ? file->read_all(kMaxReleaseFileBytes) : Result<std::string>(file.status());
    if (!bytes.ok()) return Status::Error(shown + ": " + bytes.status().message());
    return std::optional<std::string>(std::move(*bytes));
  };
}

Result<BundleListing> list_bundle_folder(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return Status::Error(root.string() + ": no such folder");
  }
  BundleListing listing;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) return Status::Error(root.string() + ": cannot be read: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::Error(root.string() + ": cannot be read: " + ec.message());
    fs::file_type type = it->symlink_status(ec).type();
    if (type == fs::file_type::directory) continue;
    std::string path = it->path().lexically_relative(root).generic_string();
    FoundFile& found = listing[path];
    if (type != fs::file_type::regular) {
      found.problem = kind_of(type);
      continue;
    }
    Result<std::string> digest = sha256_file(it->path());
    if (digest.ok()) {
      found.sha256 = *digest;
    } else {
      found.problem = digest.status().message();
    }
  }
  return listing;
}

std::vector<std::string> unlisted_archive_files(const fs::path& root, const ReleaseFiles& kept) {
  std::vector<std::string> dropped;
  std::error_code ec;
  fs::path archive = root / "archive";
  if (!fs::is_directory(fs::symlink_status(archive, ec))) return dropped;
  fs::recursive_directory_iterator it(archive, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->symlink_status(ec).type() == fs::file_type::directory) continue;
    std::string path = it->path().lexically_relative(root).generic_string();
    if (!kept.count(path)) dropped.push_back(path);
  }
  return dropped;
}

}  // namespace trustpage
