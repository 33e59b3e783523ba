#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "source/source.h"

namespace trustpage {
namespace {

namespace fs = std::filesystem;

// A fresh folder under /tmp, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tp-worktree-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
    REQUIRE_FALSE(path_.empty());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string git_env() {
  return "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=t "
         "GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com "
         "GIT_AUTHOR_DATE=2026-04-01T10:00:00+09:00 GIT_COMMITTER_DATE=2026-04-01T10:00:00+09:00 ";
}

void git(const fs::path& repo, const std::string& args) {
  std::string command = git_env() + "git -C '" + repo.string() + "' " + args + " >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
}

TEST_CASE("worktree lists entries sorted by name, reporting symlinks without following them") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  write(content / "site.yaml", "organization: x\n");
  write(content / "pages" / "b.md", "b");
  write(content / "pages" / "a.md", "a");
  write(content / "README.md", "readme");
  write(content / ".hidden", "dot");
  fs::create_symlink(content / "site.yaml", content / "link.yaml");
  fs::create_directory_symlink(content / "pages", content / "linked-pages");
  fs::create_directory_symlink("/etc", content / "etc");

  auto source = open_worktree(content);
  REQUIRE(source.ok());
  auto root = (*source)->list("");
  REQUIRE(root.ok());
  std::vector<std::string> names;
  for (const Entry& entry : *root) names.push_back(entry.name);
  CHECK(names == std::vector<std::string>{".hidden", "README.md", "etc", "link.yaml",
                                          "linked-pages", "pages", "site.yaml"});
  CHECK((*root)[2].kind == EntryKind::kSymlink);
  CHECK((*root)[3].kind == EntryKind::kSymlink);
  CHECK((*root)[4].kind == EntryKind::kSymlink);
  CHECK((*root)[5].kind == EntryKind::kDirectory);
  CHECK((*root)[6].kind == EntryKind::kFile);

  auto pages = (*source)->list("pages");
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 2);
  CHECK((*pages)[0].name == "a.md");
  CHECK((*pages)[1].name == "b.md");
}

TEST_CASE("worktree reads regular files and refuses symlinks and paths outside the root") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  write(content / "site.yaml", "organization: x\n");
  write(content / "pages" / "a.md", std::string("a\0b", 3));
  write(dir.path() / "secret.txt", "secret");
  fs::create_symlink(content / "site.yaml", content / "link.yaml");
  fs::create_directory_symlink(content / "pages", content / "linked-pages");
  fs::create_directory_symlink(dir.path(), content / "up");

  auto opened = open_worktree(content);
  REQUIRE(opened.ok());
  const Source& source = **opened;

  auto bytes = source.read("pages/a.md");
  REQUIRE(bytes.ok());
  CHECK(*bytes == std::string("a\0b", 3));

  auto link = source.read("link.yaml");
  REQUIRE_FALSE(link.ok());
  CHECK_THAT(link.status().message(), Catch::Contains("symlink"));
  CHECK(link.status().where().file == content.string() + "/link.yaml");

  auto through_link = source.read("linked-pages/a.md");
  REQUIRE_FALSE(through_link.ok());
  CHECK_THAT(through_link.status().message(), Catch::Contains("symlink"));
  CHECK_FALSE(source.read("up/secret.txt").ok());
  CHECK_FALSE(source.list("linked-pages").ok());
  CHECK_FALSE(source.read("../secret.txt").ok());
  CHECK_FALSE(source.read("pages/../../secret.txt").ok());
  CHECK_FALSE(source.read("/etc/passwd").ok());
  CHECK_FALSE(source.read("pages").ok());
  CHECK_FALSE(source.read("missing.md").ok());

  CHECK(source.is_file("site.yaml"));
  CHECK_FALSE(source.is_file("link.yaml"));
  CHECK(source.is_directory("pages"));
  CHECK(source.is_directory(""));
  CHECK_FALSE(source.is_directory("linked-pages"));
  CHECK_FALSE(source.is_directory("site.yaml"));
}

TEST_CASE("worktree names files the way the user named the content folder") {
  TempDir dir;
  write(dir.path() / "content" / "site.yaml", "x");
  // Relative to the current directory, as typed on the command line.
  fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  auto source = open_worktree("content/");
  fs::current_path(cwd);
  REQUIRE(source.ok());
  CHECK((*source)->display_path("checklists/meti/checklist.yaml") ==
        "content/checklists/meti/checklist.yaml");
  CHECK((*source)->display_path("") == "content");
  // Reading still works after the working directory changed back.
  CHECK((*source)->read("site.yaml").ok());
}

TEST_CASE("worktree outside git has no commit") {
  TempDir dir;
  write(dir.path() / "site.yaml", "x");
  auto source = open_worktree(dir.path());
  REQUIRE(source.ok());
  const Provenance& provenance = (*source)->provenance();
  CHECK(provenance.worktree);
  CHECK(provenance.commit.empty());
  CHECK(provenance.time == 0);
  CHECK(provenance.repo_root.empty());
}

TEST_CASE("worktree refuses a missing folder or a file") {
  TempDir dir;
  write(dir.path() / "file.txt", "x");
  auto missing = open_worktree(dir.path() / "nope");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("does not exist"));
  CHECK_FALSE(open_worktree(dir.path() / "file.txt").ok());
}

TEST_CASE("worktree inside git takes HEAD's commit and knows when content is dirty") {
  TempDir dir;
  write(dir.path() / "content" / "site.yaml", "v1\n");
  write(dir.path() / "README.md", "repo readme\n");
  git(dir.path(), "init -q -b main");
  git(dir.path(), "add -A");
  git(dir.path(), "commit -q -m first");

  {
    auto source = open_worktree(dir.path() / "content");
    REQUIRE(source.ok());
    const Provenance& provenance = (*source)->provenance();
    CHECK(provenance.worktree);
    CHECK(provenance.commit.size() == 40);
    CHECK(provenance.time == 1775005200);  // 2026-04-01T10:00:00+09:00
    CHECK(provenance.offset_minutes == 540);
    CHECK_FALSE(provenance.dirty);
    CHECK(provenance.content_prefix == "content/");
    CHECK(provenance.repo_root == fs::canonical(dir.path()).string());
  }

  // A change outside content/ does not make the content dirty...
  write(dir.path() / "README.md", "changed\n");
  CHECK_FALSE((*open_worktree(dir.path() / "content"))->provenance().dirty);
  // ...an edit or a new file inside it does.
  write(dir.path() / "content" / "pages" / "new.md", "new\n");
  auto source = open_worktree(dir.path() / "content");
  REQUIRE(source.ok());
  CHECK((*source)->provenance().dirty);
  CHECK(*(*source)->read("pages/new.md") == "new\n");
}

}  // namespace
}  // namespace trustpage
