// What `answer` tells the vendor: per row, filled (which items, how sure), unsure (the best
// three to check) and unanswered, then one summary line.
#include <cstdio>
#include <sstream>

#include "answer/answer.h"
#include "common/printable.h"
#include "common/unicode.h"

namespace trustpage {
namespace {

std::string score_text(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// A line for the terminal: at most `max` code points, and what the customer's file holds
// never reaches the terminal as control bytes (printable()).
std::string terminal_line(const std::string& text, size_t max) {
  std::vector<char32_t> points = code_points(one_line(text));
  if (points.size() > max) {
    points.resize(max);
    points.push_back(U'…');
  }
  return printable(to_utf8(points));
}

// Table cells: a pipe would end the cell.
std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : printable(one_line(text))) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

size_t count(const FilledQuestionnaire& filled, RowOutcome outcome) {
  size_t n = 0;
  for (const AnsweredRow& row : filled.rows) n += row.outcome == outcome;
  return n;
}

std::string matches(const std::vector<ItemMatch>& list, bool links) {
  std::string out;
  for (const ItemMatch& m : list) {
    out += out.empty() ? "" : ", ";
    out += links ? "[" + m.item_id + "](" + m.url + ")" : m.item_id;
    out += " (" + score_text(m.score) + ")";
  }
  return out;
}

}  // namespace

std::string summary_line(const FilledQuestionnaire& filled) {
  return std::to_string(filled.rows.size()) +
         " questions: " + std::to_string(count(filled, RowOutcome::kFilled)) + " filled, " +
         std::to_string(count(filled, RowOutcome::kUnsure)) + " unsure, " +
         std::to_string(count(filled, RowOutcome::kUnanswered)) + " unanswered";
}

std::string report_text(const FilledQuestionnaire& filled, const std::string& file,
                        const AnswerOptions& options) {
  std::ostringstream out;
  std::string word = filled.format == "xlsx" ? "row " : "line ";
  out << printable(file)
      << (filled.worksheet.empty() ? "" : " [" + printable(filled.worksheet) + "]") << '\n';
  for (const std::string& line : filled.layout) out << "  " << printable(line) << '\n';
  for (RowOutcome outcome : {RowOutcome::kFilled, RowOutcome::kUnsure, RowOutcome::kUnanswered}) {
    size_t n = count(filled, outcome);
    if (n == 0) continue;
    out << '\n'
        << (outcome == RowOutcome::kFilled ? "filled"
            : outcome == RowOutcome::kUnsure
                ? "unsure (left empty: below --min-score " + score_text(options.min_score) + ")"
                : "unanswered (left empty: no item matches)")
        << " (" << n << "):\n";
    for (const AnsweredRow& row : filled.rows) {
      if (row.outcome != outcome) continue;
      out << "  " << word << row.row << ": " << terminal_line(row.question, 80) << '\n';
      if (outcome == RowOutcome::kFilled) {
        out << "      " << terminal_line(row.answer, 40) << " ← " << matches(row.cited, false)
            << '\n';
      } else if (!row.candidates.empty()) {
        if (!row.note.empty()) out << "      " << row.note << '\n';
        out << "      candidates: " << matches(row.candidates, false) << '\n';
      }
    }
  }
  out << '\n' << summary_line(filled) << '\n';
  if (filled.replaced_characters > 0) {
    out << filled.replaced_characters
        << " characters the file's encoding cannot hold were written as 〓\n";
  }
  return out.str();
}

std::string report_markdown(const FilledQuestionnaire& filled, const std::string& file,
                            const AnswerOptions& options) {
  std::ostringstream out;
  std::string word = filled.format == "xlsx" ? "Row" : "Line";
  out << "# Answers for " << md_cell(file) << "\n\n";
  for (const std::string& line : filled.layout) out << "- " << md_cell(line) << '\n';
  out << "- minimum score: " << score_text(options.min_score) << '\n';
  if (!options.release.empty()) out << "- answers from: " << md_cell(options.release) << '\n';
  out << "\n| " << word << " | Question | Result | Answer | Items (score) |\n";
  out << "|---|---|---|---|---|\n";
  for (const AnsweredRow& row : filled.rows) {
    out << "| " << row.row << " | " << md_cell(row.question) << " | ";
    switch (row.outcome) {
      case RowOutcome::kFilled:
        out << "filled | " << md_cell(row.answer) << " | " << matches(row.cited, true);
        break;
      case RowOutcome::kUnsure:
        out << "unsure | " << md_cell(row.note) << " | " << matches(row.candidates, true);
        break;
      case RowOutcome::kUnanswered:
        out << "unanswered | | " << matches(row.candidates, true);
        break;
    }
    out << " |\n";
  }
  out << '\n' << summary_line(filled) << '\n';
  return out.str();
}

}  // namespace trustpage
