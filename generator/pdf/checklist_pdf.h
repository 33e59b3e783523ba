// The render stage's PDF writer: one checklist as an A4 landscape check sheet, typeset with
// cairo + pango in the theme's Japanese font (embedded as a subset), with a title block,
// running header and footer, bookmarks per section and item, links to each item's page and
// document metadata. Byte-identical for the same content, commit and fonts.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "content/model.h"
#include "site/plan.h"
#include "site/theme.h"

namespace trustpage {

Result<std::string> render_checklist_pdf(const Content& content, const Checklist& checklist,
                                         const BuildInfo& info, const Theme& theme);

// Where the table's columns sit on the page, in points from the page's left edge (PDF user
// space): No., category, item, requirement, unit, answer, remarks.
struct PdfColumn {
  double left = 0;
  double right = 0;
};
std::vector<PdfColumn> pdf_checklist_columns();
constexpr double kPdfPageWidth = 841.89;  // A4 landscape, points
constexpr double kPdfPageHeight = 595.28;

}  // namespace trustpage
