#include "output/output.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support/git_fixture.h"

namespace fs = std::filesystem;
using trustpage::Bundle;
using trustpage::write_atomically;

namespace {

fs::path fresh_dir(const std::string& name) {
  return trustpage::testing::unique_temp_dir("output-" + name);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Bundle site(const std::string& index) {
  Bundle b;
  REQUIRE(b.add("index.html", index).ok());
  REQUIRE(b.add("checklists/meti/index.html", "<p>meti</p>").ok());
  return b;
}

}  // namespace

TEST_CASE("output replaces the previous site completely, leaving no stale files") {
  fs::path root = fresh_dir("replace");
  fs::path out = root / "public";
  REQUIRE(write_atomically(site("v1"), out).ok());
  Bundle v2;
  REQUIRE(v2.add("index.html", "v2").ok());
  REQUIRE(write_atomically(v2, out).ok());
  CHECK(slurp(out / "index.html") == "v2");
  CHECK_FALSE(fs::exists(out / "checklists"));
  // No temporary siblings are left behind.
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(root)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("a failed write leaves the previous site untouched") {
  fs::path root = fresh_dir("failure");
  fs::path out = root / "public";
  REQUIRE(write_atomically(site("v1"), out).ok());
  Bundle broken;
  REQUIRE(broken.add("index.html", "v2").ok());
  // "a" as a file and "a/b" as a file cannot both exist: the write fails half-way.
  REQUIRE(broken.add("a", "file").ok());
  REQUIRE(broken.add("a/b", "file below a file").ok());
  auto status = write_atomically(broken, out);
  REQUIRE_FALSE(status.ok());
  CHECK(slurp(out / "index.html") == "v1");
  CHECK(slurp(out / "checklists/meti/index.html") == "<p>meti</p>");
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(root)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("output refuses to replace a folder that is not a published site") {
  fs::path root = fresh_dir("refuse");
  fs::path out = root / "important";
  fs::create_directories(out);
  std::ofstream(out / "thesis.tex") << "years of work";
  auto status = write_atomically(site("v1"), out);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("refusing to replace"));
  CHECK(slurp(out / "thesis.tex") == "years of work");
  CHECK_FALSE(fs::exists(out / "index.html"));
}

TEST_CASE("output creates missing parent folders and writes into an empty folder") {
  fs::path root = fresh_dir("create");
  REQUIRE(write_atomically(site("v1"), root / "deep/er/public").ok());
  CHECK(slurp(root / "deep/er/public/index.html") == "v1");
  fs::create_directories(root / "empty");
  REQUIRE(write_atomically(site("v1"), root / "empty").ok());
  CHECK(slurp(root / "empty/checklists/meti/index.html") == "<p>meti</p>");
}
