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

std::optional<RangeRef> parse_range_ref(std::string_view formula) {
  std::string text = import_detail::trim(formula);
  if (!text.empty() && text.front() == '=') text.erase(0, 1);
  RangeRef out;
  size_t bang = text.rfind('!');
  if (bang != std::string::npos) {
    out.sheet = text.substr(0, bang);
    if (out.sheet.size() >= 2 && out.sheet.front() == '\'' && out.sheet.back() == '\'') {
      out.sheet = out.sheet.substr(1, out.sheet.size() - 2);
      // A quote inside a quoted sheet name is doubled.
      for (size_t q = out.sheet.find("''"); q != std::string::npos; q = out.sheet.find("''", q + 1))
        out.sheet.erase(q, 1);
    }
    text = text.substr(bang + 1);
  }
  std::string cells;
  for (char c : text) {
    if (c != '$') cells += c;
  }
  size_t colon = cells.find(':');
  std::optional<CellRef> from = parse_cell_ref(cells.substr(0, colon));
  std::optional<CellRef> to =
      colon == std::string::npos ? from : parse_cell_ref(cells.substr(colon + 1));
  if (!from || !to) return std::nullopt;
  out.from = *from;
  out.to = *to;
  return out;
}

std::optional<Choices> dropdown_choices(const pugi::xml_document& worksheet, int column,
                                        int first_row, int last_row,
                                        const RangeReader& read_range) {
  // Excel writes a list whose source is another sheet under extLst as x14:dataValidation,
  // with the formula and the range in child elements (xm:f, xm:sqref); others as
  // <dataValidation type="list" sqref="…"><formula1>. Both are read by local name.
  auto local = [](const pugi::xml_node& n) {
    std::string_view name = n.name();
    size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  };
  std::vector<pugi::xml_node> validations;
  for (pugi::xpath_node found : worksheet.select_nodes("//*")) {
    pugi::xml_node n = found.node();
    if (local(n) == "dataValidation" && std::string_view(n.attribute("type").value()) == "list")
      validations.push_back(n);
  }
  for (pugi::xml_node v : validations) {
    std::string sqref = v.attribute("sqref").value();
    std::string formula;
    for (pugi::xml_node child : v.children()) {
      if (local(child) == "sqref") sqref = child.text().get();
      if (local(child) == "formula1") {
        formula = child.first_child().type() == pugi::node_element
                      ? child.first_child().text().get()
                      : child.text().get();
      }
    }
    bool covers = false;
    std::istringstream ranges(sqref);
    for (std::string range; ranges >> range && !covers;) {
      std::optional<RangeRef> r = parse_range_ref(range);
      covers = r && r->sheet.empty() && r->from.column <= column && column <= r->to.column &&
               r->from.row <= last_row && first_row <= r->to.row;
    }
    if (!covers) continue;
    formula = import_detail::trim(formula);
    Choices choices;
    if (formula.size() >= 2 && formula.front() == '"' && formula.back() == '"') {
      for (std::string value : split(formula.substr(1, formula.size() - 2), {","})) {
        if (!value.empty()) choices.values.push_back(value);
      }
      choices.source = "the dropdown on " + sqref;
    } else if (std::optional<RangeRef> range = parse_range_ref(formula); range && read_range) {
      choices.values = read_range(*range);
      choices.source = "the dropdown on " + sqref + ", its list in " + formula;
    }
    if (choices.values.empty()) return std::nullopt;
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
