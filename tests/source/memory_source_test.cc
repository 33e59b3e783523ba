#include <catch2/catch.hpp>

#include "source/source.h"

namespace trustpage {
namespace {

TEST_CASE("open_memory implies directories and keeps names sorted") {
  auto source = open_memory({{"site.yaml", "a"},
                             {"pages/b.md", "b"},
                             {"pages/a.md", "a"},
                             {"pages/sub/c.md", "c"},
                             {"link", "symlink:site.yaml"}});
  auto root = source->list("");
  REQUIRE(root.ok());
  REQUIRE(root->size() == 3);
  CHECK((*root)[0].name == "link");
  CHECK((*root)[0].kind == EntryKind::kSymlink);
  CHECK((*root)[1].name == "pages");
  CHECK((*root)[1].kind == EntryKind::kDirectory);
  CHECK((*root)[2].name == "site.yaml");
  CHECK((*root)[2].kind == EntryKind::kFile);

  auto pages = source->list("pages");
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 3);
  CHECK((*pages)[0].name == "a.md");
  CHECK((*pages)[1].name == "b.md");
  CHECK((*pages)[2].name == "sub");
  CHECK((*pages)[2].kind == EntryKind::kDirectory);

  CHECK(source->is_directory(""));
  CHECK(source->is_directory("pages"));
  CHECK(source->is_directory("pages/sub"));
  CHECK_FALSE(source->is_directory("pages/a.md"));
  CHECK(source->is_file("pages/a.md"));
  CHECK_FALSE(source->is_file("pages"));
  CHECK_FALSE(source->is_file("link"));
  CHECK_FALSE(source->is_directory("page"));  // a prefix of "pages/" is not a folder
}

TEST_CASE("open_memory reads files and refuses symlinks and missing paths") {
  auto source = open_memory({{"site.yaml", "bytes"}, {"link", "symlink:site.yaml"}});
  auto bytes = source->read("site.yaml");
  REQUIRE(bytes.ok());
  CHECK(*bytes == "bytes");

  auto link = source->read("link");
  REQUIRE_FALSE(link.ok());
  CHECK(link.status().where().file == "link");
  CHECK_THAT(link.status().message(), Catch::Contains("symlink"));

  auto missing = source->read("nope.md");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("does not exist"));

  auto not_dir = source->list("site.yaml");
  REQUIRE_FALSE(not_dir.ok());
}

TEST_CASE("open_memory keeps the given provenance and names files as given") {
  Provenance provenance;
  provenance.commit = std::string(40, 'a');
  provenance.time = 1775000000;
  auto source = open_memory({{"site.yaml", ""}}, provenance);
  CHECK(source->provenance().commit == provenance.commit);
  CHECK(source->provenance().time == 1775000000);
  CHECK(source->display_path("pages/a.md") == "pages/a.md");
}

TEST_CASE("join_path joins with exactly one slash") {
  CHECK(join_path("", "c") == "c");
  CHECK(join_path("a/b", "c") == "a/b/c");
  CHECK(join_path("a/b/", "c") == "a/b/c");
  CHECK(join_path("a", "") == "a");
}

}  // namespace
}  // namespace trustpage
