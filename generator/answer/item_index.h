// Which published items a question is about: TF-IDF over each item's texts. A score is the
// mean of the cosine of question and item and of the share of the question's weight the
// item's words cover, so it reads the same for every content: 0 nothing shared, 1 the same
// words.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/model.h"

namespace trustpage::answer_detail {

struct IndexedItem {
  const Checklist* checklist = nullptr;
  const Item* item = nullptr;
};

struct ScoredItem {
  size_t index = 0;  // into ItemIndex::items()
  double score = 0;
};

class ItemIndex {
 public:
  // Every item of every checklist. `content` must outlive the index.
  explicit ItemIndex(const Content& content);

  // The items sharing words with `question`, best first (ties in content order).
  std::vector<ScoredItem> search(const std::string& question) const;

  const std::vector<IndexedItem>& items() const { return items_; }

 private:
  using Vector = std::map<std::string, double>;  // token -> weight
  double idf(const std::string& token) const;
  // Term frequencies as TF-IDF weights, and their Euclidean norm.
  Vector weigh(const std::map<std::string, double>& tf, double* norm) const;

  std::vector<IndexedItem> items_;
  std::vector<Vector> vectors_;       // tf-idf per item, unit length
  std::vector<std::string> anchors_;  // each item's name as a match key, "" when too short
  std::map<std::string, int> document_frequency_;
};

}  // namespace trustpage::answer_detail
