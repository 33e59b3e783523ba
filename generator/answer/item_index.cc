#include "answer/item_index.h"

#include <algorithm>
#include <cmath>

#include "common/search_tokens.h"
#include "import/text.h"

namespace trustpage::answer_detail {
namespace {

// How much each field speaks for an item. The item name (METI's サービスレベル項目, or the
// question of a vendor's own sheet) is what customers paraphrase; the requirement explains
// it; the answer and remarks add the words a customer may use ("AES", "バックアップ") but
// also much that is not the question, so they count less.
constexpr double kItemWeight = 3.0;
constexpr double kRequirementWeight = 1.5;
constexpr double kCategoryWeight = 0.5;
constexpr double kAnswerWeight = 1.0;
constexpr double kRemarksWeight = 0.4;
// Remarks past this many bytes are the detail of an answer, not its subject.
constexpr size_t kRemarksBytes = 600;
// An item whose whole name appears in the question ("バックアップ世代数は？") is an anchor:
// its score gains this much. Names shorter than kAnchorCodePoints ("遅延") are too common.
constexpr double kAnchorBonus = 0.25;
constexpr size_t kAnchorCodePoints = 4;
// A question word no item uses weighs this much: enough that a question mostly about
// something else ("反社会的勢力") scores low, not so much that a customer's wording
// ("貴社では…ご記入ください") drowns the words that do match.
constexpr double kUnknownTokenIdf = 1.0;

void add_field(std::map<std::string, double>& tf, const std::string& text, double weight) {
  for (const std::string& token : search_tokens(text)) tf[token] += weight;
}

}  // namespace

ItemIndex::ItemIndex(const Content& content) {
  std::vector<std::map<std::string, double>> counts;
  for (const Checklist& checklist : content.checklists) {
    for (const Section& section : checklist.sections) {
      for (const Item& item : section.items) {
        items_.push_back({&checklist, &item});
        std::map<std::string, double> tf;
        add_field(tf, item.item, kItemWeight);
        add_field(tf, item.requirement, kRequirementWeight);
        add_field(tf, item.category, kCategoryWeight);
        add_field(tf, item.answer, kAnswerWeight);
        add_field(tf, item.remarks.substr(0, kRemarksBytes), kRemarksWeight);
        for (const auto& [token, n] : tf) ++document_frequency_[token];
        counts.push_back(std::move(tf));
        std::string anchor = import_detail::match_key(item.item);
        anchors_.push_back(code_points(anchor).size() >= kAnchorCodePoints ? anchor : "");
      }
    }
  }
  for (const auto& tf : counts) {
    double norm = 0;
    Vector v = weigh(tf, &norm);
    if (norm > 0) {
      for (auto& [token, w] : v) w /= norm;
    }
    vectors_.push_back(std::move(v));
  }
}

ItemIndex::Vector ItemIndex::weigh(const std::map<std::string, double>& tf, double* norm) const {
  Vector v;
  double sum = 0;
  for (const auto& [token, n] : tf) {
    double w = (1 + std::log(n)) * idf(token);  // sublinear: a word said twice is not twice as much
    v[token] = w;
    sum += w * w;
  }
  *norm = std::sqrt(sum);
  return v;
}

double ItemIndex::idf(const std::string& token) const {
  auto it = document_frequency_.find(token);
  if (it == document_frequency_.end()) return kUnknownTokenIdf;
  return std::log(1.0 + static_cast<double>(items_.size()) / it->second);
}

std::vector<ScoredItem> ItemIndex::search(const std::string& question) const {
  std::map<std::string, double> tf;
  add_field(tf, question, 1.0);
  double norm = 0;
  Vector q = weigh(tf, &norm);
  std::vector<ScoredItem> out;
  if (norm == 0) return out;
  std::string key = import_detail::match_key(question);
  for (size_t i = 0; i < vectors_.size(); ++i) {
    double dot = 0, covered = 0;
    for (const auto& [token, w] : q) {
      auto it = vectors_[i].find(token);
      if (it == vectors_[i].end()) continue;
      dot += w * it->second;
      covered += w * w;
    }
    // Cosine alone ranks well but sinks with an item's long remarks; coverage alone favours
    // items that mention everything. Their mean separated right matches (0.30-0.87) from
    // questions nothing answers (below 0.17) on the test sheets; either alone did not.
    double score = 0.5 * (dot / norm + covered / (norm * norm));
    if (!anchors_[i].empty() && key.find(anchors_[i]) != std::string::npos) score += kAnchorBonus;
    if (score > 0) out.push_back({i, std::min(score, 1.0)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ScoredItem& a, const ScoredItem& b) { return a.score > b.score; });
  return out;
}

}  // namespace trustpage::answer_detail
