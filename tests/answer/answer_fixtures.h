// Shared by the answer tests: the demo content as build loads it, customer workbooks, and
// a package's entries to compare byte for byte.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "answer/answer.h"
#include "content/loader.h"
#include "import/import.h"
#include "source/source.h"
#include "support/customer_sheet.h"
#include "support/git_fixture.h"
#include "support/zip_entries.h"

namespace trustpage::testing {

inline const Content& demo_content() {
  static const Content kContent = [] {
    Result<std::unique_ptr<Source>> source = open_worktree(TRUSTPAGE_SOURCE_DIR "/content");
    REQUIRE(source.ok());
    Diagnostics diagnostics;
    LoadOptions options;
    options.today = Date{2026, 12, 1};
    Content content = load_content(**source, options, diagnostics);
    REQUIRE(!diagnostics.has_errors());
    return content;
  }();
  return kContent;
}

inline std::string customer_workbook(const CustomerSheetOptions& options = {}) {
  std::filesystem::path dir = unique_temp_dir("customer-sheet");
  std::string path = (dir / "their-sheet.xlsx").string();
  write_customer_sheet(path, options);
  std::string bytes = slurp(path);
  std::filesystem::remove_all(dir);
  return bytes;
}

inline AnswerOptions test_options() {
  AnswerOptions options;
  options.release = "commit 0123456789ab, 2026-12-01";
  return options;
}

// The cell at `column` (0-based) of the sheet's row numbered `row`; "" when empty.
inline std::string cell_at(const Sheet& sheet, int row, int column) {
  for (const SheetRow& r : sheet.rows) {
    if (r.number == row) return column < static_cast<int>(r.cells.size()) ? r.cells[column] : "";
  }
  return "";
}

}  // namespace trustpage::testing
