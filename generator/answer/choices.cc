#include "answer/choices.h"

#include <sstream>

#include "import/columns.h"
#include "import/import.h"
#include "import/text.h"

namespace trustpage::answer_detail {
namespace {

// The status a choice stands for, when the choice is a mark and nothing else.
std::optional<AnswerStatus> status_of(const std::string& choice) {
  AnswerReading reading = read_answer(choice);
  if (!reading.status || reading.text != import_detail::trim(choice)) return std::nullopt;
  return reading.status;
}

std::vector<std::string> split(const std::string& text, const std::vector<std::string>& seps) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < text.size();) {
    bool matched = false;
    for (const std::string& sep : seps) {
      if (text.compare(i, sep.size(), sep) == 0) {
        out.push_back(import_detail::trim(current));
        current.clear();
        i += sep.size();
        matched = true;
        break;
      }
    }
    if (!matched) current += text[i++];
  }
  out.push_back(import_detail::trim(current));
  return out;
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  size_t letters = 0;
  while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') ++letters;
  std::string_view digits = ref.substr(letters);
  if (letters == 0 || digits.empty() || digits.size() > 7) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::optional<int> column = import_detail::column_index(ref.substr(0, letters));
  if (!column) return std::nullopt;
  return CellRef{*column, std::stoi(std::string(digits))};
}

std::optional<Choices> dropdown_choices(const pugi::xml_document& worksheet, int column,
                                        int first_row, int last_row) {
  for (pugi::xml_node v :
       worksheet.child("worksheet").child("dataValidations").children("dataValidation")) {
    if (std::string_view(v.attribute("type").value()) != "list") continue;
    std::string sqref = v.attribute("sqref").value();
    bool covers = false;
    std::istringstream ranges(sqref);
    for (std::string range; ranges >> range && !covers;) {
      size_t colon = range.find(':');
      std::optional<CellRef> from = parse_cell_ref(range.substr(0, colon));
      std::optional<CellRef> to =
          colon == std::string::npos ? from : parse_cell_ref(range.substr(colon + 1));
      if (!from || !to) continue;
      covers = from->column <= column && column <= to->column && from->row <= last_row &&
               first_row <= to->row;
    }
    if (!covers) continue;
    std::string formula = import_detail::trim(v.child("formula1").text().get());
    if (formula.size() < 2 || formula.front() != '"' || formula.back() != '"') return std::nullopt;
    Choices choices;
    for (std::string value : split(formula.substr(1, formula.size() - 2), {","})) {
      if (!value.empty()) choices.values.push_back(value);
    }
    if (choices.values.empty()) return std::nullopt;
    choices.source = "the dropdown on " + sqref;
    return choices;
  }
  return std::nullopt;
}

std::optional<Choices> header_choices(const std::string& header) {
  std::string text = import_detail::nfkc(header);
  size_t open = text.find('(');
  size_t close = text.find(')', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    text = text.substr(open + 1, close - open - 1);
  }
  Choices choices;
  for (const std::string& token : split(text, {"/", "・", "、", ",", "|", " "})) {
    if (status_of(token)) choices.values.push_back(token);
  }
  if (choices.values.size() < 2) return std::nullopt;
  choices.source = "the header \"" + header + "\"";
  return choices;
}

std::optional<std::string> choice_for(const Choices& choices, AnswerStatus status) {
  for (const std::string& value : choices.values) {
    if (status_of(value) == status) return value;
  }
  return std::nullopt;
}

}  // namespace trustpage::answer_detail
