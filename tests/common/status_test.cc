#include "common/status.h"

#include <catch2/catch.hpp>

using namespace trustpage;

TEST_CASE("diagnostics read as file:line:col: severity: message, the form editors jump to") {
  Diagnostic d{Severity::kError, {"content/site.yaml", 3, 7}, "unknown key \"orgnization\""};
  CHECK(d.to_string() == "content/site.yaml:3:7: error: unknown key \"orgnization\"");
  Diagnostic w{Severity::kWarning, {"content/a.md", 2, 0}, "stale"};
  CHECK(w.to_string() == "content/a.md:2: warning: stale");
  Diagnostic bare{Severity::kError, {}, "no content folder"};
  CHECK(bare.to_string() == "error: no content folder");
}

TEST_CASE("diagnostics sort by file and line so output is stable") {
  Diagnostics list;
  list.error({"b.md", 1, 1}, "x");
  list.warning({"a.md", 9, 1}, "y");
  list.error({"a.md", 2, 5}, "z");
  list.sort();
  REQUIRE(list.list().size() == 3);
  CHECK(list.list()[0].where.to_string() == "a.md:2:5");
  CHECK(list.list()[1].where.to_string() == "a.md:9:1");
  CHECK(list.list()[2].where.to_string() == "b.md:1:1");
  CHECK(list.error_count() == 2);
  CHECK(list.warning_count() == 1);
}

TEST_CASE("a Result carries either the value or the reason") {
  Result<int> good = 42;
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad = Status::Error({"x.yaml", 1, 2}, "broken");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().to_string() == "x.yaml:1:2: error: broken");
}
