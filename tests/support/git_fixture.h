// A throwaway git repository for tests: files are written, then committed with the
// `git` command line (the real tool), at fixed dates so tests are reproducible.
#pragma once

#include <filesystem>
#include <string>

namespace trustpage::testing {

class GitFixture {
 public:
  explicit GitFixture(const std::string& name);  // fresh dir under /tmp, `git init`
  ~GitFixture();                                 // removes it
  GitFixture(const GitFixture&) = delete;
  GitFixture& operator=(const GitFixture&) = delete;
  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path content() const { return root_ / "content"; }

  // Copies a folder (e.g. the demo content) to root()/to.
  void copy_tree(const std::filesystem::path& from, const std::string& to);
  void write(const std::string& path, const std::string& bytes);
  void remove(const std::string& path);
  // Commits everything; returns the new commit id. `date` like "2026-04-01T10:00:00+09:00".
  std::string commit(const std::string& message, const std::string& date);
  std::string read(const std::string& path) const;

 private:
  std::filesystem::path root_;
};

// Runs a shell command, returns its stdout; fails the test if it exits non-zero.
std::string run(const std::string& command);

// A new, empty folder under the temp dir that no other test run can share.
std::filesystem::path unique_temp_dir(const std::string& name);

// Reads a whole file.
std::string slurp(const std::filesystem::path& path);

}  // namespace trustpage::testing
