// What vendors write in the answer column, read as a status.
#include <array>

#include "import/text.h"

namespace trustpage {
namespace {

struct Mark {
  std::string_view text;
  AnswerStatus status;
};

// Longer marks first, so 不可 is not read as 可 and 対応予定 not as 対応.
const std::vector<Mark>& marks() {
  static const std::vector<Mark> kMarks = [] {
    std::vector<Mark> m = {
        {"定めておりません", AnswerStatus::kUndisclosed},
        {"定めていません", AnswerStatus::kUndisclosed},
        {"開示しておりません", AnswerStatus::kUndisclosed},
        {"非公開", AnswerStatus::kUndisclosed},
        {"非開示", AnswerStatus::kUndisclosed},
        {"undisclosed", AnswerStatus::kUndisclosed},
        {"対応予定", AnswerStatus::kPlanned},
        {"導入予定", AnswerStatus::kPlanned},
        {"実施予定", AnswerStatus::kPlanned},
        {"検討中", AnswerStatus::kPlanned},
        {"planned", AnswerStatus::kPlanned},
        {"一部対応", AnswerStatus::kPartial},
        {"一部可", AnswerStatus::kPartial},
        {"一部", AnswerStatus::kPartial},
        {"△", AnswerStatus::kPartial},
        {"partial", AnswerStatus::kPartial},
        {"対象外", AnswerStatus::kNotApplicable},
        {"該当なし", AnswerStatus::kNotApplicable},
        {"非該当", AnswerStatus::kNotApplicable},
        {"n/a", AnswerStatus::kNotApplicable},
        {"na", AnswerStatus::kNotApplicable},
        {"非対応", AnswerStatus::kNo},
        {"不適合", AnswerStatus::kNo},
        {"未実施", AnswerStatus::kNo},
        {"未対応", AnswerStatus::kNo},
        {"不可", AnswerStatus::kNo},
        {"無し", AnswerStatus::kNo},
        {"なし", AnswerStatus::kNo},
        {"いいえ", AnswerStatus::kNo},
        {"無", AnswerStatus::kNo},
        {"✕", AnswerStatus::kNo},
        {"×", AnswerStatus::kNo},
        {"☓", AnswerStatus::kNo},
        {"✗", AnswerStatus::kNo},
        {"no", AnswerStatus::kNo},
        {"実施済み", AnswerStatus::kYes},
        {"実施済", AnswerStatus::kYes},
        {"適合", AnswerStatus::kYes},
        {"対応済み", AnswerStatus::kYes},
        {"対応済", AnswerStatus::kYes},
        {"対応可", AnswerStatus::kYes},
        {"対応", AnswerStatus::kYes},
        {"有り", AnswerStatus::kYes},
        {"あり", AnswerStatus::kYes},
        {"可能", AnswerStatus::kYes},
        {"はい", AnswerStatus::kYes},
        {"有", AnswerStatus::kYes},
        {"可", AnswerStatus::kYes},
        {"〇", AnswerStatus::kYes},
        {"◯", AnswerStatus::kYes},
        {"○", AnswerStatus::kYes},
        {"yes", AnswerStatus::kYes},
    };
    return m;
  }();
  return kMarks;
}

// A scale printed before the answer ("〇☓ 〇 …", "有無 有 …"): the sheet's unit column
// pasted into the answer.
constexpr std::array<std::string_view, 10> kScales = {"〇☓", "〇×",  "○×",    "◯✕",     "〇✕",
                                                      "○✕",  "有無", "有/無", "有・無", "可否"};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// What may follow a leading mark: the end, a space, a bracket or punctuation.
bool is_separator(std::string_view rest) {
  if (rest.empty()) return true;
  static const std::array<std::string_view, 20> kSeparators = {
      " ", "\t", "\n", "\xE3\x80\x80", "】", "]", ")",  "）", "〕", "、", "。",
      ":", "：", "/",  "／",           "-",  "(", "（", "【", "["};
  for (std::string_view s : kSeparators)
    if (rest.rfind(s, 0) == 0) return true;
  return false;
}

std::string strip_separators(std::string_view text) {
  static const std::array<std::string_view, 14> kLeading = {
      " ", "\t", "\n", "\xE3\x80\x80", "】", "]", ")", "）", "〕", "、", "。", ":", "：", "-"};
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view s : kLeading) {
      if (text.rfind(s, 0) == 0) {
        text.remove_prefix(s.size());
        changed = true;
      }
    }
  }
  return import_detail::trim(text);
}

}  // namespace

AnswerReading read_answer(const std::string& cell) {
  AnswerReading reading;
  std::string text = import_detail::trim(cell);
  reading.text = text;
  std::string_view rest(text);
  for (std::string_view scale : kScales) {
    if (rest.rfind(scale, 0) == 0 && rest.size() > scale.size() &&
        is_separator(rest.substr(scale.size()))) {
      rest = std::string_view(text).substr(scale.size());
      while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
      break;
    }
  }
  // Opening brackets around the mark: 【有】, [可], (無), 〔対象外〕.
  std::string_view body = rest;
  for (std::string_view open : {"【", "[", "(", "（", "〔", "［"}) {
    if (body.rfind(open, 0) == 0) {
      body.remove_prefix(open.size());
      break;
    }
  }
  for (const Mark& mark : marks()) {
    if (!starts_with_ci(body, mark.text)) continue;
    std::string_view after = body.substr(mark.text.size());
    if (!is_separator(after)) continue;
    reading.status = mark.status;
    std::string details = strip_separators(after);
    // The mark alone stays the answer, so the table never shows an empty cell.
    reading.text = details.empty() ? std::string(body.substr(0, mark.text.size())) : details;
    return reading;
  }
  return reading;
}

}  // namespace trustpage
