#include "support/git_fixture.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace trustpage::testing {
namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
  int status = pclose(pipe.release());
  INFO(command << "\n" << out);
  REQUIRE(status == 0);
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path unique_temp_dir(const std::string& name) {
  std::string tmpl = (fs::temp_directory_path() / ("trustpage-" + name + "-XXXXXX")).string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

GitFixture::GitFixture(const std::string& name) : root_(unique_temp_dir(name)) {
  run("git -C '" + root_.string() + "' init -q -b main");
}

GitFixture::~GitFixture() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void GitFixture::copy_tree(const fs::path& from, const std::string& to) {
  fs::create_directories(root_ / to);
  fs::copy(from, root_ / to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

void GitFixture::write(const std::string& path, const std::string& bytes) {
  fs::create_directories((root_ / path).parent_path());
  std::ofstream(root_ / path, std::ios::binary) << bytes;
}

void GitFixture::remove(const std::string& path) {
  fs::remove_all(root_ / path);
}

std::string GitFixture::read(const std::string& path) const {
  return slurp(root_ / path);
}

std::string GitFixture::commit(const std::string& message, const std::string& date) {
  std::string env =
      "GIT_AUTHOR_NAME='Test Author' GIT_AUTHOR_EMAIL=author@example.com "
      "GIT_COMMITTER_NAME='Test Author' GIT_COMMITTER_EMAIL=author@example.com "
      "GIT_AUTHOR_DATE='" +
      date + "' GIT_COMMITTER_DATE='" + date + "' ";
  std::string git = "git -C '" + root_.string() + "' ";
  run(git + "add -A");
  run(env + git + "-c commit.gpgsign=false commit -q -m '" + message + "'");
  std::string id = run(git + "rev-parse HEAD");
  while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
  return id;
}

}  // namespace trustpage::testing
