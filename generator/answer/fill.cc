// answer_questionnaire: read the sheet, find its table, match each question, write the copy.
#include <algorithm>

#include "answer/answer.h"
#include "answer/choices.h"
#include "answer/citation.h"
#include "answer/csv_cells.h"
#include "answer/item_index.h"
#include "answer/layout.h"
#include "answer/questionnaire.h"
#include "answer/xlsx_cells.h"
#include "common/unicode.h"
#include "import/zip_package.h"

namespace trustpage {
namespace {

using answer_detail::CellWrite;
using answer_detail::Choices;
using answer_detail::Layout;

// A second item is cited beside the best one when it scores this close to it: "バックアップ
// の頻度と保存期間" is two items' question.
constexpr double kAlsoCitedRatio = 0.8;
constexpr size_t kMaxCited = 3;
constexpr size_t kCandidates = 3;
constexpr size_t kTitleCodePoints = 40;

std::string short_title(const answer_detail::IndexedItem& found) {
  std::vector<char32_t> name = code_points(found.item->item);
  if (name.size() > kTitleCodePoints) {
    name.resize(kTitleCodePoints);
    name.push_back(U'…');
  }
  return found.checklist->id + " No." + found.item->no + " " + to_utf8(name);
}

ItemMatch match_of(const Site& site, const answer_detail::ItemIndex& index,
                   const answer_detail::ScoredItem& scored) {
  const answer_detail::IndexedItem& found = index.items()[scored.index];
  return {found.item->id, short_title(found),
          answer_detail::item_url(site, *found.checklist, *found.item), scored.score};
}

// The cells of a range a dropdown takes its list from, on `range.sheet` or else on the
// questionnaire's own worksheet.
std::vector<std::string> range_cells(const std::string& bytes, const std::string& file,
                                     const Sheet& sheet, const answer_detail::RangeRef& range) {
  std::optional<Sheet> other;
  if (!range.sheet.empty() && range.sheet != sheet.sheet_name) {
    Result<Sheet> read = read_sheet(bytes, file, Encoding::kAuto, range.sheet);
    if (!read.ok()) return {};
    other = std::move(*read);
  }
  std::vector<std::string> values;
  for (const SheetRow& row : (other ? *other : sheet).rows) {
    if (row.number < range.from.row || row.number > range.to.row) continue;
    for (int c = range.from.column; c <= range.to.column; ++c) {
      std::string value = answer_detail::cell_text(row, c);
      if (!value.empty()) values.push_back(value);
    }
  }
  return values;
}

std::optional<Choices> find_choices(const std::string& bytes, const std::string& file,
                                    const answer_detail::Questionnaire& table, int first_row,
                                    int last_row) {
  if (table.sheet.format == "xlsx") {
    Result<import_detail::ZipHandle> zip = import_detail::open_package(bytes, file);
    if (zip.ok()) {
      Result<pugi::xml_document> doc =
          import_detail::parse_part(zip->get(), table.sheet.part, file, true);
      auto read_range = [&](const answer_detail::RangeRef& range) {
        return range_cells(bytes, file, table.sheet, range);
      };
      if (doc.ok()) {
        if (auto found = answer_detail::dropdown_choices(*doc, table.layout.answer, first_row,
                                                         last_row, read_range)) {
          return found;
        }
      }
    }
  }
  return answer_detail::header_choices(
      answer_detail::cell_text(table.sheet.rows[table.layout.header], table.layout.answer));
}

Result<std::string> write_copy(const std::string& bytes, const std::string& file,
                               const Sheet& sheet, const std::vector<CellWrite>& writes,
                               size_t* replaced) {
  if (sheet.format != "xlsx") {
    return answer_detail::set_delimited_cells(bytes, sheet, writes, replaced);
  }
  Result<import_detail::ZipHandle> zip = import_detail::open_package(bytes, file);
  if (!zip.ok()) return zip.status();
  Result<std::optional<std::string>> xml = import_detail::read_part(zip->get(), sheet.part, file);
  if (!xml.ok()) return xml.status();
  if (!*xml) return import_detail::broken_workbook(file, sheet.part + " is missing");
  Result<std::string> edited = answer_detail::set_inline_strings(**xml, writes, file);
  if (!edited.ok()) return edited.status();
  return answer_detail::replace_part(bytes, sheet.part, *edited, file);
}

}  // namespace

Result<FilledQuestionnaire> answer_questionnaire(const std::string& bytes, const std::string& file,
                                                 const Content& content,
                                                 const AnswerOptions& options) {
  Result<answer_detail::Questionnaire> table =
      answer_detail::read_questionnaire(bytes, file, options.worksheet);
  if (!table.ok()) return table.status();
  const Sheet& sheet = table->sheet;
  const Layout& layout = table->layout;
  if (!options.overwrite) {
    if (Status s = answer_detail::refuse_answered(*table, file); !s.ok()) return s;
  }

  FilledQuestionnaire filled;
  filled.format = sheet.format;
  filled.worksheet = sheet.sheet_name;
  std::optional<Choices> choices =
      find_choices(bytes, file, *table, sheet.rows[table->rows.front()].number,
                   sheet.rows[table->rows.back()].number);
  std::string questions_at;
  for (int c : layout.questions) {
    questions_at +=
        (questions_at.empty() ? "" : ", ") + answer_detail::column_name(sheet, layout, c);
  }
  filled.layout.push_back(
      "header: " + sheet.row_word() + " " + std::to_string(sheet.rows[layout.header].number) +
      "; questions: " + questions_at + " (" + std::to_string(table->rows.size()) + " rows)");
  std::string answer_line = "answers: " + answer_detail::column_name(sheet, layout, layout.answer);
  if (choices) {
    std::string list;
    for (const std::string& v : choices->values) list += (list.empty() ? "" : "/") + v;
    answer_line += ", one of " + list + " (from " + choices->source + ")";
  } else {
    answer_line += ", free text (no dropdown or choices in the header)";
  }
  filled.layout.push_back(answer_line);
  filled.layout.push_back(
      layout.remarks ? "sources: " + answer_detail::column_name(sheet, layout, *layout.remarks)
      : choices      ? "sources: no remarks column — listed in this report only"
                     : "sources: no remarks column — appended to the answer");
  if (!layout.others.empty()) {
    std::string others;
    for (int c : layout.others) {
      others += (others.empty() ? "" : ", ") + answer_detail::column_name(sheet, layout, c);
    }
    filled.layout.push_back("left as they are: " + others);
  }

  answer_detail::ItemIndex index(content);
  std::vector<CellWrite> writes;
  for (size_t q = 0; q < table->rows.size(); ++q) {
    AnsweredRow row;
    row.row = sheet.rows[table->rows[q]].number;
    row.question = table->questions[q];
    std::vector<answer_detail::ScoredItem> found = index.search(row.question);
    double top = found.empty() ? 0 : found.front().score;
    for (size_t i = 0; i < found.size() && i < kCandidates; ++i) {
      row.candidates.push_back(match_of(content.site, index, found[i]));
    }
    if (top < kNoMatchScore) {
      row.outcome = RowOutcome::kUnanswered;
      filled.rows.push_back(std::move(row));
      continue;
    }
    if (top < options.min_score) {
      row.outcome = RowOutcome::kUnsure;
      filled.rows.push_back(std::move(row));
      continue;
    }
    const answer_detail::IndexedItem& best = index.items()[found.front().index];
    std::string answer = best.item->answer;
    if (choices) {
      std::optional<std::string> choice = answer_detail::choice_for(*choices, best.item->status);
      if (!choice) {
        row.outcome = RowOutcome::kUnsure;
        row.note = "the best item's status is " + std::string(to_string(best.item->status)) +
                   " and no choice says that: answer by hand";
        filled.rows.push_back(std::move(row));
        continue;
      }
      answer = *choice;
    }
    std::string sources;
    for (size_t i = 0; i < found.size() && row.cited.size() < kMaxCited; ++i) {
      if (i > 0 && found[i].score < std::max(options.min_score, top * kAlsoCitedRatio)) break;
      const answer_detail::IndexedItem& item = index.items()[found[i].index];
      row.cited.push_back(match_of(content.site, index, found[i]));
      sources +=
          (sources.empty() ? "" : "\n\n") +
          answer_detail::citation_text(content.site, *item.checklist, *item.item, options.release);
    }
    row.outcome = RowOutcome::kFilled;
    row.candidates.clear();
    if (layout.remarks) {
      writes.push_back({row.row, *layout.remarks, sources});
    } else if (!choices) {
      answer = sources;  // the citation opens with the item's answer
    }
    writes.push_back({row.row, layout.answer, answer});
    row.answer = answer;
    filled.rows.push_back(std::move(row));
  }
  Result<std::string> copy = write_copy(bytes, file, sheet, writes, &filled.replaced_characters);
  if (!copy.ok()) return copy.status();
  filled.bytes = std::move(*copy);
  return filled;
}

}  // namespace trustpage
