#include "import/xlsx.h"

#include <algorithm>
#include <pugixml.hpp>

#include "import/limits.h"
#include "import/text.h"
#include "import/zip_package.h"

namespace trustpage::import_detail {
namespace {

// The text of a shared or inline string: its runs, without phonetic guides (<rPh>, the
// furigana Japanese Excel stores beside the text).
std::string string_item(const pugi::xml_node& si) {
  std::string text;
  for (pugi::xml_node child : si.children()) {
    std::string_view name = child.name();
    if (name == "t") text += child.text().get();
    if (name == "r") text += child.child("t").text().get();
  }
  return text;
}

// "BC12" -> 54 (0-based column); past XFD (16383) stays at 16384, out of range.
int column_of(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = std::min(col * 26 + (c - 'A' + 1), 16385);
  }
  return col - 1;
}

}  // namespace

Result<Sheet> read_xlsx(const std::string& bytes, const std::string& file,
                        const std::string& worksheet) {
  Result<ZipHandle> zip = open_package(bytes, file);
  if (!zip.ok()) return zip.status();
  Result<WorksheetPart> found = find_worksheet(zip->get(), file, worksheet);
  if (!found.ok()) return found.status();
  const std::string& part = found->part;
  const std::string& name = found->name;

  std::vector<std::string> shared;
  {
    Result<pugi::xml_document> strings =
        parse_part(zip->get(), "xl/sharedStrings.xml", file, false);
    if (!strings.ok()) return strings.status();
    for (pugi::xml_node si : strings->child("sst").children("si"))
      shared.push_back(string_item(si));
  }  // the strings' XML tree is freed before the worksheet's is built

  Result<pugi::xml_document> doc = parse_part(zip->get(), part, file, true);
  if (!doc.ok()) return doc.status();
  Sheet sheet;
  sheet.file = file;
  sheet.format = "xlsx";
  sheet.sheet_name = name;
  sheet.part = part;
  int next_row = 1;
  SheetBudget budget(file, "row");
  for (pugi::xml_node row : doc->child("worksheet").child("sheetData").children("row")) {
    SheetRow out;
    out.number = row.attribute("r").as_int(next_row);
    next_row = out.number + 1;
    int next_col = 0;
    for (pugi::xml_node c : row.children("c")) {
      const char* ref = c.attribute("r").value();
      int col = *ref ? column_of(ref) : next_col;
      if (col < 0 || col > 16383) return broken_workbook(file, "a cell reference is out of range");
      next_col = col + 1;
      std::string_view type = c.attribute("t").value();
      // A shared string is measured before it is copied: one long string referenced from
      // many cells is refused by the budget, not copied into each.
      const std::string* shared_value = nullptr;
      std::string value;
      if (type == "s") {
        size_t index = c.child("v").text().as_uint(static_cast<unsigned>(-1));
        if (index >= shared.size())
          return broken_workbook(file, "a cell points to a missing string");
        shared_value = &shared[index];
      } else if (type == "inlineStr") {
        value = string_item(c.child("is"));
      } else {
        value = c.child("v").text().get();
      }
      const std::string& text = shared_value != nullptr ? *shared_value : value;
      if (text.empty()) continue;  // styled empty cells, even in column XFD, hold nothing
      if (Status s = budget.take(out.number, col, text.size()); !s.ok()) return s;
      if (static_cast<int>(out.cells.size()) <= col) out.cells.resize(col + 1);
      out.cells[col] = clean_cell(text);
    }
    bool empty = true;
    for (const std::string& cell : out.cells) empty = empty && cell.empty();
    if (!empty) sheet.rows.push_back(std::move(out));
  }
  if (sheet.rows.empty()) {
    return Status::Error(Location{file}, "worksheet \"" + name + "\" has no rows");
  }
  return sheet;
}

}  // namespace trustpage::import_detail
