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

namespace {

// A stand-in digest that says which bytes it saw (the real one is SHA-256, from sign/).
std::string tagged(std::string_view bytes) {
  return "digest-of:" + std::string(bytes);
}

int siblings(const fs::path& root) {
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(root)) ++entries;
  return entries;
}

}  // namespace

TEST_CASE("a streaming bundle writes each file into the staging folder as it is added") {
  fs::path root = fresh_dir("stream");
  fs::path out = root / "public";
  REQUIRE(write_atomically(site("v1"), out).ok());
  auto staged = trustpage::StagedOutput::open(out, tagged);
  REQUIRE(staged.ok());
  Bundle bundle;
  REQUIRE(bundle.add("robots.txt", "kept in memory").ok());
  bundle.stream_into(staged->get());
  REQUIRE(bundle.add("index.html", "v2").ok());
  REQUIRE(bundle.add("checklists/a/index.html", "<p>a</p>").ok());
  // Only the digest stays in memory; the bytes are on disk already, the site unchanged.
  CHECK(bundle.files().size() == 1);
  CHECK(bundle.stored().at("index.html") == "digest-of:v2");
  CHECK(bundle.size() == 3);
  CHECK(*bundle.read("checklists/a/index.html") == "<p>a</p>");
  CHECK(slurp(out / "index.html") == "v1");
  CHECK_FALSE(bundle.add("index.html", "again").ok());  // a duplicate, also when streamed
  REQUIRE((*staged)->commit(bundle).ok());
  CHECK(slurp(out / "index.html") == "v2");
  CHECK(slurp(out / "robots.txt") == "kept in memory");
  CHECK(slurp(out / "checklists/a/index.html") == "<p>a</p>");
  CHECK_FALSE(fs::exists(out / "checklists/meti"));
  staged->reset();
  CHECK(siblings(root) == 1);
}

TEST_CASE("a streamed build that never commits leaves the previous site and no staging folder") {
  fs::path root = fresh_dir("stream-abandoned");
  fs::path out = root / "public";
  REQUIRE(write_atomically(site("v1"), out).ok());
  {
    auto staged = trustpage::StagedOutput::open(out, tagged);
    REQUIRE(staged.ok());
    Bundle bundle;
    bundle.stream_into(staged->get());
    REQUIRE(bundle.add("index.html", "half a site").ok());
    CHECK(siblings(root) == 3);  // public/, the staging folder and its lock file
  }
  CHECK(slurp(out / "index.html") == "v1");
  CHECK(siblings(root) == 1);
}

TEST_CASE("a streamed build refuses, before writing anything, a folder that is not a site") {
  fs::path root = fresh_dir("stream-refused");
  fs::create_directories(root / "notes");
  std::ofstream(root / "notes/todo.txt") << "mine";
  auto staged = trustpage::StagedOutput::open(root / "notes", tagged);
  REQUIRE_FALSE(staged.ok());
  CHECK_THAT(staged.status().message(), Catch::Contains("does not look like a published site"));
  CHECK(siblings(root) == 1);
}
