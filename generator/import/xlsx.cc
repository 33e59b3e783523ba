#include "import/xlsx.h"

#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "import/limits.h"
#include "import/text.h"

namespace trustpage::import_detail {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

Status broken(const std::string& file, const std::string& why) {
  return Status::Error(Location{file}, "cannot read this XLSX workbook: " + why +
                                           " — the file may be truncated or damaged; open it "
                                           "in Excel and save it again, or export CSV UTF-8");
}

// A part of the package; nullopt when absent.
Result<std::optional<std::string>> read_part(zip_t* zip, const std::string& name,
                                             const std::string& file) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::optional<std::string>();
  if (st.size > kMaxXlsxPartBytes) {
    // Not a check sheet (and maybe a ZIP bomb): refused before it is decompressed.
    return Status::Error(Location{file}, name + " unpacks to " + size_text(st.size) +
                                             "; a check sheet's part is far smaller (the limit "
                                             "is " +
                                             size_text(kMaxXlsxPartBytes) +
                                             ") — save only the table as XLSX or CSV");
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> part(zip_fopen(zip, name.c_str(), 0));
  if (!part) return broken(file, "cannot open " + name + " (" + zip_strerror(zip) + ")");
  std::string data(st.size, '\0');
  zip_int64_t got = zip_fread(part.get(), data.data(), st.size);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return broken(file, "cannot read " + name);
  }
  return std::optional<std::string>(std::move(data));
}

Result<pugi::xml_document> parse_part(zip_t* zip, const std::string& name, const std::string& file,
                                      bool required) {
  Result<std::optional<std::string>> bytes = read_part(zip, name, file);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!*bytes) {
    if (required) return broken(file, name + " is missing");
    return doc;
  }
  pugi::xml_parse_result parsed = doc.load_buffer((*bytes)->data(), (*bytes)->size());
  if (!parsed) return broken(file, name + " is not well-formed XML (" + parsed.description() + ")");
  return doc;
}

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

std::string resolve_target(std::string target) {
  if (target.rfind('/', 0) == 0) return target.substr(1);
  return "xl/" + target;
}

}  // namespace

Result<Sheet> read_xlsx(const std::string& bytes, const std::string& file,
                        const std::string& worksheet) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return broken(file, zip_error_strerror(&error));
  ZipHandle zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return broken(file, why);
  }

  Result<pugi::xml_document> workbook = parse_part(zip.get(), "xl/workbook.xml", file, true);
  if (!workbook.ok()) return workbook.status();
  Result<pugi::xml_document> rels = parse_part(zip.get(), "xl/_rels/workbook.xml.rels", file, true);
  if (!rels.ok()) return rels.status();
  std::map<std::string, std::string> targets;
  for (pugi::xml_node rel : rels->child("Relationships").children("Relationship")) {
    targets[rel.attribute("Id").value()] = resolve_target(rel.attribute("Target").value());
  }
  std::string part, name;
  std::vector<std::string> names;
  for (pugi::xml_node sheet : workbook->child("workbook").child("sheets").children("sheet")) {
    std::string sheet_name = sheet.attribute("name").value();
    names.push_back(sheet_name);
    if (!part.empty() || (!worksheet.empty() && sheet_name != worksheet)) continue;
    auto target = targets.find(sheet.attribute("r:id").value());
    if (target != targets.end()) {
      part = target->second;
      name = sheet_name;
    }
  }
  if (part.empty()) {
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + ("\"" + n + "\"");
    if (!worksheet.empty()) {
      return Status::Error(Location{file},
                           "no worksheet named \"" + worksheet + "\" — the workbook has " + list);
    }
    return broken(file, "it lists no worksheet");
  }

  std::vector<std::string> shared;
  {
    Result<pugi::xml_document> strings = parse_part(zip.get(), "xl/sharedStrings.xml", file, false);
    if (!strings.ok()) return strings.status();
    for (pugi::xml_node si : strings->child("sst").children("si"))
      shared.push_back(string_item(si));
  }  // the strings' XML tree is freed before the worksheet's is built

  Result<pugi::xml_document> doc = parse_part(zip.get(), part, file, true);
  if (!doc.ok()) return doc.status();
  Sheet sheet;
  sheet.file = file;
  sheet.format = "xlsx";
  sheet.sheet_name = name;
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
      if (col < 0 || col > 16383) return broken(file, "a cell reference is out of range");
      next_col = col + 1;
      std::string_view type = c.attribute("t").value();
      // A shared string is measured before it is copied: one long string referenced from
      // many cells is refused by the budget, not copied into each.
      const std::string* shared_value = nullptr;
      std::string value;
      if (type == "s") {
        size_t index = c.child("v").text().as_uint(static_cast<unsigned>(-1));
        if (index >= shared.size()) return broken(file, "a cell points to a missing string");
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
