// Filling cells of a customer's workbook without re-creating it: the one worksheet part is
// edited (each written cell becomes an inline string keeping its style), and every other
// entry of the package — styles, shared strings, other sheets, comments — is copied as is.
#pragma once

#include <string>
#include <vector>

#include "answer/cell_write.h"
#include "common/status.h"

namespace trustpage::answer_detail {

// The worksheet part's XML, edited: each cell of `writes` holds its text as an inline
// string (t="inlineStr"), with the cell's style (s=) kept; rows and cells missing from the
// XML are added in order. Nothing else in the part changes.
Result<std::string> set_inline_strings(const std::string& worksheet_xml,
                                       const std::vector<CellWrite>& writes,
                                       const std::string& file);

// A copy of the package `bytes` with the entry `part` replaced by `part_bytes` (its time
// kept); every other entry keeps its bytes.
Result<std::string> replace_part(const std::string& bytes, const std::string& part,
                                 const std::string& part_bytes, const std::string& file);

}  // namespace trustpage::answer_detail
