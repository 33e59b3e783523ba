#include "bundle/bundle.h"

#include <catch2/catch.hpp>

using trustpage::Bundle;
using trustpage::is_safe_relative_path;

TEST_CASE("bundle refuses paths that could escape the output folder") {
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a//b", "a/./b", "a\\b", "a/"}) {
    INFO(bad);
    CHECK_FALSE(is_safe_relative_path(bad));
    Bundle bundle;
    CHECK_FALSE(bundle.add(bad, "x").ok());
  }
  CHECK(is_safe_relative_path("checklists/meti/index.html"));
  CHECK(is_safe_relative_path(".well-known/security.txt"));
}

TEST_CASE("bundle refuses two files at the same path, keeping the first") {
  Bundle bundle;
  REQUIRE(bundle.add("index.html", "first").ok());
  auto second = bundle.add("index.html", "second");
  REQUIRE_FALSE(second.ok());
  CHECK_THAT(second.message(), Catch::Contains("index.html"));
  CHECK(bundle.files().at("index.html") == "first");
  CHECK(bundle.total_bytes() == 5);
}
