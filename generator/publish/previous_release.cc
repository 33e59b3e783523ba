#include "publish/previous_release.h"

#include "fetch/remote_site.h"
#include "sign/bundle_folder.h"

namespace trustpage {

Result<PreviousRelease> read_previous_release(const std::optional<std::string>& previous,
                                              const std::string& base_url,
                                              const std::filesystem::path& out_dir) {
  PreviousRelease release;
  std::string where = previous.value_or(out_dir.string());
  if (previous && *previous == "base_url") {
    if (base_url.empty()) {
      return Status::Error("--previous base_url, but site.yaml has no base_url: set it to the "
                           "deployed site's address, or pass --previous URL");
    }
    where = base_url;
  }
  if (is_url(where)) {
    Result<RemoteSite> site = RemoteSite::open(where);
    if (!site.ok()) return Status::Error("--previous: " + site.status().message());
    release.origin = site->base_url();
    Result<ReleaseFiles> files = read_release_files(
        [&site](std::string_view path) { return site->get(path); }, release.origin);
    if (!files.ok()) return files.status();
    release.files = std::move(*files);
    return release;
  }
  release.origin = where;
  std::error_code ec;
  if (previous && !std::filesystem::is_directory(where, ec)) {
    return Status::Error("--previous " + where +
                         ": no such folder (give the deployed site's URL, or a folder holding "
                         "its release.json, SHA256SUMS and signatures)");
  }
  Result<ReleaseFiles> files = read_release_files(folder_reader(where), release.origin);
  if (!files.ok()) return files.status();
  release.files = std::move(*files);
  if (!release.files.empty()) release.dropped = unlisted_archive_files(where, release.files);
  return release;
}

}  // namespace trustpage
