#include "export/dates.h"

#include "common/local_time.h"

namespace trustpage::export_detail {

std::string commit_timestamp(const Provenance& p) {
  return p.commit.empty() ? "" : iso_datetime(p.time, p.offset_minutes);
}

}  // namespace trustpage::export_detail
