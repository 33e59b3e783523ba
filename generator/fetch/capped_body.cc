#include "fetch/capped_body.h"

namespace trustpage::fetch_internal {

bool CappedBody::append(std::string_view chunk) {
  // Subtractions, not bytes_.size() + chunk.size(), which a huge chunk could overflow.
  if (chunk.size() > file_cap_ - bytes_.size()) {
    overflow_ = Overflow::kFileCap;
    return false;
  }
  if (chunk.size() > total_room_ - bytes_.size()) {
    overflow_ = Overflow::kTotalCap;
    return false;
  }
  bytes_.append(chunk);
  return true;
}

}  // namespace trustpage::fetch_internal
