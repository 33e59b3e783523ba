// Writes a Bundle to disk so that readers see either the old site or the new one, never a
// mix: files go to a temporary sibling directory which then replaces the output directory.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "bundle/bundle.h"
#include "common/status.h"

namespace trustpage {

// Replaces `out_dir` with exactly the bundle's files. Refuses to replace an existing,
// non-empty directory that does not look like a previous output (no index.html), so a
// mistyped --out cannot wipe an unrelated folder. On failure `out_dir` is untouched.
Status write_atomically(const Bundle& bundle, const std::filesystem::path& out_dir);

class StagingFolder;

// The same in two steps, for a build that streams its files (Bundle::stream_into): open()
// makes the staging folder beside `out_dir` (refusing an `out_dir` write_atomically would
// refuse), files go into it as they are rendered, and commit() writes what the bundle still
// holds in memory, flushes it all to disk and swaps it in. Destroyed without commit(), it
// removes the staging folder: `out_dir` stays as it was.
class StagedOutput : public FileStore {
 public:
  using Hash = std::function<std::string(std::string_view bytes)>;  // SHA-256 hex
  static Result<std::unique_ptr<StagedOutput>> open(const std::filesystem::path& out_dir,
                                                    Hash hash);
  ~StagedOutput() override;

  Result<std::string> put(const std::string& path, std::string_view bytes) override;
  Result<std::string> get(const std::string& path) const override;
  Status commit(const Bundle& bundle);

 private:
  StagedOutput(std::filesystem::path out_dir, std::unique_ptr<StagingFolder> staging, Hash hash);
  std::filesystem::path out_dir_;
  std::unique_ptr<StagingFolder> staging_;
  Hash hash_;
};

}  // namespace trustpage
