// Filling a customer's own questionnaire (XLSX, CSV, TSV) from the published answers: each
// question is matched to the items of every checklist, a confident match writes the item's
// answer (as one of the sheet's choices when it has them) and cites the item (id, the URL of
// its page, the commit or release); every other question stays empty and is listed.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "content/model.h"

namespace trustpage {

// Scores run from 0 (no word shared) to 1 (the same words). At 0.25 a question shares most
// of its distinctive words with an item's name, requirement or answer. Measured on the
// paraphrased customer sheet of tests/answer/: right matches score 0.30-0.87, questions no
// item answers 0.15-0.17.
inline constexpr double kDefaultMinScore = 0.25;
// Below this a question shares nothing worth naming with any item: "unanswered".
inline constexpr double kNoMatchScore = 0.18;

struct AnswerOptions {
  double min_score = kDefaultMinScore;
  bool overwrite = false;  // replace answers the sheet holds already
  std::string worksheet;   // XLSX: the sheet to fill; "" the first with a question table
  // Cited with every answer: "release 12 (2026-11-20)" or "commit 0123456789ab (2026-11-20)".
  std::string release;
};

struct ItemMatch {
  std::string item_id;
  std::string title;  // "meti-cloud-sla No.30 バックアップデータの保存期間"
  std::string url;    // the item's page
  double score = 0;
};

enum class RowOutcome { kFilled, kUnsure, kUnanswered };

struct AnsweredRow {
  int row = 0;  // the sheet's row (XLSX) or line (CSV/TSV)
  std::string question;
  RowOutcome outcome = RowOutcome::kUnanswered;
  std::vector<ItemMatch> cited;       // kFilled: the items the answer comes from
  std::vector<ItemMatch> candidates;  // kUnsure: the best three
  std::string answer;                 // what the answer cell now holds
  std::string note;                   // why a row is unsure despite a match
};

struct FilledQuestionnaire {
  std::string bytes;   // the filled copy, in the input's format
  std::string format;  // "xlsx", "csv" or "tsv"
  std::string worksheet;
  std::vector<std::string> layout;  // what was found where, one line each
  std::vector<AnsweredRow> rows;
  size_t replaced_characters = 0;  // CSV: characters the file's encoding cannot hold (〓)
};

// Reads `bytes` (named `file` in messages), fills it from `content` and returns the copy.
// Nothing is written anywhere. Errors: an unreadable, encrypted or damaged file; no question
// column; an answer column holding answers already (without options.overwrite), naming the
// rows.
Result<FilledQuestionnaire> answer_questionnaire(const std::string& bytes, const std::string& file,
                                                 const Content& content,
                                                 const AnswerOptions& options);

// The report: per row what was written, what was unsure (with the three best items) and
// what nothing answers, then a summary line. Markdown for --report, plain for the terminal.
std::string report_markdown(const FilledQuestionnaire& filled, const std::string& file,
                            const AnswerOptions& options);
std::string report_text(const FilledQuestionnaire& filled, const std::string& file,
                        const AnswerOptions& options);
std::string summary_line(const FilledQuestionnaire& filled);

}  // namespace trustpage
