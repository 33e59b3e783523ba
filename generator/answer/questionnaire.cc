#include "answer/questionnaire.h"

#include "common/printable.h"
#include "common/unicode.h"
#include "import/zip_package.h"

namespace trustpage::answer_detail {
namespace {

bool is_xlsx(const std::string& bytes) {
  return bytes.rfind("PK\x03\x04", 0) == 0;
}

struct SheetAndLayout {
  Sheet sheet;
  Layout layout;
};

Result<SheetAndLayout> read_table(const std::string& bytes, const std::string& file,
                                  const std::string& worksheet) {
  std::vector<std::string> names = {worksheet};
  if (is_xlsx(bytes) && worksheet.empty()) {
    Result<import_detail::ZipHandle> zip = import_detail::open_package(bytes, file);
    if (!zip.ok()) return zip.status();
    Result<std::vector<import_detail::WorksheetPart>> sheets =
        import_detail::list_worksheets(zip->get(), file);
    if (!sheets.ok()) return sheets.status();
    names.clear();
    for (const auto& s : *sheets) names.push_back(s.name);
    if (names.empty()) names.push_back("");
  }
  std::optional<Status> first_error;
  for (const std::string& name : names) {
    Result<Sheet> sheet = read_sheet(bytes, file, Encoding::kAuto, name);
    if (!sheet.ok()) {
      // A damaged package fails the same way for every sheet.
      if (!is_xlsx(bytes) || names.size() == 1 ||
          sheet.status().message().find("cannot read this XLSX") != std::string::npos) {
        return sheet.status();
      }
      if (!first_error) first_error = sheet.status();
      continue;
    }
    Result<Layout> layout = find_layout(*sheet);
    if (layout.ok()) return SheetAndLayout{std::move(*sheet), std::move(*layout)};
    if (!first_error) first_error = layout.status();
  }
  if (names.size() > 1) {
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + ("\"" + n + "\"");
    return Status::Error(Location{file},
                         "no worksheet (" + list +
                             ") has a header row with a question column and an answer column "
                             "— the table needs a header such as 質問 (or 確認項目, 項目) over "
                             "the questions and 回答 over the answers");
  }
  return *first_error;
}

std::string row_list(const std::vector<int>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < 10; ++i)
    out += (i ? ", " : "") + std::to_string(rows[i]);
  if (rows.size() > 10) out += " and " + std::to_string(rows.size() - 10) + " more";
  return out;
}

}  // namespace

std::string cell_text(const SheetRow& row, int column) {
  return column >= 0 && column < static_cast<int>(row.cells.size()) ? row.cells[column] : "";
}

Result<Questionnaire> read_questionnaire(const std::string& bytes, const std::string& file,
                                         const std::string& worksheet) {
  Result<SheetAndLayout> table = read_table(bytes, file, worksheet);
  if (!table.ok()) return table.status();
  Questionnaire q{std::move(table->sheet), std::move(table->layout), {}, {}};
  for (size_t r = q.layout.header + 1; r < q.sheet.rows.size(); ++r) {
    std::string text;
    for (int c : q.layout.questions) {
      std::string part = cell_text(q.sheet.rows[r], c);
      if (!part.empty()) text += (text.empty() ? "" : "\n") + part;
    }
    if (text.empty()) continue;
    q.rows.push_back(r);
    q.questions.push_back(text);
  }
  if (q.rows.empty()) {
    return Status::Error(Location{file, q.sheet.rows[q.layout.header].number},
                         "no questions below the header row in column " +
                             column_name(q.sheet, q.layout, q.layout.questions.front()));
  }
  return q;
}

Status refuse_answered(const Questionnaire& q, const std::string& file) {
  const Layout& layout = q.layout;
  std::vector<int> rows;
  std::string first_value;
  for (size_t r : q.rows) {
    const SheetRow& row = q.sheet.rows[r];
    std::string value = cell_text(row, layout.answer);
    if (value.empty() && layout.remarks) value = cell_text(row, *layout.remarks);
    if (value.empty()) continue;
    if (rows.empty()) {
      std::vector<char32_t> points = code_points(value);
      if (points.size() > 40) points.resize(40);
      first_value = printable(to_utf8(points));
    }
    rows.push_back(row.number);
  }
  if (rows.empty()) return Status::Ok();
  std::string where = q.sheet.row_word() + (rows.size() > 1 ? "s " : " ") + row_list(rows);
  return Status::Error(
      Location{file, rows.front()},
      where + ": the answer column " + column_name(q.sheet, layout, layout.answer) +
          (layout.remarks
               ? " or the remarks column " + column_name(q.sheet, layout, *layout.remarks)
               : "") +
          " already holds text (\"" + first_value +
          "\") — the customer's sample answers, or an earlier fill? Nothing was written; pass "
          "--overwrite to replace them with the published answers");
}

}  // namespace trustpage::answer_detail
