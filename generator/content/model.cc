#include "content/model.h"

#include <array>
#include <cstdio>

#include "content/calendar.h"

namespace trustpage {
namespace {

constexpr std::array<std::pair<AnswerStatus, std::string_view>, 6> kStatusNames = {{
    {AnswerStatus::kYes, "yes"},
    {AnswerStatus::kNo, "no"},
    {AnswerStatus::kPartial, "partial"},
    {AnswerStatus::kNotApplicable, "na"},
    {AnswerStatus::kUndisclosed, "undisclosed"},
    {AnswerStatus::kPlanned, "planned"},
}};

// Two or four ASCII digits at `text[at..]`, or -1.
int digits(std::string_view text, size_t at, size_t count) {
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string_view to_string(AnswerStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "undisclosed";
}

std::optional<AnswerStatus> parse_answer_status(std::string_view text) {
  for (const auto& [value, name] : kStatusNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

const std::vector<AnswerStatus>& all_answer_statuses() {
  static const std::vector<AnswerStatus> kAll = [] {
    std::vector<AnswerStatus> all;
    for (const auto& entry : kStatusNames) all.push_back(entry.first);
    return all;
  }();
  return kAll;
}

std::optional<Date> Date::parse(std::string_view iso) {
  // Exactly YYYY-MM-DD: "2026-4-1", "2026/04/01" or a trailing time are all refused, so a
  // date in content means one thing only.
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  Date date{digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2)};
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  if (date.day > content_detail::days_in_month(date.year, date.month)) return std::nullopt;
  return date;
}

std::string Date::iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::int64_t Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = month > 2 ? month - 3 : month + 9;
  std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace trustpage
