// Columns of a sheet that has no header row, read from what the cells hold.
#include <algorithm>
#include <set>

#include "import/columns.h"
#include "import/scoring.h"

namespace trustpage::import_detail {
namespace {

// The column with the most hits, and its count; -1 when none has at least `minimum`.
std::pair<int, int> best_column(const std::vector<int>& hits, int minimum,
                                const std::set<int>& taken) {
  int best = -1, count = 0;
  for (size_t c = 0; c < hits.size(); ++c) {
    if (taken.count(static_cast<int>(c))) continue;
    if (hits[c] >= minimum && hits[c] > count) {
      best = static_cast<int>(c);
      count = hits[c];
    }
  }
  return {best, count};
}

}  // namespace

std::optional<InferredColumns> infer_columns(const std::vector<SheetRow>& rows,
                                             const ChecklistTemplate& checklist) {
  std::vector<Bigrams> items, requirements;
  std::set<std::string> numbers;
  for (const TemplateItem& t : checklist.items) {
    items.push_back(cell_bigrams(t.item));
    requirements.push_back(cell_bigrams(t.requirement));
    numbers.insert(number_key(t.no));
  }
  size_t width = 0;
  for (const SheetRow& row : rows) width = std::max(width, row.cells.size());
  std::vector<int> item_hits(width), requirement_hits(width), number_hits(width);
  std::vector<bool> anchor(rows.size());  // rows whose item or requirement matched
  std::vector<std::vector<bool>> item_at(rows.size()), requirement_at(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = rows[r].cells;
    item_at[r].assign(width, false);
    requirement_at[r].assign(width, false);
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      if (cells[c].size() <= 16 && numbers.count(number_key(cells[c]))) ++number_hits[c];
      Bigrams key = cell_bigrams(cells[c]);
      for (size_t t = 0; t < items.size(); ++t) {
        if (!item_at[r][c] && similarity(key, items[t]) >= kSameItem) item_at[r][c] = true;
        if (!requirement_at[r][c] && requirement_score(key, requirements[t]) >= kSameRequirement)
          requirement_at[r][c] = true;
        if (item_at[r][c] && requirement_at[r][c]) break;
      }
      item_hits[c] += item_at[r][c];
      requirement_hits[c] += requirement_at[r][c];
    }
  }
  std::set<int> taken;
  auto [item, item_count] = best_column(item_hits, 2, taken);
  if (item >= 0) taken.insert(item);
  auto [requirement, requirement_count] = best_column(requirement_hits, 2, taken);
  if (requirement >= 0) taken.insert(requirement);
  if (item < 0 && requirement < 0) return std::nullopt;
  auto [no, no_count] = best_column(number_hits, 2, taken);
  // Numbers stand left of the question; a column of numbers to its right is an answer.
  if (no >= 0 && no > std::max(item, requirement)) no = -1;

  size_t first = rows.size();
  for (size_t r = 0; r < rows.size(); ++r) {
    bool hit =
        (item >= 0 && item_at[r][item]) || (requirement >= 0 && requirement_at[r][requirement]);
    anchor[r] = hit;
    if (hit && first == rows.size()) first = r;
  }
  // The answer: right of the question columns, the column filled on most matched rows.
  int question = std::max(item, requirement);
  std::vector<int> filled(width);
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!anchor[r]) continue;
    for (size_t c = question + 1; c < rows[r].cells.size(); ++c)
      filled[c] += !rows[r].cells[c].empty();
  }
  int answer = -1, remarks = -1;
  for (size_t c = question + 1; c < width; ++c) {
    if (filled[c] == 0) continue;
    if (answer < 0) {
      answer = static_cast<int>(c);
    } else {
      remarks = static_cast<int>(c);
      break;
    }
  }
  if (answer < 0) return std::nullopt;
  InferredColumns out;
  out.first_row = first;
  if (no >= 0) out.roles["no"] = no;
  if (item >= 0) out.roles["item"] = item;
  if (requirement >= 0) out.roles["requirement"] = requirement;
  out.roles["answer"] = answer;
  if (remarks >= 0) out.roles["remarks"] = remarks;
  out.reason = item >= 0 ? "the template's item names in column " + column_letter(item) + " on " +
                               std::to_string(item_count) + " rows"
                         : "the template's requirements in column " + column_letter(requirement) +
                               " on " + std::to_string(requirement_count) + " rows";
  if (item >= 0 && requirement >= 0) {
    out.reason += ", its requirements in column " + column_letter(requirement) + " on " +
                  std::to_string(requirement_count);
  }
  if (no >= 0) {
    out.reason +=
        ", its numbers in column " + column_letter(no) + " on " + std::to_string(no_count);
  }
  return out;
}

}  // namespace trustpage::import_detail
