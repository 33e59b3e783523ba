#include "content/model.h"

#include <catch2/catch.hpp>

namespace trustpage {
namespace {

TEST_CASE("answer statuses round-trip through their spelling") {
  REQUIRE(all_answer_statuses().size() == 6);
  for (AnswerStatus status : all_answer_statuses()) {
    CHECK(parse_answer_status(to_string(status)) == status);
  }
  CHECK(to_string(AnswerStatus::kNotApplicable) == "na");
  CHECK(parse_answer_status("no") == AnswerStatus::kNo);
  CHECK_FALSE(parse_answer_status("No").has_value());
  CHECK_FALSE(parse_answer_status("false").has_value());
  CHECK_FALSE(parse_answer_status("").has_value());
}

TEST_CASE("Date::parse accepts only real YYYY-MM-DD dates") {
  auto date = Date::parse("2026-04-01");
  REQUIRE(date);
  CHECK(date->year == 2026);
  CHECK(date->month == 4);
  CHECK(date->day == 1);
  CHECK(date->iso() == "2026-04-01");

  CHECK(Date::parse("2024-02-29"));  // leap year
  CHECK(Date::parse("2000-02-29"));  // divisible by 400
  CHECK_FALSE(Date::parse("2026-02-29"));
  CHECK_FALSE(Date::parse("1900-02-29"));  // divisible by 100
  CHECK_FALSE(Date::parse("2026-02-30"));
  CHECK_FALSE(Date::parse("2026-13-01"));
  CHECK_FALSE(Date::parse("2026-00-10"));
  CHECK_FALSE(Date::parse("2026-04-31"));
  CHECK_FALSE(Date::parse("2026-04-00"));
  CHECK_FALSE(Date::parse("April 1"));
  CHECK_FALSE(Date::parse("2026-4-1"));
  CHECK_FALSE(Date::parse("2026/04/01"));
  CHECK_FALSE(Date::parse("2026-04-01T00:00"));
  CHECK_FALSE(Date::parse(" 2026-04-01"));
  CHECK_FALSE(Date::parse("0000-01-01"));
  CHECK_FALSE(Date::parse("2026-0a-01"));
}

TEST_CASE("Date::days_since_epoch counts days from 1970-01-01") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{1970, 1, 2}.days_since_epoch() == 1);
  CHECK(Date{1969, 12, 31}.days_since_epoch() == -1);
  CHECK(Date{2000, 3, 1}.days_since_epoch() == 11017);
  CHECK(Date{2026, 4, 1}.days_since_epoch() == 20544);
  CHECK(Date{2024, 3, 1}.days_since_epoch() - Date{2024, 2, 28}.days_since_epoch() == 2);
}

TEST_CASE("Dates compare in calendar order") {
  CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
  CHECK(Date{2026, 1, 2} > Date{2026, 1, 1});
  CHECK(Date{2026, 1, 1} == *Date::parse("2026-01-01"));
}

}  // namespace
}  // namespace trustpage
