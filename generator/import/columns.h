// Which column holds what: found from the header row vendors write, or given by hand.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/import.h"

namespace trustpage::import_detail {

using ColumnMap = std::map<std::string, int>;  // role -> 0-based column

// The roles of a header row; nullopt when the row does not look like one (it needs a
// question column — no, item or requirement — and an answer or status column).
std::optional<ColumnMap> header_roles(const SheetRow& row);

// A sheet without a header row, its columns found from the cells: the column whose cells
// match the template's item texts is the item column, likewise the requirement and number
// columns, and the column to their right that is filled on those rows is the answer (the
// next filled one the remarks). nullopt when no column holds the template's texts.
struct InferredColumns {
  ColumnMap roles;
  size_t first_row = 0;  // index of the first row that matches: rows above are a preamble
  std::string reason;    // for the report: what was found where
};
std::optional<InferredColumns> infer_columns(const std::vector<SheetRow>& rows,
                                             const ChecklistTemplate& checklist);

// "A" -> 0, "AB" -> 27, "3" -> 2.
std::optional<int> column_index(std::string_view text);
std::string column_letter(int index);

}  // namespace trustpage::import_detail
