// A readable line diff for remarks: what a reviewer needs to see of a changed paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustpage {

struct DiffLine {
  enum class Op { kSame, kRemoved, kAdded, kSkipped };
  Op op = Op::kSame;
  std::string text;  // for kSkipped: empty (the lines left out are unchanged)
};

// Lines of `before` and `after` as a minimal edit script (longest common subsequence),
// keeping `context` unchanged lines around each change and folding the rest into kSkipped.
std::vector<DiffLine> line_diff(std::string_view before, std::string_view after, int context = 2);

}  // namespace trustpage
