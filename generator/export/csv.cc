// CSV for Excel: what Japanese Excel needs to open a file by double-click without mojibake.
#include "export/export.h"

namespace trustpage {
namespace {

// Excel runs a cell starting with = + @ (or - followed by something other than a space) as
// a formula, even from CSV. A leading apostrophe makes it text; the importer drops it again.
bool looks_like_formula(const std::string& cell) {
  if (cell.empty()) return false;
  char c = cell[0];
  if (c == '=' || c == '+' || c == '@') return true;
  return c == '-' && cell.size() > 1 && cell[1] != ' ' && cell[1] != '\n';
}

void append_field(std::string& out, const std::string& cell) {
  out += '"';
  if (looks_like_formula(cell)) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    if (c == '\r') continue;  // in-cell line breaks are LF, as Excel writes them
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string export_csv(const Checklist& checklist) {
  std::string out = "\xEF\xBB\xBF";  // the BOM is how Excel knows the file is UTF-8
  std::vector<std::string> header;
  for (const ExportColumn& column : export_columns()) header.emplace_back(column.header);
  append_record(out, header);
  for (const Section& section : checklist.sections) {
    for (const Item& item : section.items) append_record(out, export_row(section, item));
  }
  return out;
}

}  // namespace trustpage
