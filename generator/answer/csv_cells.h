// Filling cells of a customer's CSV or TSV: the cells written are replaced in the file's
// own bytes, so every other byte — its encoding (UTF-8, CP932, UTF-16), BOM, line ends,
// quoting — stays as the customer saved it.
#pragma once

#include <string>
#include <vector>

#include "answer/cell_write.h"
#include "common/status.h"
#include "import/import.h"

namespace trustpage::answer_detail {

// `bytes` (the file `sheet` was read from) with `writes` in place; `replaced` counts the
// characters the file's encoding cannot hold (written as 〓).
Result<std::string> set_delimited_cells(const std::string& bytes, const Sheet& sheet,
                                        const std::vector<CellWrite>& writes, size_t* replaced);

}  // namespace trustpage::answer_detail
