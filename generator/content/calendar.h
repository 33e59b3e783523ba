// Calendar arithmetic for Date (private to the content library).
#pragma once

#include "content/model.h"

namespace trustpage::content_detail {

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12; 0 for any other month

// The same day `months` months earlier, clamped to the month's end (2026-03-31 minus one
// month is 2026-02-28): the cut-off for "older than N months". Safe for any input: the
// result's month is always 1..12, its year may be 0 or negative (before any real date).
Date months_before(const Date& date, int months);

}  // namespace trustpage::content_detail
