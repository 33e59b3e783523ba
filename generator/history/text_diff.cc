#include "history/text_diff.h"

#include <algorithm>

namespace trustpage {
namespace {

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::optional<std::vector<DiffLine>> line_diff(std::string_view before, std::string_view after,
                                               int context) {
  std::vector<std::string_view> a = lines(before), b = lines(after);
  // Common prefix and suffix first: remarks usually change in one place.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // LCS table over the middle, one flat block (remarks usually change in a few lines).
  if ((n + 1) > kMaxDiffCells / (m + 1)) return std::nullopt;
  const size_t width = m + 1;
  std::vector<unsigned> table((n + 1) * width, 0);
  auto lcs = [&](size_t i, size_t j) -> unsigned& { return table[i * width + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs(i, j) = a[head + i] == b[head + j] ? lcs(i + 1, j + 1) + 1
                                             : std::max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  std::vector<DiffLine> all;
  for (size_t k = 0; k < head; ++k) all.push_back({DiffLine::Op::kSame, std::string(a[k])});
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      all.push_back({DiffLine::Op::kSame, std::string(a[head + i])});
      ++i, ++j;
    } else if (i < n && (j == m || lcs(i + 1, j) >= lcs(i, j + 1))) {
      all.push_back({DiffLine::Op::kRemoved, std::string(a[head + i++])});  // "-" before "+"
    } else {
      all.push_back({DiffLine::Op::kAdded, std::string(b[head + j++])});
    }
  }
  for (size_t k = a.size() - tail; k < a.size(); ++k)
    all.push_back({DiffLine::Op::kSame, std::string(a[k])});

  // Keep `context` unchanged lines around changes.
  std::vector<bool> keep(all.size(), false);
  for (size_t k = 0; k < all.size(); ++k) {
    if (all[k].op == DiffLine::Op::kSame) continue;
    size_t from = k >= static_cast<size_t>(context) ? k - context : 0;
    size_t to = std::min(all.size(), k + context + 1);
    for (size_t x = from; x < to; ++x) keep[x] = true;
  }
  std::vector<DiffLine> out;
  for (size_t k = 0; k < all.size(); ++k) {
    if (keep[k]) {
      out.push_back(std::move(all[k]));
    } else if (out.empty() || out.back().op != DiffLine::Op::kSkipped) {
      out.push_back({DiffLine::Op::kSkipped, ""});
    }
  }
  return out;
}

}  // namespace trustpage
