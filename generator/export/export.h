// A checklist as the files reviewers download: CSV (Excel-ready), XLSX and JSON. Every byte
// depends on the content and the commit only, so the signed bundle stays reproducible.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/bundle.h"
#include "common/status.h"
#include "content/model.h"
#include "source/source.h"

namespace trustpage {

// The formats, in the order a checklist page lists them.
const std::vector<std::string>& export_formats();  // "csv", "xlsx", "json"

struct ExportContext {
  const Site* site = nullptr;
  Provenance provenance;  // the commit and its date: the only dates in an export
  std::string version;    // trustpage's version
  // Item id -> ISO date (YYYY-MM-DD) of the commit that last changed the item. The history
  // stage fills it; an item without an entry exports "last_changed": null.
  std::map<std::string, std::string> last_changed;
};

// One row per item, the same columns in CSV and XLSX (and the importer reads them back).
struct ExportColumn {
  std::string_view key;     // "no", "section", …, as in the JSON export
  std::string_view header;  // the header cell
  double width;             // XLSX column width, in Excel's character units
};
const std::vector<ExportColumn>& export_columns();

// The status as the status column spells it: "対応", "非対応", "一部対応", "対象外", "非開示",
// "対応予定" (the theme's Japanese labels; the importer reads them back).
std::string_view export_status_label(AnswerStatus status);

// The cells of one item's row, in export_columns() order.
std::vector<std::string> export_row(const Section& section, const Item& item);

// Japanese Excel opens it without a wizard: UTF-8 with BOM, CRLF between records, every
// field quoted with quotes doubled, line breaks inside a cell kept as LF.
std::string export_csv(const Checklist& checklist);

// Header row bold and frozen, wrapped text, one sheet for the checklist and one for its
// source, attribution and version. Fails only if the XLSX library does.
Result<std::string> export_xlsx(const Checklist& checklist, const ExportContext& context);

// Versioned schema, documented in generator/export/README.md.
std::string export_json(const Checklist& checklist, const ExportContext& context);
inline constexpr int kJsonFormatVersion = 1;

// Every checklist in every format, at checklist_download_route(checklist, format).
Status add_checklist_exports(const Content& content, const ExportContext& context, Bundle& bundle);

}  // namespace trustpage
