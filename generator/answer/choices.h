// The answers a questionnaire allows in its answer column: a dropdown (a list data
// validation in the worksheet) or choices named in the column's header
// ("回答（はい／いいえ／該当なし）"), and which of them says an item's status.
#pragma once

#include <functional>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "content/model.h"

namespace trustpage::answer_detail {

struct Choices {
  std::vector<std::string> values;  // as the sheet spells them
  std::string source;               // for the report: where they were found
};

// "A12" -> {column 0, row 12}; nullopt for anything else.
struct CellRef {
  int column = 0;
  int row = 0;
};
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// "リスト!$A$1:$A$3", "'回答 候補'!A1:A3", "$H$2:$H$4" (sheet "": the same sheet), "D6".
struct RangeRef {
  std::string sheet;
  CellRef from;
  CellRef to;
};
std::optional<RangeRef> parse_range_ref(std::string_view formula);

// The cells' texts of a range in the workbook, in order, empty ones left out.
using RangeReader = std::function<std::vector<std::string>(const RangeRef&)>;

// The list validation whose range covers `column` (0-based) on any of rows first..last
// (1-based): its choices written out ("はい,いいえ,該当なし"), or the cells of the range it
// names, read with `read_range`. A defined name (=回答候補) is not followed: nullopt.
std::optional<Choices> dropdown_choices(const pugi::xml_document& worksheet, int column,
                                        int first_row, int last_row, const RangeReader& read_range);

// Two or more choices named in a header, each a mark import reads as a status (はい, いいえ,
// ○, ×, 有, 無, 対応, 非対応, 一部対応, 該当なし …); nullopt otherwise.
std::optional<Choices> header_choices(const std::string& header);

// The first choice that says `status`; nullopt when none does (a "partial" answer on a
// はい／いいえ sheet is the vendor's to phrase).
std::optional<std::string> choice_for(const Choices& choices, AnswerStatus status);

}  // namespace trustpage::answer_detail
