// Calendar arithmetic for Date (private to the content library).
#pragma once

#include "content/model.h"

namespace trustpage::content_detail {

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12

// The same day `months` months earlier, clamped to the month's end (2026-03-31 minus one
// month is 2026-02-28): the cut-off for "older than N months".
Date months_before(const Date& date, int months);

}  // namespace trustpage::content_detail
