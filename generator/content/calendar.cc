#include "content/calendar.h"

#include <algorithm>

namespace trustpage::content_detail {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Date months_before(const Date& date, int months) {
  int index = date.year * 12 + (date.month - 1) - months;
  Date out;
  out.year = index / 12;
  out.month = index % 12 + 1;
  out.day = std::min(date.day, days_in_month(out.year, out.month));
  return out;
}

}  // namespace trustpage::content_detail
