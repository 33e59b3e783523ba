// Sheets that cannot be filled: each is a clear error naming the file (and the row).
#include "answer/answer_fixtures.h"

namespace trustpage::testing {
namespace {

Status error_for(const std::string& bytes, AnswerOptions options = test_options()) {
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), options);
  REQUIRE(!filled.ok());
  CHECK(filled.status().where().file == "their-sheet.xlsx");
  return filled.status();
}

}  // namespace

TEST_CASE("a damaged workbook is refused, naming the file") {
  std::string bytes = customer_workbook();
  Status s = error_for(bytes.substr(0, bytes.size() / 2));
  CHECK(s.message().find("cannot read this XLSX workbook") != std::string::npos);
}

TEST_CASE("a password-protected workbook is refused with what to do") {
  // An encrypted OOXML file is an OLE compound file holding an "EncryptedPackage" stream.
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes += std::string(504, '\0');
  for (char c : std::string("EncryptedPackage")) bytes += std::string{c, '\0'};
  bytes += std::string(512, '\0');
  Status s = error_for(bytes);
  CHECK(s.message().find("password") != std::string::npos);
}

TEST_CASE("a sheet whose header names no question column is refused") {
  CustomerSheetOptions options;
  options.question_header = false;
  Status s = error_for(customer_workbook(options));
  CHECK(s.message().find("question column") != std::string::npos);
}

TEST_CASE("the customer's sample answers are not replaced without --overwrite") {
  CustomerSheetOptions options;
  options.sample_answers = true;
  std::string bytes = customer_workbook(options);
  Status s = error_for(bytes);
  CHECK(s.where().line == kCustomerFirstQuestionRow);
  CHECK(s.message().find("rows " + std::to_string(kCustomerFirstQuestionRow) + ", " +
                         std::to_string(kCustomerFirstQuestionRow + 1)) != std::string::npos);
  CHECK(s.message().find("--overwrite") != std::string::npos);

  AnswerOptions overwrite = test_options();
  overwrite.overwrite = true;
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(bytes, "their-sheet.xlsx", demo_content(), overwrite);
  REQUIRE(filled.ok());
  CHECK(filled->rows.front().outcome == RowOutcome::kFilled);
}

TEST_CASE("a text file that is no table, and an empty file, are refused") {
  CHECK(error_for("").message().find("empty") != std::string::npos);
  Status s = error_for("just some words\nand more words\n");
  CHECK(s.message().find("header") != std::string::npos);
}

}  // namespace trustpage::testing
