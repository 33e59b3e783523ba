// A vendor's XLSX check sheet given to import. Odd first byte: the rest is the .xlsx as it
// is. Even: the rest is the worksheet XML, then (after 0xFF bytes) shared strings, workbook
// and its relationships, packed by this harness uncompressed, so mutations reach the XML
// reader instead of stopping at the zip's checksums.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/import.h"

namespace {

std::string packed(std::string_view parts) {
  const char* names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                         "xl/_rels/workbook.xml.rels"};
  std::vector<std::string> texts = {
      "", "<sst/>",
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"回答\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
      "</Relationships>"};
  for (std::string& text : texts) {
    size_t end = parts.find('\xFF');
    text = std::string(parts.substr(0, end));
    if (end == std::string_view::npos) break;
    parts.remove_prefix(end + 1);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (size_t i = 0; i < texts.size(); ++i) {
    zip_source_t* part = zip_source_buffer(zip, texts[i].data(), texts[i].size(), 0);
    zip_int64_t index = zip_file_add(zip, names[i], part, ZIP_FL_OVERWRITE);
    zip_set_file_compression(zip, index, ZIP_CM_STORE, 0);
  }
  std::string bytes;
  if (zip_close(zip) == 0 && zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(zip_source_tell(buffer));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace trustpage;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string bytes = data[0] % 2 ? std::string(rest) : packed(rest);
  Result<Sheet> sheet = read_sheet(bytes, "sheet.xlsx", Encoding::kAuto, data[0] & 2 ? "回答" : "");
  if (!sheet.ok()) return 0;
  ImportOptions options;
  options.checklist_id = "vendor";
  options.today = "2026-03-15";
  (void)import_sheet(*sheet, nullptr, options);
  return 0;
}
