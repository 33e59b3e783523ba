#include "import/scoring.h"

#include <algorithm>

#include "import/limits.h"

namespace trustpage::import_detail {

Bigrams cell_bigrams(std::string_view cell) {
  std::string key = match_key(cell);
  std::vector<char32_t> points = code_points(key);
  if (points.size() > kMaxMatchCodePoints) {
    points.resize(kMaxMatchCodePoints);
    key = to_utf8(points);
  }
  return bigrams_of(std::move(key));
}

double requirement_score(const Bigrams& cell, const Bigrams& requirement) {
  if (cell.key.empty() || requirement.key.empty()) return 0;
  double score = similarity(cell, requirement);
  bool cell_shorter = cell.key.size() < requirement.key.size();
  const Bigrams& shorter = cell_shorter ? cell : requirement;
  const std::string& longer = cell_shorter ? requirement.key : cell.key;
  // Bigrams are one fewer than code points.
  if (shorter.sorted.size() + 1 >= kMinFragment && longer.find(shorter.key) != std::string::npos) {
    score = std::max(score, 0.9);
  }
  return score;
}

std::string number_key(const std::string& text) {
  std::string key = trim(nfkc(text.substr(0, 64)));
  std::string lower;
  for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("no.", 0) == 0) key = trim(key.substr(3));
  while (!key.empty() && key.back() == '.') key.pop_back();
  size_t zeros = 0;
  while (zeros + 1 < key.size() && key[zeros] == '0' &&
         std::isdigit(static_cast<unsigned char>(key[zeros + 1])))
    ++zeros;
  return key.substr(zeros);
}

}  // namespace trustpage::import_detail
