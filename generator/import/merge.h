// A re-import over items content/ holds already: what the sheet states replaces, what it
// leaves empty stays, and every change is listed before → after.
#pragma once

#include <string>
#include <vector>

#include "import/existing.h"
#include "import/import.h"

namespace trustpage::import_detail {

// `sheet` merged into `existing`: a field the sheet leaves empty keeps its value, an answered
// item never becomes unanswered, and a status in content/ is replaced only by one the sheet
// states with a mark (never by an --unmarked guess). `changes` gets one line per field that
// differs ("status: partial → yes") and per value kept against the sheet.
ImportedItem merge_item(const ImportedItem& sheet, const ExistingItem& existing,
                        std::vector<std::string>* changes);

// "24時間365日（計画停止…": a value short enough for a report line.
std::string excerpt_text(const std::string& text);

}  // namespace trustpage::import_detail
