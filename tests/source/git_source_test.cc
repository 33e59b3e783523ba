#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "source/source.h"

namespace trustpage {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tp-git-XXXXXX").string();
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

// Runs git in `repo` with a clean configuration and fixed dates; returns its stdout.
std::string git(const fs::path& repo, const std::string& args,
                const std::string& date = "2026-04-01T10:00:00+09:00") {
  std::string command =
      "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=t "
      "GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com "
      "GIT_AUTHOR_DATE=" +
      date + " GIT_COMMITTER_DATE=" + date + " git -C '" + repo.string() + "' " + args +
      " 2>/dev/null";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[256];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  while (!out.empty() && (out.back() == '\n')) out.pop_back();
  return out;
}

// A repository with two commits of content/ and uncommitted edits on top.
struct Repo {
  TempDir dir;
  std::string first;
  std::string second;

  Repo() {
    git(dir.path(), "init -q -b main");
    write(content() / "site.yaml", "v1\n");
    write(content() / "pages" / "a.md", "page a\n");
    git(dir.path(), "add -A");
    git(dir.path(), "commit -q -m first", "2026-03-01T09:00:00+00:00");
    first = git(dir.path(), "rev-parse HEAD");
    write(content() / "site.yaml", "v2\n");
    write(content() / "checklists" / "meti" / "checklist.yaml", "title: x\n");
    fs::create_symlink("../site.yaml", content() / "pages" / "link.md");
    write(content() / "tool.sh", "#!/bin/sh\n");
    fs::permissions(content() / "tool.sh", fs::perms::owner_exec, fs::perm_options::add);
    git(dir.path(), "add -A");
    git(dir.path(), "commit -q -m second");
    second = git(dir.path(), "rev-parse HEAD");
    // Uncommitted: a build from git must not see any of this.
    write(content() / "site.yaml", "v3 uncommitted\n");
    write(content() / "pages" / "new.md", "new\n");
  }
  fs::path content() const { return dir.path() / "content"; }
};

TEST_CASE("git source reads the committed bytes, not the work tree") {
  Repo repo;
  auto opened = open_git(repo.content());
  REQUIRE(opened.ok());
  const Source& source = **opened;
  CHECK(*source.read("site.yaml") == "v2\n");
  CHECK_FALSE(source.read("pages/new.md").ok());
  CHECK_FALSE(source.is_file("pages/new.md"));
  CHECK(source.is_file("pages/a.md"));
  CHECK(source.is_directory("checklists/meti"));
  CHECK(source.is_directory(""));
  CHECK_FALSE(source.is_directory("site.yaml"));

  const Provenance& provenance = source.provenance();
  CHECK(provenance.commit == repo.second);
  CHECK(provenance.time == 1775005200);  // 2026-04-01T10:00:00+09:00
  CHECK(provenance.offset_minutes == 540);
  CHECK_FALSE(provenance.worktree);
  CHECK(provenance.dirty);  // HEAD is what the work tree is on, and content/ has edits
  CHECK(provenance.content_prefix == "content/");
  CHECK(provenance.repo_root == fs::canonical(repo.dir.path()).string());
  CHECK(source.display_path("site.yaml") == repo.content().string() + "/site.yaml");
}

TEST_CASE("git source lists tree entries by kind and name") {
  Repo repo;
  auto opened = open_git(repo.content());
  REQUIRE(opened.ok());
  auto root = (*opened)->list("");
  REQUIRE(root.ok());
  REQUIRE(root->size() == 4);
  CHECK((*root)[0].name == "checklists");
  CHECK((*root)[0].kind == EntryKind::kDirectory);
  CHECK((*root)[1].name == "pages");
  CHECK((*root)[2].name == "site.yaml");
  CHECK((*root)[2].kind == EntryKind::kFile);
  CHECK((*root)[3].name == "tool.sh");
  CHECK((*root)[3].kind == EntryKind::kFile);  // executable blobs are files too

  auto pages = (*opened)->list("pages");
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 2);
  CHECK((*pages)[0].name == "a.md");
  CHECK((*pages)[1].name == "link.md");
  CHECK((*pages)[1].kind == EntryKind::kSymlink);

