// Rows to items: find the table, skip what is not an item row, match each row to the
// template by number and text, and read its answer.
#include <algorithm>

#include "import/columns.h"
#include "import/scoring.h"
#include "import/text.h"

namespace trustpage {
namespace {

using import_detail::Bigrams;
using import_detail::ColumnMap;
using import_detail::kSameItem;
using import_detail::kSameRequirement;
using import_detail::number_key;
using import_detail::requirement_score;
using import_detail::similarity;

std::string cell_at(const SheetRow& row, int col) {
  if (col < 0 || col >= static_cast<int>(row.cells.size())) return "";
  return row.cells[col];
}

std::string role_cell(const SheetRow& row, const ColumnMap& columns, const std::string& role,
                      int shift = 0) {
  auto it = columns.find(role);
  return it == columns.end() ? "" : cell_at(row, it->second + shift);
}

size_t length(std::string_view utf8) {
  return import_detail::code_points(utf8).size();
}

std::string excerpt(const SheetRow& row) {
  std::string out;
  for (const std::string& cell : row.cells) {
    if (cell.empty()) continue;
    std::string one = cell.substr(0, cell.find('\n'));
    if (!out.empty()) out += " | ";
    out += one;
    if (length(out) > 60) break;
  }
  std::vector<char32_t> points = import_detail::code_points(out);
  if (points.size() > 60) {
    points.resize(60);
    out = import_detail::to_utf8(points) + "…";
  }
  return out;
}

struct Candidate {
  int index = -1;
  double score = 0;
  int item_col = -1;
  int requirement_col = -1;
  bool requirement_match = false;
  bool item_match = false;
};

struct TemplateKeys {
  std::string no;
  Bigrams item, requirement;
};

Candidate best_match(const SheetRow& row, const ColumnMap& columns,
                     const std::vector<TemplateKeys>& keys) {
  std::string no = number_key(role_cell(row, columns, "no"));
  std::vector<Bigrams> cell_keys;
  for (const std::string& cell : row.cells) cell_keys.push_back(import_detail::cell_bigrams(cell));
  auto col = [&](const char* role) {
    auto it = columns.find(role);
    return it == columns.end() ? -1 : it->second;
  };
  Candidate best;
  for (size_t t = 0; t < keys.size(); ++t) {
    Candidate c;
    c.index = static_cast<int>(t);
    double item_score = 0, requirement = 0;
    for (size_t i = 0; i < cell_keys.size(); ++i) {
      if (static_cast<int>(i) == col("no")) continue;
      double s = similarity(cell_keys[i], keys[t].item);
      if (s > item_score) {
        item_score = s;
        c.item_col = static_cast<int>(i);
      }
      // An item name is often a piece of its requirement ("ウイルススキャン" of
      // "ウイルススキャンの頻度"): that cell is the item, not the requirement.
      double r = s >= kSameItem && s > similarity(cell_keys[i], keys[t].requirement)
                     ? 0
                     : requirement_score(cell_keys[i], keys[t].requirement);
      if (r > requirement) {
        requirement = r;
        c.requirement_col = static_cast<int>(i);
      }
    }
    bool number = !no.empty() && no == keys[t].no;
    c.item_match = item_score >= kSameItem;
    c.requirement_match = requirement >= kSameRequirement;
    // The requirement column holds text that is not this item's requirement: an item name
    // alone (they repeat across sheets) must not win then.
    int shift = c.item_match && col("item") >= 0 ? c.item_col - col("item") : 0;
    std::string requirement_text =
        col("requirement") >= 0 ? cell_at(row, col("requirement") + shift) : "";
    bool other_requirement = !requirement_text.empty() && !c.requirement_match;
    if (c.requirement_match) {
      c.score = 4 + requirement + (c.item_match ? 2 : 0) + (number ? 1 : 0);
    } else if (c.item_match && (number || !other_requirement)) {
      c.score = 2 + item_score + (number ? 1 : 0);
    } else if (number && (item_score >= 0.5 || requirement >= 0.5)) {
      c.score = 1.5 + item_score;
    } else if (number && role_cell(row, columns, "item").empty() && requirement_text.empty()) {
      c.score = 1;  // a sheet of numbers and answers only
    } else {
      continue;
    }
    if (c.score > best.score) best = c;
  }
  return best;
}

bool is_section_row(const SheetRow& row) {
  int filled = 0;
  size_t first = 0;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].empty()) continue;
    if (filled++ == 0) first = i;
  }
  return filled == 1 && first <= 1 &&
         number_key(row.cells[first]).find_first_not_of("0123456789") != std::string::npos;
}

