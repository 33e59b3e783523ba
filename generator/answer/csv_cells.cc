#include "answer/csv_cells.h"

#include <algorithm>

#include "import/text.h"

namespace trustpage::answer_detail {
namespace {

struct Splice {
  size_t begin = 0;  // in Sheet::text
  size_t end = 0;
  std::string text;  // UTF-8, quoted as needed
};

std::string quoted(const std::string& text, char delimiter) {
  bool needs = text.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::string> set_delimited_cells(const std::string& bytes, const Sheet& sheet,
                                        const std::vector<CellWrite>& writes, size_t* replaced) {
  char delimiter = sheet.format == "tsv" ? '\t' : ',';
  std::vector<Splice> splices;
  for (const CellWrite& w : writes) {
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.number == w.row; });
    if (row == sheet.rows.end()) {
      return Status::Error(Location{sheet.file, w.row}, "no such line to write to");
    }
    size_t column = static_cast<size_t>(w.column);
    if (column < row->spans.size()) {
      splices.push_back(
          {row->spans[column].begin, row->spans[column].end, quoted(w.text, delimiter)});
    } else {
      // Past the row's last cell: the missing delimiters, then the cell.
      std::string tail(column - row->spans.size() + 1, delimiter);
      splices.push_back({row->end, row->end, tail + quoted(w.text, delimiter)});
    }
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  // Offsets in the decoded text become offsets in the file by encoding what lies between
  // them: CP932 and UTF-16 keep each character's length through the round trip, so the
  // untouched bytes are copied from the file itself, never re-encoded.
  size_t bom = !sheet.bom ? 0 : sheet.encoding == "UTF-16" ? 2 : 3;
  std::string out = bytes.substr(0, bom);
  size_t text_at = 0, byte_at = bom;
  for (const Splice& s : splices) {
    if (s.begin < text_at) {
      return Status::Error(Location{sheet.file}, "two answers for one cell — this is a bug");
    }
    size_t length =
        import_detail::encode(std::string_view(sheet.text).substr(text_at, s.begin - text_at),
                              sheet.encoding)
            .size();
    out += bytes.substr(byte_at, length);
    byte_at += length;
    out += import_detail::encode(s.text, sheet.encoding, replaced);
    byte_at += import_detail::encode(std::string_view(sheet.text).substr(s.begin, s.end - s.begin),
                                     sheet.encoding)
                   .size();
    text_at = s.end;
  }
  if (byte_at > bytes.size()) {
    return Status::Error(Location{sheet.file},
                         "the file's bytes do not match its text — save it again as CSV UTF-8");
  }
  out += bytes.substr(byte_at);
  return out;
}

}  // namespace trustpage::answer_detail
