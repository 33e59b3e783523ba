#include "import/merge.h"

#include "import/text.h"

namespace trustpage::import_detail {
namespace {

std::string shown(const std::string& value) {
  return value.empty() ? "(empty)" : "\"" + excerpt_text(value) + "\"";
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

// The sheet's value where it has one, else the current one; a change is listed.
std::string take(const char* field, const std::string& sheet, const std::string& current,
                 std::vector<std::string>* changes) {
  if (sheet.empty() || sheet == current) return current;
  changes->push_back(std::string(field) + ": " + shown(current) + " → " + shown(sheet));
  return sheet;
}

}  // namespace

std::string excerpt_text(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  std::vector<char32_t> points = code_points(line);
  if (points.size() <= 40 && line.size() == text.size()) return line;
  if (points.size() > 40) points.resize(40);
  return to_utf8(points) + "…";
}

ImportedItem merge_item(const ImportedItem& sheet, const ExistingItem& existing,
                        std::vector<std::string>* changes) {
  ImportedItem out = sheet;
  out.meta.category = take("category", sheet.meta.category, existing.category, changes);
  out.meta.item = take("item", sheet.meta.item, existing.item, changes);
  out.meta.requirement = take("requirement", sheet.meta.requirement, existing.requirement, changes);
  out.meta.unit = take("unit", sheet.meta.unit, existing.unit, changes);

  std::optional<AnswerStatus> current = parse_answer_status(existing.status);
  std::string sheet_status = sheet.status ? std::string(to_string(*sheet.status)) : "";
  if (current && sheet.status && sheet.status_guessed && *sheet.status != *current) {
    // An --unmarked guess never overrides a status the vendor set.
    out.status = current;
    out.status_guessed = false;
    changes->push_back("status: " + existing.status + " kept — the sheet's answer " +
                       shown(sheet.answer) + " states no status (--unmarked is only a guess)");
  } else if (current && !sheet.status) {
    out.status = current;
  } else if (sheet.status && (!current || *sheet.status != *current)) {
    changes->push_back("status: " + (existing.status.empty() ? "(empty)" : existing.status) +
                       " → " + sheet_status);
  }
  out.answer = take("answer", sheet.answer, existing.answer, changes);
  out.remarks = take("remarks", trim(sheet.remarks), existing.remarks, changes);
  std::vector<std::string> evidence = sheet.evidence.empty() ? existing.evidence : sheet.evidence;
  if (evidence != existing.evidence) {
    changes->push_back("evidence: " + shown(joined(existing.evidence)) + " → " +
                       shown(joined(evidence)));
  }
  out.evidence = evidence;

  // The same answer read again is not a new review: its date stays.
  bool same_answer = out.answer == existing.answer && out.remarks == existing.remarks &&
                     out.evidence == existing.evidence &&
                     (out.status ? std::string(to_string(*out.status)) : "") == existing.status;
  if (same_answer || sheet.reviewed.empty()) {
    out.reviewed = existing.reviewed;
  } else {
    out.reviewed = take("reviewed", sheet.reviewed, existing.reviewed, changes);
  }
  if (out.answer.empty() && !out.status) out.reviewed.clear();
  return out;
}

}  // namespace trustpage::import_detail
