// Which choices a questionnaire offers, and which one says a status.
#include "answer/choices.h"

#include <catch2/catch.hpp>

namespace trustpage::answer_detail {

TEST_CASE("choices named in the answer column's header") {
  std::optional<Choices> c = header_choices("回答（はい／いいえ／該当なし）");
  REQUIRE(c);
  CHECK(c->values == std::vector<std::string>{"はい", "いいえ", "該当なし"});
  CHECK(choice_for(*c, AnswerStatus::kYes) == "はい");
  CHECK(choice_for(*c, AnswerStatus::kNo) == "いいえ");
  CHECK(choice_for(*c, AnswerStatus::kNotApplicable) == "該当なし");
  CHECK(!choice_for(*c, AnswerStatus::kPartial));  // the vendor phrases it

  std::optional<Choices> marks = header_choices("対応状況 (○/×/△)");
  REQUIRE(marks);
  CHECK(choice_for(*marks, AnswerStatus::kPartial) == "△");
  std::optional<Choices> support = header_choices("対応可否（対応・非対応・対応予定）");
  REQUIRE(support);
  CHECK(choice_for(*support, AnswerStatus::kNo) == "非対応");
  CHECK(choice_for(*support, AnswerStatus::kPlanned) == "対応予定");
  CHECK(header_choices("有／無")->values.size() == 2);
}

TEST_CASE("a header without two choices names none") {
  CHECK(!header_choices("回答"));
  CHECK(!header_choices("ご回答（具体的にご記入ください）"));
}

TEST_CASE("range references as data validations write them") {
  std::optional<RangeRef> r = parse_range_ref("=選択肢!$A$1:$A$3");
  REQUIRE(r);
  CHECK(r->sheet == "選択肢");
  CHECK((r->from.column == 0 && r->from.row == 1 && r->to.column == 0 && r->to.row == 3));
  r = parse_range_ref("'回答 候補''s'!B2:C4");
  REQUIRE(r);
  CHECK(r->sheet == "回答 候補's");
  CHECK((r->from.column == 1 && r->to.column == 2 && r->to.row == 4));
  r = parse_range_ref("D6");
  REQUIRE(r);
  CHECK((r->sheet.empty() && r->from.row == 6 && r->to.row == 6));
  CHECK(!parse_range_ref("回答候補"));  // a defined name
}

}  // namespace trustpage::answer_detail
