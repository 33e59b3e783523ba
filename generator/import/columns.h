// Which column holds what: found from the header row vendors write, or given by hand.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "import/import.h"

namespace trustpage::import_detail {

using ColumnMap = std::map<std::string, int>;  // role -> 0-based column

// The roles of a header row; nullopt when the row does not look like one (it needs a
// question column — no, item or requirement — and an answer or status column).
std::optional<ColumnMap> header_roles(const SheetRow& row);

// "A" -> 0, "AB" -> 27, "3" -> 2.
std::optional<int> column_index(std::string_view text);
std::string column_letter(int index);

}  // namespace trustpage::import_detail
