#include "common/stage.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

using trustpage::current_stage;
using trustpage::StageScope;

TEST_CASE("the stage an exception left is kept for main's last-resort message") {
  CHECK(std::string(current_stage()).empty());
  {
    StageScope outer("site");
    { StageScope inner("render"); }
    CHECK(std::string(current_stage()) == "site");  // left normally: back to the outer stage
  }
  CHECK(std::string(current_stage()).empty());
  try {
    StageScope outer("site");
    StageScope inner("history");
    throw std::runtime_error("a library's own words");
  } catch (const std::exception&) {
    CHECK(std::string(current_stage()) == "history");  // where it came from
  }
}
