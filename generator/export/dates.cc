#include "export/dates.h"

#include <cstdio>
#include <ctime>

namespace trustpage::export_detail {
namespace {

std::tm committer_time(const Provenance& p) {
  std::time_t t = static_cast<std::time_t>(p.time) + p.offset_minutes * 60LL;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

std::string commit_timestamp(const Provenance& p) {
  if (p.commit.empty()) return "";
  std::tm tm = committer_time(p);
  int offset = p.offset_minutes < 0 ? -p.offset_minutes : p.offset_minutes;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                p.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return buffer;
}

std::string commit_date(const Provenance& p) {
  std::string stamp = commit_timestamp(p);
  return stamp.substr(0, stamp.empty() ? 0 : 10);
}

}  // namespace trustpage::export_detail
