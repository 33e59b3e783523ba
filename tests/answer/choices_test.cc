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
  std::optional<Choices> audit = header_choices("判定（適合／不適合／未実施）");
  REQUIRE(audit);
  CHECK(choice_for(*audit, AnswerStatus::kYes) == "適合");
  CHECK(choice_for(*audit, AnswerStatus::kNo) == "不適合");
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

TEST_CASE("a dropdown in Excel's x14 form, its list on another sheet") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(
      "<worksheet xmlns:x14=\"x\" xmlns:xm=\"m\"><sheetData/><extLst><ext>"
      "<x14:dataValidations count=\"1\"><x14:dataValidation type=\"list\">"
      "<x14:formula1><xm:f>'選択肢'!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>D6:D25</xm:sqref>"
      "</x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>"));
  std::string asked;
  RangeReader read = [&](const RangeRef& r) {
    asked = r.sheet + " " + std::to_string(r.from.row) + "-" + std::to_string(r.to.row);
    return std::vector<std::string>{"適合", "不適合"};
  };
  std::optional<Choices> c = dropdown_choices(doc, 3, 6, 25, read);
  REQUIRE(c);
  CHECK(asked == "選択肢 1-2");
  CHECK(c->values == std::vector<std::string>{"適合", "不適合"});
  CHECK(!dropdown_choices(doc, 4, 6, 25, read));   // column E has none
  CHECK(!dropdown_choices(doc, 3, 30, 40, read));  // nor rows past 25
}

}  // namespace trustpage::answer_detail
