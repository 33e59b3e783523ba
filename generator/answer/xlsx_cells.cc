#include "answer/xlsx_cells.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <sstream>

#include "answer/choices.h"
#include "import/columns.h"
#include "import/zip_package.h"

namespace trustpage::answer_detail {
namespace {

// Keep the part as it was written: whitespace between elements, comments, the declaration,
// and line ends and tabs inside attribute values (pugixml's defaults normalise both).
constexpr unsigned kParseAsIs =
    (pugi::parse_default & ~pugi::parse_eol & ~pugi::parse_wconv_attribute) |
    pugi::parse_declaration | pugi::parse_ws_pcdata | pugi::parse_comments | pugi::parse_pi;

// XML 1.0 allows no control characters but tab and line ends.
std::string xml_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n') continue;
    out += c;
  }
  return out;
}

pugi::xml_node row_node(pugi::xml_node sheet_data, int number) {
  pugi::xml_node before;
  for (pugi::xml_node row : sheet_data.children("row")) {
    int r = row.attribute("r").as_int();
    if (r == number) return row;
    if (r > number) {
      before = row;
      break;
    }
  }
  pugi::xml_node row =
      before ? sheet_data.insert_child_before("row", before) : sheet_data.append_child("row");
  row.append_attribute("r") = number;
  return row;
}

pugi::xml_node cell_node(pugi::xml_node row, int column, const std::string& ref) {
  pugi::xml_node before;
  for (pugi::xml_node c : row.children("c")) {
    std::optional<CellRef> at = parse_cell_ref(c.attribute("r").value());
    if (!at) continue;
    if (at->column == column) return c;
    if (at->column > column) {
      before = c;
      break;
    }
  }
  pugi::xml_node c = before ? row.insert_child_before("c", before) : row.append_child("c");
  c.append_attribute("r") = ref.c_str();
  return c;
}

// A row's spans ("1:5") hint at its first and last cells; widened to a new cell's column.
void widen_spans(pugi::xml_node row, int column) {
  pugi::xml_attribute spans = row.attribute("spans");
  if (!spans) return;
  int first = 0, last = 0;
  char colon = 0;
  std::istringstream in(spans.value());
  if (!(in >> first >> colon >> last) || colon != ':') return;
  first = std::min(first, column + 1);
  last = std::max(last, column + 1);
  spans = (std::to_string(first) + ":" + std::to_string(last)).c_str();
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

Result<std::string> set_inline_strings(const std::string& worksheet_xml,
                                       const std::vector<CellWrite>& writes,
                                       const std::string& file) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(worksheet_xml.data(), worksheet_xml.size(), kParseAsIs);
  if (!parsed) {
    return import_detail::broken_workbook(
        file, std::string("the worksheet is not well-formed XML (") + parsed.description() + ")");
  }
  pugi::xml_node sheet_data = doc.child("worksheet").child("sheetData");
  if (!sheet_data) return import_detail::broken_workbook(file, "the worksheet has no sheetData");
  for (const CellWrite& w : writes) {
    std::string ref = import_detail::column_letter(w.column) + std::to_string(w.row);
    pugi::xml_node row = row_node(sheet_data, w.row);
    widen_spans(row, w.column);
    pugi::xml_node c = cell_node(row, w.column, ref);
    while (pugi::xml_node child = c.first_child()) c.remove_child(child);
    if (!c.attribute("t")) c.append_attribute("t");
    c.attribute("t") = "inlineStr";
    pugi::xml_node t = c.append_child("is").append_child("t");
    t.append_attribute("xml:space") = "preserve";
    t.text() = xml_text(w.text).c_str();
  }
  StringWriter writer;
  bool declared = doc.first_child().type() == pugi::node_declaration;
  doc.save(writer, "",
           pugi::format_raw | (declared ? pugi::format_no_declaration : pugi::format_default),
           pugi::encoding_utf8);
  return writer.out;
}

Result<std::string> replace_part(const std::string& bytes, const std::string& part,
                                 const std::string& part_bytes, const std::string& file) {
  auto fail = [&](const std::string& why) {
    return Status::Error(Location{file}, "cannot write the filled workbook: " + why);
  };
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, ZipSourceFree> archive(
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  if (!archive) return fail(zip_error_strerror(&error));
  zip_t* zip = zip_open_from_source(archive.get(), 0, &error);
  if (zip == nullptr) return import_detail::broken_workbook(file, zip_error_strerror(&error));
  zip_source_keep(archive.get());  // read back below, after zip_close has written it
  zip_int64_t index = zip_name_locate(zip, part.c_str(), 0);
  zip_stat_t st;
  zip_stat_init(&st);
  if (index < 0 || zip_stat_index(zip, index, 0, &st) != 0) {
    zip_discard(zip);
    return import_detail::broken_workbook(file, part + " is missing");
  }
  zip_source_t* data = zip_source_buffer(zip, part_bytes.data(), part_bytes.size(), 0);
  if (data == nullptr || zip_file_replace(zip, index, data, 0) != 0) {
    if (data != nullptr) zip_source_free(data);
    std::string why = zip_strerror(zip);
    zip_discard(zip);
    return fail(why);
  }
  zip_set_file_compression(zip, index, ZIP_CM_DEFLATE, 0);
  if (st.valid & ZIP_STAT_MTIME) zip_file_set_mtime(zip, index, st.mtime, 0);
  if (zip_close(zip) != 0) {
    std::string why = zip_strerror(zip);
    zip_discard(zip);
    return fail(why);
  }
  zip_source_t* src = archive.get();
  if (zip_source_open(src) != 0) return fail("cannot read the new package back");
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(size < 0 ? 0 : static_cast<size_t>(size), '\0');
  zip_int64_t got = zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  if (size < 0 || got != size) return fail("cannot read the new package back");
  return out;
}

}  // namespace trustpage::answer_detail
