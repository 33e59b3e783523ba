#include "common/local_time.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace trustpage {

std::string format_local_time(std::int64_t time, int offset_minutes, const char* pattern) {
  std::time_t local = static_cast<std::time_t>(time + offset_minutes * 60LL);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
  return std::string(buf, n);
}

std::string iso_datetime(std::int64_t time, int offset_minutes) {
  return format_local_time(time, offset_minutes, "%Y-%m-%dT%H:%M:%S") + utc_offset(offset_minutes);
}

std::string utc_offset(int offset_minutes, bool colon) {
  char buf[16];
  std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d",
                offset_minutes < 0 ? '-' : '+', std::abs(offset_minutes) / 60,
                std::abs(offset_minutes) % 60);
  return buf;
}

}  // namespace trustpage
