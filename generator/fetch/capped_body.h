// A response body that refuses to grow past a cap, so a hostile host cannot fill memory:
// the transfer stops at the first chunk that would cross it, whatever Content-Length said.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trustpage::fetch_internal {

class CappedBody {
 public:
  enum class Overflow { kNone, kFileCap, kTotalCap };

  // `file_cap` bounds this body; `total_room` is what the site's total cap has left.
  CappedBody(size_t file_cap, size_t total_room) : file_cap_(file_cap), total_room_(total_room) {}

  // False, keeping nothing of `chunk`, when it would cross a cap.
  bool append(std::string_view chunk);
  Overflow overflow() const { return overflow_; }
  std::string& bytes() { return bytes_; }

 private:
  size_t file_cap_;
  size_t total_room_;
  Overflow overflow_ = Overflow::kNone;
  std::string bytes_;
};

}  // namespace trustpage::fetch_internal
