// XLSX (Office Open XML) worksheets, read with libzip and pugixml.
#pragma once

#include <string>

#include "import/import.h"

namespace trustpage::import_detail {

// The named worksheet, else the first; each <row> becomes a SheetRow with its row number.
Result<Sheet> read_xlsx(const std::string& bytes, const std::string& file,
                        const std::string& worksheet);

}  // namespace trustpage::import_detail
