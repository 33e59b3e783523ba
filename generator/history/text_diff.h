// A readable line diff for remarks: what a reviewer needs to see of a changed paragraph.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustpage {

struct DiffLine {
  enum class Op { kSame, kRemoved, kAdded, kSkipped };
  Op op = Op::kSame;
  std::string text;  // for kSkipped: empty (the lines left out are unchanged)
};

// The most cells the longest-common-subsequence table may have (4 bytes each: 16 MB). Two
// 64 KiB remarks of short lines, every line changed, would need 4 G of them (and a 230 KB
// item once asked for 14 GB): such a change is shown as "too large to compare" instead.
inline constexpr size_t kMaxDiffCells = size_t{1} << 22;

// Lines of `before` and `after` as a minimal edit script (longest common subsequence),
// keeping `context` unchanged lines around each change and folding the rest into kSkipped;
// nullopt when the lines that differ are too many to compare (kMaxDiffCells).
std::optional<std::vector<DiffLine>> line_diff(std::string_view before, std::string_view after,
                                               int context = 2);

}  // namespace trustpage
