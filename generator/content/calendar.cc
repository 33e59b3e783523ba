#include "content/calendar.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace trustpage::content_detail {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;  // not a month: no day fits in it
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Date months_before(const Date& date, int months) {
  // 64-bit, with floor division: a month count larger than the date's year * 12 (or a
  // negative one, or a date before year 1) gives a month 1..12 of a year <= 0 instead of a
  // negative month that indexes outside the month table.
  std::int64_t index = std::int64_t{date.year} * 12 + (date.month - 1) - std::int64_t{months};
  std::int64_t year = index / 12;
  std::int64_t month = index % 12;
  if (month < 0) {
    month += 12;
    --year;
  }
  Date out;
  out.year = static_cast<int>(std::clamp<std::int64_t>(year, std::numeric_limits<int>::min(),
                                                       std::numeric_limits<int>::max()));
  out.month = static_cast<int>(month) + 1;
  out.day = std::min(date.day, days_in_month(out.year, out.month));
  return out;
}

}  // namespace trustpage::content_detail
