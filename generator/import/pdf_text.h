// Text copied out of a PDF: the table's cells run together, separated only by spaces and
// line breaks, so no reader can tell the question from the answer.
#pragma once

#include "import/import.h"

namespace trustpage::import_detail {

// An error naming the file and its first numbered line when `sheet` (read as CSV/TSV) looks
// like PDF text: almost every line one cell, and lines that start with an item number
// followed by its text ("2 データ消失対策について…"). Says what to do instead.
Status refuse_pdf_text(const Sheet& sheet);

}  // namespace trustpage::import_detail
