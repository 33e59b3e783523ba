// An Office Open XML package (XLSX) held in memory, read part by part with libzip. Shared by
// the sheet reader (import) and the questionnaire filler (answer), which copies every part it
// does not edit byte for byte.
#pragma once

#include <zip.h>

#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "common/status.h"

namespace trustpage::import_detail {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

// "cannot read this XLSX workbook: WHY — …what to do", naming `file`.
Status broken_workbook(const std::string& file, const std::string& why);

// Opens `bytes` (which must outlive the handle) read-only, consistency checked.
Result<ZipHandle> open_package(const std::string& bytes, const std::string& file);

// A part's bytes; nullopt when absent. A part past kMaxXlsxPartBytes is refused before it is
// decompressed.
Result<std::optional<std::string>> read_part(zip_t* zip, const std::string& name,
                                             const std::string& file);

// A part parsed as XML; an empty document when it is absent and not `required`.
Result<pugi::xml_document> parse_part(zip_t* zip, const std::string& name, const std::string& file,
                                      bool required);

// A worksheet's part ("xl/worksheets/sheet1.xml"; "" when the workbook does not say) and name.
struct WorksheetPart {
  std::string part;
  std::string name;
};

// Every worksheet, in the workbook's order.
Result<std::vector<WorksheetPart>> list_worksheets(zip_t* zip, const std::string& file);

// The sheet named `worksheet`, else the first. Errors list the workbook's sheets.
Result<WorksheetPart> find_worksheet(zip_t* zip, const std::string& file,
                                     const std::string& worksheet);

}  // namespace trustpage::import_detail