// Reads up to `max_digits` digits at `at`; -1 when there is none.
int read_number(std::string_view text, size_t* at, int max_digits) {
  int value = 0, digits = 0;
  while (*at < text.size() && digits < max_digits && text[*at] >= '0' && text[*at] <= '9') {
    value = value * 10 + (text[(*at)++] - '0');
    ++digits;
  }
  return digits == 0 ? -1 : value;
}

// After a date part: "/", "-", ".", or the 年/月 of a Japanese date.
bool skip_date_separator(std::string_view text, size_t* at) {
  for (std::string_view sep : {"/", "-", ".", "年", "月"}) {
    if (text.substr(*at, sep.size()) == sep) {
      *at += sep.size();
      return true;
    }
  }
  return false;
}

// "記入日: 2026/03/18" above the table: the date the vendor filled the sheet in. Read by
// hand, in one pass over the cell: no std::regex on a sheet's text.
std::string sheet_date(const SheetRow& row) {
  static const std::string_view kLabels[] = {"記入日", "回答日", "更新日", "作成日", "日付"};
  for (const std::string& cell : row.cells) {
    if (cell.size() > 200) continue;  // a date line is short
    std::string text = import_detail::nfkc(cell);
    for (std::string_view label : kLabels) {
      size_t at = text.find(label);
      if (at == std::string::npos) continue;
      at += label.size();
      while (at < text.size() && (text[at] < '0' || text[at] > '9')) ++at;
      size_t start = at;
      int year = read_number(text, &at, 4);
      if (year < 0 || at - start != 4 || !skip_date_separator(text, &at)) continue;
      int month = read_number(text, &at, 2);
      if (month < 0 || !skip_date_separator(text, &at)) continue;
      int day = read_number(text, &at, 2);
      if (day < 0) continue;
      char buffer[32];  // room for any int, though read_number gives at most 4 digits
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      if (Date::parse(buffer)) return buffer;
    }
  }
  return "";
}

