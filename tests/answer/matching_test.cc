// Which item answers a customer's question: the customer sheet's 20 questions (customer_sheet.h)
// paraphrase 18 demo items and ask 2 things nothing answers.
#include <iostream>

#include "answer/answer_fixtures.h"

namespace trustpage::testing {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE(
    "at least 16 of the 18 answerable questions cite the right item; the 2 others stay empty") {
  std::string bytes = customer_workbook();
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), test_options());
  REQUIRE(filled.ok());
  const auto& questions = customer_questions();
  REQUIRE(filled->rows.size() == questions.size());
  int right = 0, answerable = 0;
  for (size_t i = 0; i < questions.size(); ++i) {
    const AnsweredRow& row = filled->rows[i];
    CHECK(row.row == kCustomerFirstQuestionRow + static_cast<int>(i));
    std::string got = row.outcome == RowOutcome::kFilled ? row.cited.front().item_id
                      : row.candidates.empty()           ? "(none)"
                                               : "(unsure: " + row.candidates.front().item_id + ")";
    double score = row.outcome == RowOutcome::kFilled ? row.cited.front().score
                   : row.candidates.empty()           ? 0
                                                      : row.candidates.front().score;
    if (questions[i].expected.empty()) {
      INFO("row " << row.row << " " << questions[i].question << " -> " << got);
      CHECK(row.outcome != RowOutcome::kFilled);
      CHECK(row.answer.empty());
      continue;
    }
    ++answerable;
    bool ok = row.outcome == RowOutcome::kFilled &&
              contains(questions[i].expected, row.cited.front().item_id);
    right += ok;
    if (!ok) {
      WARN("row " << row.row << " " << questions[i].question << " -> " << got << " " << score
                  << ", expected " << questions[i].expected.front());
    }
  }
  CHECK(answerable == 18);
  std::cout << "answer accuracy on the customer sheet: " << right << " of " << answerable << '\n';
  CHECK(right >= 16);
}

TEST_CASE("a question about two items cites both") {
  std::string bytes = customer_workbook();
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), test_options());
  REQUIRE(filled.ok());
  const AnsweredRow* backup = nullptr;
  for (const AnsweredRow& row : filled->rows) {
    if (row.question.find("バックアップの取得頻度と保存期間") != std::string::npos) backup = &row;
  }
  REQUIRE(backup != nullptr);
  REQUIRE(backup->outcome == RowOutcome::kFilled);
  CHECK(backup->cited.size() >= 2);
}

TEST_CASE("a higher --min-score fills fewer rows, and unsure rows name three candidates") {
  std::string bytes = customer_workbook();
  AnswerOptions strict = test_options();
  strict.min_score = 0.95;
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), strict);
  REQUIRE(filled.ok());
  size_t unsure = 0;
  for (const AnsweredRow& row : filled->rows) {
    CHECK(row.outcome != RowOutcome::kFilled);
    if (row.outcome == RowOutcome::kUnsure) {
      ++unsure;
      CHECK(row.candidates.size() == 3);
    }
  }
  CHECK(unsure >= 16);
  std::string report = report_markdown(*filled, "their-sheet.xlsx", strict);
  CHECK(report.find("0 filled") != std::string::npos);
}

}  // namespace trustpage::testing
