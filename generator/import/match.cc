// Rows to items: find the table, skip what is not an item row, match each row to the
// template by number and text, and read its answer.
#include <algorithm>
#include <regex>

#include "import/columns.h"
#include "import/text.h"

namespace trustpage {
namespace {

using import_detail::ColumnMap;
using import_detail::match_key;
using import_detail::similarity;

// Thresholds measured on real sheets: the same requirement retyped or re-extracted from
// a PDF scores above 0.75; different requirements of the METI list stay below 0.5.
constexpr double kSameRequirement = 0.75;
constexpr double kSameItem = 0.8;
constexpr size_t kMinFragment = 8;  // code points of a requirement split across rows

std::string cell_at(const SheetRow& row, int col) {
  if (col < 0 || col >= static_cast<int>(row.cells.size())) return "";
  return row.cells[col];
}

std::string role_cell(const SheetRow& row, const ColumnMap& columns, const std::string& role,
                      int shift = 0) {
  auto it = columns.find(role);
  return it == columns.end() ? "" : cell_at(row, it->second + shift);
}

// "No.5", "５", "05." -> "5"; "A-3" stays.
std::string number_key(const std::string& text) {
  std::string key = import_detail::trim(import_detail::nfkc(text));
  std::string lower;
  for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("no.", 0) == 0) key = import_detail::trim(key.substr(3));
  while (!key.empty() && key.back() == '.') key.pop_back();
  size_t zeros = 0;
  while (zeros + 1 < key.size() && key[zeros] == '0' &&
         std::isdigit(static_cast<unsigned char>(key[zeros + 1])))
    ++zeros;
  return key.substr(zeros);
}

size_t length(std::string_view utf8) {
  return import_detail::code_points(utf8).size();
}

// How well a cell matches a requirement: similarity, or a long enough piece of it (a
// requirement split over two rows, or one cell holding it with more text).
double requirement_score(const std::string& cell_key, const std::string& requirement_key) {
  if (cell_key.empty() || requirement_key.empty()) return 0;
  double score = similarity(cell_key, requirement_key);
  const std::string& shorter =
      cell_key.size() < requirement_key.size() ? cell_key : requirement_key;
  const std::string& longer = cell_key.size() < requirement_key.size() ? requirement_key : cell_key;
  if (length(shorter) >= kMinFragment && longer.find(shorter) != std::string::npos) {
    score = std::max(score, 0.9);
  }
  return score;
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
  std::string no, item, requirement;
};

Candidate best_match(const SheetRow& row, const ColumnMap& columns,
                     const std::vector<TemplateKeys>& keys) {
  std::string no = number_key(role_cell(row, columns, "no"));
  std::vector<std::string> cell_keys;
  for (const std::string& cell : row.cells) cell_keys.push_back(match_key(cell));
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

// "記入日: 2026/03/18" above the table: the date the vendor filled the sheet in.
std::string sheet_date(const SheetRow& row) {
  static const std::regex kDate(
      "(記入日|回答日|更新日|作成日|日付)[^0-9]*([0-9]{4})[/\\-.年]([0-9]{1,2})[/"
      "\\-.月]([0-9]{1,2})");
  for (const std::string& cell : row.cells) {
    std::smatch m;
    std::string text = import_detail::nfkc(cell);
    if (!std::regex_search(text, m, kDate)) continue;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", std::stoi(m[2]), std::stoi(m[3]) % 100,
                  std::stoi(m[4]) % 100);
    if (Date::parse(buffer)) return buffer;
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
        keys_.push_back({number_key(item.no), match_key(item.item), match_key(item.requirement)});
      }
      matched_.assign(tmpl->items.size(), -1);
    }
  }

  Result<ImportResult> run() {
    std::optional<ColumnMap> columns;
    if (!options_.columns.empty()) columns = options_.columns;
    std::optional<ColumnMap> header_layout;
    std::string section;
    for (const SheetRow& row : sheet_.rows) {
      std::optional<ColumnMap> header = import_detail::header_roles(row);
      if (header) {
        if (!options_.columns.empty()) continue;  // the hand-made map stays
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
        section = row.cells[row.cells[0].empty() ? 1 : 0];
        if (date_.empty()) date_ = sheet_date(row);
        continue;
      }
      if (template_ != nullptr) {
        match_row(row, *columns);
      } else {
        take_row(row, *columns, section);
      }
    }
    if (!columns) {
      return Status::Error(
          Location{sheet_.file},
          "no header row found — the table needs a row naming its columns (No., 項目, "
          "規定内容, 回答 …); or name them yourself, e.g. --columns no=A,item=C,answer=E");
    }
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
      note(result_.report.unmatched, row,
           (no.empty() ? "" : "No. " + no + ": ") + excerpt(row) +
               " — matches no item of the template by number and text; not imported");
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

  // Without a template: every numbered row is an item, described by its own cells.
  void take_row(const SheetRow& row, const ColumnMap& columns, const std::string& section) {
    ImportedItem item;
    item.meta.no = number_key(role_cell(row, columns, "no"));
    item.meta.item = role_cell(row, columns, "item");
    if (item.meta.no.empty() || item.meta.item.empty()) {
      note(result_.report.unmatched, row,
           excerpt(row) + " — no number or no item name in this row; not imported");
      return;
    }
    item.meta.section = role_cell(row, columns, "section");
    if (item.meta.section.empty()) item.meta.section = section;
    item.meta.section_id = role_cell(row, columns, "section_id");
    item.meta.category = role_cell(row, columns, "category");
    item.meta.requirement = role_cell(row, columns, "requirement");
    item.meta.unit = role_cell(row, columns, "unit");
    item.id = role_cell(row, columns, "id");
    read_row(row, columns, 0, item);
    items_.push_back(std::move(item));
  }

  void finish() {
    // With --unmarked the checklist is meant to build as imported: no unanswered items.
    auto unanswered = [this](const ImportedItem& item) {
      return options_.unmarked_status && item.answer.empty() && !item.status;
    };
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
  ImportResult result_;
};

}  // namespace

Result<ImportResult> import_sheet(const Sheet& sheet, const ChecklistTemplate* checklist_template,
                                  const ImportOptions& options) {
  return Importer(sheet, checklist_template, options).run();
}

}  // namespace trustpage