std::string header_text(const SheetRow& row) {
  std::string out;
  for (const std::string& cell : row.cells) {
    if (cell.empty()) continue;
    out += (out.empty() ? "" : " | ") + cell;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = import_detail::trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string label(const TemplateItem& item) {
  return "item " + item.no + " (" + item.item + ")";
}

class Importer {
 public:
  Importer(const Sheet& sheet, const ChecklistTemplate* tmpl, const ImportOptions& options)
      : sheet_(sheet), template_(tmpl), options_(options) {
    if (tmpl != nullptr) {
      for (const TemplateItem& item : tmpl->items) {
        keys_.push_back({number_key(item.no), import_detail::cell_bigrams(item.item),
                         import_detail::cell_bigrams(item.requirement)});
      }
      matched_.assign(tmpl->items.size(), -1);
    }
  }

  Result<ImportResult> run() {
    std::optional<ColumnMap> columns;
    if (!options_.columns.empty()) {
      columns = options_.columns;
      result_.report.columns.push_back({0, "as given by --columns: " + describe(*columns)});
    }
    // No header row anywhere: with a template, the cells tell which column is which.
    size_t first_data_row = 0;
    bool any_header = std::any_of(sheet_.rows.begin(), sheet_.rows.end(), [](const SheetRow& r) {
      return import_detail::header_roles(r).has_value();
    });
    if (!columns && !any_header && template_ != nullptr) {
      if (auto inferred = import_detail::infer_columns(sheet_.rows, *template_)) {
        columns = inferred->roles;
        first_data_row = inferred->first_row;
        result_.report.columns.push_back({sheet_.rows[first_data_row].number,
                                          "no header row: columns found by their content — " +
                                              describe(*columns) + " (" + inferred->reason + ")"});
      }
    }
    std::optional<ColumnMap> header_layout;
    for (size_t r = 0; r < sheet_.rows.size(); ++r) {
      const SheetRow& row = sheet_.rows[r];
      if (r < first_data_row) {
        if (date_.empty()) date_ = sheet_date(row);
        continue;  // the preamble above the table
      }
      std::optional<ColumnMap> header = import_detail::header_roles(row);
      if (header) {
        if (!options_.columns.empty()) continue;  // the hand-made map stays
        if (!header_layout || *header != *header_layout) {
          note(result_.report.columns, row,
               "header row " + header_text(row) + ": " + describe(*header));
        }
        if (header_layout && *header != *header_layout) {
          note(result_.report.adjusted, row,
               "a new table starts here (" + header_text(row) +
                   "); its rows are read with "
                   "these columns");
        }
        header_layout = header;  // a repeat at a page break changes nothing
        columns = header;
        continue;
      }
      if (!columns) {
        if (date_.empty()) date_ = sheet_date(row);
        continue;  // the preamble above the table
      }
      if (is_section_row(row)) {
        section_ = row.cells[row.cells[0].empty() ? 1 : 0];
        if (date_.empty()) date_ = sheet_date(row);
        continue;
      }
      if (template_ != nullptr) {
        match_row(row, *columns);
      } else {
        take_row(row, *columns, section_, items_);
      }
    }
    if (!columns) {
      return Status::Error(
          Location{sheet_.file},
          template_ != nullptr
              ? "no header row found, and no column holds the template's item or requirement "
                "texts — is this the right checklist? Add a row naming the columns (No., 項目, "
                "規定内容, 回答 …), or name them yourself, e.g. --columns no=A,item=C,answer=E"
              : "no header row found — the table needs a row naming its columns (No., 項目, "
                "規定内容, 回答 …); or name them yourself, e.g. --columns no=A,item=C,answer=E "
                "(with --checklist meti or --template the columns are also found without one)");
    }
    if (Status s = refuse_without_answers(*columns); !s.ok()) return s;
    finish();
    return std::move(result_);
  }

 private:
  void note(std::vector<ImportNote>& list, const SheetRow& row, std::string message) {
    list.push_back({row.number, std::move(message)});
  }

  std::string where(const SheetRow& row) const {
    return sheet_.row_word() + " " + std::to_string(row.number);
  }

  static std::string describe(const ColumnMap& columns) {
    std::vector<std::pair<int, std::string>> by_column;
    for (const auto& [role, col] : columns) by_column.emplace_back(col, role);
    std::sort(by_column.begin(), by_column.end());
    std::string out;
    for (const auto& [col, role] : by_column) {
      out += (out.empty() ? "" : ", ") + role + "=" + import_detail::column_letter(col);
    }
    return out;
  }

  // Rows matched, not one answer read: the answer column is wrong (a --columns guess, a
  // column of another table). Writing that would only turn answers into empty items.
  Status refuse_without_answers(const ColumnMap& columns) const {
    size_t answered = 0;
    for (const ImportedItem& item : items_) answered += !item.answer.empty() || item.status;
    for (const ImportedItem& item : result_.extra_items)
      answered += !item.answer.empty() || item.status;
    if (answered > 0) return Status::Ok();
    std::string answer = import_detail::column_letter(columns.at("answer"));
    std::string rows =
        items_.empty()
            ? "no row matches an item" + std::string(template_ != nullptr ? " of the template" : "")
            : std::to_string(items_.size()) +
                  " rows match items, but not one answer was read from them";
    return Status::Error(
        Location{sheet_.file},
        rows + " (answers read from column " + answer + ": " + describe(columns) +
            ") — nothing was written, so no answer is replaced with an empty one. Check which "
            "column holds the answers, and name it with --columns (e.g. --columns "
            "no=A,item=C,answer=E), or import the right file");
  }

  std::string reviewed_for(const SheetRow& row, const ColumnMap& columns, int shift) {
    std::string cell = role_cell(row, columns, "reviewed", shift);
    if (Date::parse(cell)) return cell;
    if (!options_.reviewed.empty()) return options_.reviewed;
    if (!date_.empty()) return date_;
    return options_.today;
  }

  // Fills status, answer, remarks… of `item` from the row's cells.
  void read_row(const SheetRow& row, const ColumnMap& columns, int shift, ImportedItem& item) {
    std::string answer_cell = role_cell(row, columns, "answer", shift);
    std::string status_cell = role_cell(row, columns, "status", shift);
    item.row = row.number;
    item.remarks = role_cell(row, columns, "remarks", shift);
    item.evidence = lines_of(role_cell(row, columns, "evidence", shift));
    if (!status_cell.empty()) {
      AnswerReading status = read_answer(status_cell);
      item.status = status.status;
      item.answer = answer_cell.empty() ? status.text : answer_cell;
    } else {
      AnswerReading reading = read_answer(answer_cell);
      item.status = reading.status;
      item.answer = reading.text;
    }
    if (item.answer.empty() && !item.status) {
      note(result_.report.missing, row,
           label(item.meta) + " has no answer in the sheet — " +
               (options_.unmarked_status ? "left out (--unmarked)" : "written unanswered"));
      item.reviewed.clear();
      return;
    }
    item.reviewed = reviewed_for(row, columns, shift);
    if (!item.status) {
      std::string quoted = item.answer.substr(0, item.answer.find('\n'));
      if (options_.unmarked_status) {
        item.status = options_.unmarked_status;
        item.status_guessed = true;
        note(result_.report.status_unknown, row,
             label(item.meta) + ": \"" + quoted + "\" — no mark; status set to " +
                 std::string(to_string(*item.status)) + " (--unmarked): confirm it");
      } else {
        note(result_.report.status_unknown, row,
             label(item.meta) + ": \"" + quoted +
                 "\" — status left empty: set it to what "
                 "the answer means");
      }
    }
  }

  void match_row(const SheetRow& row, const ColumnMap& columns) {
    Candidate c = best_match(row, columns, keys_);
    if (c.index < 0) {
      std::string no = role_cell(row, columns, "no");
      bool numbered =
          !number_key(no).empty() && std::isdigit(static_cast<unsigned char>(number_key(no)[0]));
      if (numbered && options_.keep_extra_rows &&
          take_row(row, columns, section_, result_.extra_items)) {
        note(result_.report.extra, row,
             "No. " + no + ": " + excerpt(row) + " — kept in the extra checklist");
        return;
      }
      note(result_.report.unmatched, row,
           (no.empty() ? "" : "No. " + no + ": ") + excerpt(row) +
               " — matches no item of the template by number and text; not imported" +
               (numbered && !options_.keep_extra_rows
                    ? " (--extra-checklist ID keeps such rows as a checklist of their own)"
                    : ""));
      return;
    }
    const TemplateItem& meta = template_->items[c.index];
    // Columns shifted within the row: the answer sits as far from the question as usual.
    int shift = 0;
    if (c.requirement_match && columns.count("requirement")) {
      shift = c.requirement_col - columns.at("requirement");
    } else if (c.item_match && columns.count("item")) {
      shift = c.item_col - columns.at("item");
    }
    if (matched_[c.index] >= 0) {
      ImportedItem& first = items_[matched_[c.index]];
      std::string answer = role_cell(row, columns, "answer", shift);
      std::string message = "also reads as " + label(meta) + " (" + sheet_.row_word() + " " +
                            std::to_string(first.row) + "): a cell split across rows";
      if (!answer.empty() && answer != first.answer && read_answer(answer).text != first.answer) {
        first.remarks += (first.remarks.empty() ? "" : "\n\n") + answer;
        message += "; its answer was added to the item's remarks — check them";
      } else {
        message += "; read as one item";
      }
      note(result_.report.adjusted, row, message);
      return;
    }
    std::string no = number_key(role_cell(row, columns, "no"));
    if (!no.empty() && no != number_key(meta.no)) {
      note(result_.report.adjusted, row,
           "numbered " + role_cell(row, columns, "no") + ", but its text is " + label(meta) +
               " — read as item " + meta.no);
    }
    if (shift != 0) {
      note(result_.report.adjusted, row,
           "columns shifted " + std::to_string(shift < 0 ? -shift : shift) + " to the " +
               (shift < 0 ? "left" : "right") + " (" + label(meta) + "); answer read from column " +
               import_detail::column_letter(columns.at("answer") + shift));
    }
    ImportedItem item;
    item.meta = meta;
    item.id = role_cell(row, columns, "id", shift);
    read_row(row, columns, shift, item);
    matched_[c.index] = static_cast<int>(items_.size());
    items_.push_back(std::move(item));
  }

  // Without a template (and for the extra checklist): every numbered row is an item,
  // described by its own cells. False when the row has no number or item name.
  bool take_row(const SheetRow& row, const ColumnMap& columns, const std::string& section,
                std::vector<ImportedItem>& into) {
    ImportedItem item;
    item.meta.no = number_key(role_cell(row, columns, "no"));
    item.meta.item = role_cell(row, columns, "item");
    if (item.meta.item.empty()) item.meta.item = role_cell(row, columns, "requirement");
    if (item.meta.no.empty() || item.meta.item.empty()) {
      if (&into == &items_) {
        note(result_.report.unmatched, row,
             excerpt(row) + " — no number or no item name in this row; not imported");
      }
      return false;
    }
    item.meta.section = role_cell(row, columns, "section");
    if (item.meta.section.empty()) item.meta.section = section;
    item.meta.section_id = role_cell(row, columns, "section_id");
    item.meta.category = role_cell(row, columns, "category");
    item.meta.requirement = role_cell(row, columns, "requirement");
    item.meta.unit = role_cell(row, columns, "unit");
    item.id = role_cell(row, columns, "id");
    read_row(row, columns, 0, item);
    into.push_back(std::move(item));
    return true;
  }

  void finish() {
    // With --unmarked the checklist is meant to build as imported: no unanswered items.
    auto unanswered = [this](const ImportedItem& item) {
      return options_.unmarked_status && item.answer.empty() && !item.status;
    };
    std::erase_if(result_.extra_items, unanswered);
    if (template_ == nullptr) {
      for (ImportedItem& item : items_) {
        if (!unanswered(item)) result_.items.push_back(std::move(item));
      }
      return;
    }
    result_.checklist = *template_;
    for (size_t t = 0; t < template_->items.size(); ++t) {
      if (matched_[t] >= 0) {
        if (!unanswered(items_[matched_[t]]))
          result_.items.push_back(std::move(items_[matched_[t]]));
        continue;
      }
      ImportedItem item;
      item.meta = template_->items[t];
      if (options_.unmarked_status) {
        result_.report.missing.push_back(
            {0, label(item.meta) + ": no row of the sheet answers it — left out (--unmarked)"});
        continue;
      }
      result_.report.missing.push_back(
          {0, label(item.meta) + ": no row of the sheet answers it — written unanswered"});
      result_.items.push_back(std::move(item));
    }
  }

  const Sheet& sheet_;
  const ChecklistTemplate* template_;
  const ImportOptions& options_;
  std::vector<TemplateKeys> keys_;
  std::vector<int> matched_;  // template index -> index in items_, or -1
  std::vector<ImportedItem> items_;
  std::string date_;
  std::string section_;  // the last section row's title
  ImportResult result_;
};

}  // namespace

Result<ImportResult> import_sheet(const Sheet& sheet, const ChecklistTemplate* checklist_template,
                                  const ImportOptions& options) {
  return Importer(sheet, checklist_template, options).run();
}

}  // namespace trustpage
