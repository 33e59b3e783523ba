// CSV and TSV as Excel and other tools write them; XLSX goes to xlsx.cc.
#include <algorithm>

#include "import/limits.h"
#include "import/pdf_text.h"
#include "import/text.h"
#include "import/xlsx.h"

namespace trustpage {
namespace {

using import_detail::clean_cell;

std::string megabytes(size_t bytes) {
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

// Tabs or commas: whichever separates more cells in the first lines (quotes aside).
char guess_delimiter(const std::string& text, const std::string& file_name) {
  if (file_name.ends_with(".tsv") || file_name.ends_with(".tab")) return '\t';
  size_t tabs = 0, commas = 0, lines = 0;
  bool quoted = false;
  for (size_t i = 0; i < text.size() && lines < 50; ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\t') ++tabs;
    if (c == ',') ++commas;
    if (c == '\n') ++lines;
  }
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

// Control characters other than tab and line ends mean this is not a text table.
std::optional<int> binary_line(const std::string& text) {
  int line = 1;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') ++line;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return line;
    if (c == 0x7F) return line;
  }
  return std::nullopt;
}

// The CSV export writes '=… as text so Excel does not run it; read it back as written.
std::string undo_formula_guard(std::string cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      std::string_view("=+-@").find(cell[1]) != std::string_view::npos) {
    cell.erase(0, 1);
  }
  return cell;
}

Result<std::vector<SheetRow>> parse_delimited(const std::string& text, char delimiter,
                                              const std::string& file) {
  std::vector<SheetRow> rows;
  SheetRow row;
  row.number = 1;
  std::string cell;
  int line = 1;
  int quote_line = 0;
  bool quoted = false, was_quoted = false;
  import_detail::SheetBudget budget(file, "line");
  Status over;
  size_t cell_start = 0;
  auto end_cell = [&](size_t at) {
    // Empty cells past the last column (Excel writes them for formatted ranges) are dropped.
    if (cell.empty() && row.cells.size() >= import_detail::kMaxColumns) return;
    if (over.ok()) over = budget.take(row.number, static_cast<int>(row.cells.size()), cell.size());
    if (over.ok()) {
      row.cells.push_back(clean_cell(was_quoted ? undo_formula_guard(cell) : cell));
      row.spans.push_back({cell_start, at});
    }
    cell.clear();
    was_quoted = false;
  };
  auto end_row = [&](size_t at) {
    end_cell(at);
    row.end = at;
    bool empty = std::all_of(row.cells.begin(), row.cells.end(),
                             [](const std::string& c) { return c.empty(); });
    if (!empty) rows.push_back(std::move(row));
    row = SheetRow{};
    row.number = line;
  };
  for (size_t i = 0; i < text.size() && over.ok(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = line;
    } else if (c == delimiter) {
      end_cell(i);
      cell_start = i + 1;
    } else if (c == '\n' || c == '\r') {
      size_t line_end = i;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
        ++line;
      }
      end_row(line_end);
      cell_start = i + 1;
    } else {
      cell += c;
    }
  }
  if (!over.ok()) return over;
  if (quoted) {
    return Status::Error(Location{file, quote_line},
                         "a quoted cell starts here and is never closed — a cell that begins "
                         "with \" must end with \" (write \"\" for a quote inside it); fix the "
                         "cell or save the sheet again from Excel");
  }
  if (!cell.empty() || !row.cells.empty()) end_row(text.size());
  if (!over.ok()) return over;
  return rows;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "auto") return Encoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "cp932" || lower == "shift_jis" || lower == "sjis" || lower == "shift-jis" ||
      lower == "windows-31j" || lower == "ms932")
    return Encoding::kCp932;
  return std::nullopt;
}

Result<Sheet> read_sheet(const std::string& bytes, const std::string& file_name, Encoding encoding,
                         const std::string& worksheet) {
  Location at{file_name};
  if (bytes.size() > kMaxSheetBytes) {
    return Status::Error(at, "the file is " + megabytes(bytes.size()) +
                                 "; a check sheet is far smaller (the limit is " +
                                 megabytes(kMaxSheetBytes) +
                                 ") — is this the right file? Save only the sheet's table as "
                                 "CSV or XLSX");
  }
  if (bytes.empty()) return Status::Error(at, "the file is empty");
  if (bytes.rfind("PK\x03\x04", 0) == 0 || bytes.rfind("PK\x05\x06", 0) == 0) {
    return import_detail::read_xlsx(bytes, file_name, worksheet);
  }
  if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0) {
    // A password-protected XLSX is not a ZIP but an OLE file holding "EncryptedPackage"
    // (the stream's name, in UTF-16).
    static const std::string kEncrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(kEncrypted) != std::string::npos) {
      return Status::Error(at,
                           "this workbook is protected with a password (encrypted), so it "
                           "cannot be read — open it in Excel, remove the password (File › "
                           "Info › Protect Workbook › Encrypt with Password) and save it again");
    }
    return Status::Error(at,
                         "this is an old Excel 97-2003 (.xls) workbook — open it in Excel "
                         "and save it as .xlsx or as CSV UTF-8");
  }
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                     (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16 && bytes.find('\0') != std::string::npos) {
    return Status::Error(at,
                         "this is binary data, not a CSV, TSV or XLSX sheet — export the "
                         "sheet from Excel as CSV UTF-8 or XLSX");
  }
  Sheet sheet;
  sheet.file = file_name;
  Result<std::string> text = import_detail::decode(bytes, encoding, file_name, &sheet.encoding);
  if (!text.ok()) return text.status();
  if (std::optional<int> line = binary_line(*text)) {
    return Status::Error(Location{file_name, *line},
                         "control characters: this is not a text table — export the sheet "
                         "from Excel as CSV UTF-8 or XLSX");
  }
  char delimiter = guess_delimiter(*text, file_name);
  sheet.format = delimiter == '\t' ? "tsv" : "csv";
  Result<std::vector<SheetRow>> rows = parse_delimited(*text, delimiter, file_name);
  if (!rows.ok()) return rows.status();
  sheet.rows = std::move(*rows);
  if (sheet.rows.empty()) return Status::Error(at, "the file has no rows");
  sheet.bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0 || sheet.encoding == "UTF-16";
  sheet.text = std::move(*text);
  if (Status s = import_detail::refuse_pdf_text(sheet); !s.ok()) return s;
  return sheet;
}

}  // namespace trustpage
