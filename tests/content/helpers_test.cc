// The content library's private helpers: natural order, did-you-mean, names, UTF-8, links.
#include <catch2/catch.hpp>
#include <limits>

#include "content/calendar.h"
#include "content/names.h"
#include "content/suggest.h"
#include "content/urls.h"
#include "content/utf8.h"

namespace trustpage::content_detail {
namespace {

TEST_CASE("natural order compares digit runs as numbers") {
  CHECK(natural_less("2", "10"));
  CHECK_FALSE(natural_less("10", "2"));
  CHECK(natural_less("A-2", "A-10"));
  CHECK(natural_less("A-10", "B-1"));
  CHECK(natural_less("1", "1a"));
  CHECK(natural_less("9", "A"));
  CHECK_FALSE(natural_less("01", "1"));
  CHECK_FALSE(natural_less("1", "01"));
  CHECK(natural_less("1.2", "1.10"));
  CHECK(natural_less("99999999999999999999", "100000000000000000000"));
  CHECK_FALSE(natural_less("", ""));
  CHECK(natural_less("", "1"));
}

TEST_CASE("did_you_mean finds likely typos only") {
  std::vector<std::string_view> keys = {"id", "no", "status", "reviewed", "evidence"};
  CHECK(did_you_mean("stauts", keys) == "status");
  CHECK(did_you_mean("Status", keys) == "status");
  CHECK(did_you_mean("revewed", keys) == "reviewed");
  CHECK(did_you_mean("ID", keys) == "id");
  CHECK_FALSE(did_you_mean("colour", keys));
  CHECK_FALSE(did_you_mean("ab", keys));
  CHECK(edit_distance("abc", "acb") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("names use a-z 0-9 - _ . only") {
  CHECK(is_valid_name("01-service-hours.md"));
  CHECK(is_valid_name("a_b.c"));
  CHECK_FALSE(is_valid_name(""));
  CHECK_FALSE(is_valid_name(".hidden"));
  CHECK_FALSE(is_valid_name("Upper.md"));
  CHECK_FALSE(is_valid_name("with space.md"));
  CHECK_FALSE(is_valid_name("日本語.md"));
  CHECK(suggest_name("02 Backup Plan.md") == "02-backup-plan.md");
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("日本語 🎉") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\x80") == 2);
  CHECK(find_invalid_utf8("ab\xe3\x81") == 2);        // truncated
  CHECK(find_invalid_utf8("\xc1\xbf") == 0);          // overlong
  CHECK(find_invalid_utf8("\xe0\x80\xaf") == 0);      // overlong
  CHECK(find_invalid_utf8("\xed\xb0\x80") == 0);      // surrogate
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("x\xf0\x9f\x8e\x89") == std::string_view::npos);
  LineColumn position = line_column("a\nあいう\xff", 11);
  CHECK(position.line == 2);
  CHECK(position.column == 4);
  CHECK(line_column("\xEF\xBB\xBFkey", 4).column == 2);  // a BOM takes no column
}

TEST_CASE("links: http(s) with a host, mailto, or a relative path") {
  CHECK(check_link("https://example.com/x").kind == LinkKind::kWeb);
  CHECK(check_link("HTTP://example.com").kind == LinkKind::kWeb);
  CHECK(check_link("mailto:a@example.com").kind == LinkKind::kMailto);
  CHECK(check_link("documents/a.pdf").kind == LinkKind::kRelative);
  CHECK_FALSE(check_link("javascript:alert(1)").kind);
  CHECK_FALSE(check_link("data:text/html,x").kind);
  CHECK_FALSE(check_link("https:///path").kind);
  CHECK_FALSE(check_link("https:example.com").kind);
  CHECK_FALSE(check_link("mailto:").kind);
  CHECK_FALSE(check_link("https://exa mple.com").kind);
  CHECK_FALSE(check_link("").kind);
}

TEST_CASE("months_before clamps to the end of the month") {
  CHECK(months_before(Date{2026, 3, 31}, 1) == Date{2026, 2, 28});
  CHECK(months_before(Date{2024, 3, 31}, 1) == Date{2024, 2, 29});
  CHECK(months_before(Date{2026, 4, 1}, 12) == Date{2025, 4, 1});
  CHECK(months_before(Date{2026, 1, 15}, 1) == Date{2025, 12, 15});
  CHECK(months_before(Date{2026, 1, 15}, 25) == Date{2023, 12, 15});
}

TEST_CASE("months_before is safe for any month count and any date") {
  // 2026 * 12 + 3 - 100000 = -75685 months: December of year -6308. (Truncating division
  // made the month 0, and days_in_month read kDays[-1].)
  CHECK(months_before(Date{2026, 4, 1}, 100000) == Date{-6308, 12, 1});
  CHECK(months_before(Date{1, 1, 15}, 13) == Date{-1, 12, 15});
  CHECK(months_before(Date{1, 1, 31}, 1) == Date{0, 12, 31});
  CHECK(months_before(Date{1, 3, 31}, 1) == Date{1, 2, 28});
  CHECK(months_before(Date{50, 6, 30}, 1200) == Date{-50, 6, 30});
  CHECK(months_before(Date{2026, 1, 31}, -1) == Date{2026, 2, 28});  // negative: later
  for (int months : {std::numeric_limits<int>::max(), std::numeric_limits<int>::min(), 0, 1, 11, 12,
                     13, 24011, 24012, 24013}) {
    for (Date date : {Date{1, 1, 1}, Date{9999, 12, 31}, Date{}, Date{2026, 0, 5},
                      Date{2026, 14, 40}, Date{-5, 7, 1}}) {
      INFO(date.iso() << " minus " << months << " months");
      Date out = months_before(date, months);
      CHECK(out.month >= 1);
      CHECK(out.month <= 12);
      CHECK(out.day <= 31);
    }
  }
  CHECK(days_in_month(2026, 0) == 0);
  CHECK(days_in_month(2026, 13) == 0);
  CHECK(days_in_month(2024, 2) == 29);
}

TEST_CASE("control characters other than TAB, LF and CR are found") {
  CHECK(find_control_character("tab\there\r\nline\n") == std::string_view::npos);
  CHECK(find_control_character("日本語") == std::string_view::npos);
  CHECK(find_control_character(std::string_view("ab\0c", 4)) == 2);
  CHECK(find_control_character("a\x01") == 1);
  CHECK(find_control_character("a\x0b") == 1);  // vertical tab
  CHECK(find_control_character("a\x0c") == 1);  // form feed
  CHECK(find_control_character("\x1b[0m") == 0);
  CHECK(find_control_character("x\x1f") == 1);
  CHECK(find_control_character("x\x7f") == 1);                          // DEL
  CHECK(find_control_character("\xc2\x80") == std::string_view::npos);  // U+0080 is not C0
}

}  // namespace
}  // namespace trustpage::content_detail
