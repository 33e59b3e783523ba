// The columns of the CSV and XLSX exports.
#include <algorithm>

#include "export/export.h"

namespace trustpage {

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> kFormats = {"csv", "xlsx", "json"};
  return kFormats;
}

const std::vector<ExportColumn>& export_columns() {
  // Headers as Japanese check sheets name them, so a reviewer's own sheet lines up and the
  // importer finds every column again. The id columns come last: reviewers can ignore them,
  // a re-import needs them to keep ids stable.
  static const std::vector<ExportColumn> kColumns = {
      {"no", "No.", 6},
      {"section", "区分", 16},
      {"category", "種別", 12},
      {"item", "項目", 24},
      {"requirement", "規定内容", 40},
      {"unit", "測定単位", 12},
      {"status", "状況", 10},
      {"answer", "回答", 40},
      {"remarks", "備考", 60},
      {"evidence", "根拠資料", 32},
      {"reviewed", "確認日", 12},
      {"id", "ID", 28},
      {"section_id", "区分ID", 20},
  };
  return kColumns;
}

std::string_view export_status_label(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kYes:
      return "対応";
    case AnswerStatus::kNo:
      return "非対応";
    case AnswerStatus::kPartial:
      return "一部対応";
    case AnswerStatus::kNotApplicable:
      return "対象外";
    case AnswerStatus::kUndisclosed:
      return "非開示";
    case AnswerStatus::kPlanned:
      return "対応予定";
  }
  return "";
}

namespace {

// Markdown bodies end with a newline; a cell should not.
std::string trim_end(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

}  // namespace

std::vector<std::string> export_row(const Section& section, const Item& item) {
  std::vector<std::string> row;
  for (const ExportColumn& column : export_columns()) {
    std::string_view key = column.key;
    if (key == "no")
      row.push_back(item.no);
    else if (key == "section")
      row.push_back(section.title);
    else if (key == "category")
      row.push_back(item.category);
    else if (key == "item")
      row.push_back(item.item);
    else if (key == "requirement")
      row.push_back(item.requirement);
    else if (key == "unit")
      row.push_back(item.unit);
    else if (key == "status")
      row.emplace_back(export_status_label(item.status));
    else if (key == "answer")
      row.push_back(item.answer);
    else if (key == "remarks")
      row.push_back(trim_end(item.remarks));
    else if (key == "evidence")
      row.push_back(join_lines(item.evidence));
    else if (key == "reviewed")
      row.push_back(item.reviewed.iso());
    else if (key == "id")
      row.push_back(item.id);
    else if (key == "section_id")
      row.push_back(section.id);
    else
      row.emplace_back();
  }
  return row;
}

}  // namespace trustpage
