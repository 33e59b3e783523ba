// Times as git records them (seconds since the epoch plus the author's or committer's UTC
// offset), formatted in that offset: never in the machine's time zone, so output is the
// same on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace trustpage {

// strftime(`pattern`) of the time as seen at `offset_minutes` from UTC.
std::string format_local_time(std::int64_t time, int offset_minutes, const char* pattern);

// "2026-10-01T09:30:00+09:00" (ISO 8601 / RFC 3339), in that offset.
std::string iso_datetime(std::int64_t time, int offset_minutes);

// "+09:00" (or "+0900" without the colon, as git prints it).
std::string utc_offset(int offset_minutes, bool colon = true);

}  // namespace trustpage