  auto link = (*opened)->read("pages/link.md");
  REQUIRE_FALSE(link.ok());
  CHECK_THAT(link.status().message(), Catch::Contains("symlink"));
  CHECK_FALSE((*opened)->list("site.yaml").ok());
  CHECK_FALSE((*opened)->read("../README.md").ok());
}

TEST_CASE("git source reads an older revision") {
  Repo repo;
  auto by_name = open_git(repo.content(), "HEAD~1");
  REQUIRE(by_name.ok());
  CHECK(*(*by_name)->read("site.yaml") == "v1\n");
  CHECK_FALSE((*by_name)->is_directory("checklists"));
  CHECK((*by_name)->provenance().commit == repo.first);
  CHECK((*by_name)->provenance().time == 1772355600);  // 2026-03-01T09:00:00Z
  CHECK((*by_name)->provenance().offset_minutes == 0);
  CHECK_FALSE((*by_name)->provenance().dirty);  // not the commit the work tree is on

  auto by_id = open_git(repo.content(), repo.first.substr(0, 10));
  REQUIRE(by_id.ok());
  CHECK((*by_id)->provenance().commit == repo.first);
}

TEST_CASE("git source names an unknown revision") {
  Repo repo;
  auto source = open_git(repo.content(), "no-such-branch");
  REQUIRE_FALSE(source.ok());
  CHECK_THAT(source.status().message(), Catch::Contains("unknown revision \"no-such-branch\""));
}

TEST_CASE("git source explains a content folder that is not committed") {
  Repo repo;
  write(repo.dir.path() / "drafts" / "site.yaml", "draft\n");
  auto source = open_git(repo.dir.path() / "drafts");
  REQUIRE_FALSE(source.ok());
  CHECK_THAT(source.status().message(),
             Catch::Contains("is not in commit " + repo.second.substr(0, 7)));
  CHECK_THAT(source.status().message(), Catch::Contains("--worktree"));

  // content/ did not exist yet in the first commit.
  auto older = open_git(repo.dir.path() / "content" / "checklists", repo.first);
  REQUIRE_FALSE(older.ok());
  CHECK_THAT(older.status().message(), Catch::Contains("is not in commit"));
}

TEST_CASE("git source outside any repository suggests --worktree") {
  TempDir dir;
  write(dir.path() / "content" / "site.yaml", "x");
  auto source = open_git(dir.path() / "content");
  REQUIRE_FALSE(source.ok());
  CHECK_THAT(source.status().message(), Catch::Contains("not inside a git repository"));
  CHECK_THAT(source.status().message(), Catch::Contains("--worktree"));
}

TEST_CASE("git source of a repository without commits says so") {
  TempDir dir;
  git(dir.path(), "init -q -b main");
  write(dir.path() / "site.yaml", "x");
  auto source = open_git(dir.path());
  REQUIRE_FALSE(source.ok());
  CHECK_THAT(source.status().message(), Catch::Contains("no commits yet"));
}

TEST_CASE("git source works when content is the repository root or was deleted on disk") {
  Repo repo;
  auto whole = open_git(repo.dir.path());
  REQUIRE(whole.ok());
  CHECK((*whole)->provenance().content_prefix.empty());
  CHECK(*(*whole)->read("content/site.yaml") == "v2\n");

  fs::remove_all(repo.content());
  auto deleted = open_git(repo.content());
  REQUIRE(deleted.ok());
  CHECK(*(*deleted)->read("site.yaml") == "v2\n");
}

TEST_CASE("git source survives a shallow clone") {
  Repo repo;
  TempDir clone_dir;
  fs::path clone = clone_dir.path() / "clone";
  git(clone_dir.path(), "clone -q --depth 1 file://" + repo.dir.path().string() + " clone");
  auto source = open_git(clone / "content");
  REQUIRE(source.ok());
  CHECK(*(*source)->read("site.yaml") == "v2\n");
  CHECK((*source)->provenance().commit == repo.second);
}

}  // namespace
}  // namespace trustpage
