// Shared by the import tests: the built-in template, a whole folder's bytes (to assert that a
// refusal left content/ byte-identical), and XLSX packages assembled part by part, for the
// hostile files a spreadsheet program would never write.
#pragma once

#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "import/import.h"
#include "support/git_fixture.h"

namespace trustpage::testing {

inline ChecklistTemplate meti_template() {
  std::optional<ChecklistTemplate> t = builtin_template("meti");
  REQUIRE(t);
  return *t;
}

// Every entry under `dir`: file bytes, "symlink:<target>" for symlinks, "" for folders.
inline std::map<std::string, std::string> folder_bytes(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return out;
  for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
    std::string rel = fs::relative(it->path(), dir).string();
    if (it->is_symlink()) {
      out[rel] = "symlink:" + fs::read_symlink(it->path()).string();
    } else if (it->is_regular_file()) {
      out[rel] = slurp(it->path());
    } else {
      out[rel] = "";
    }
  }
  return out;
}

// An XLSX whose worksheet XML and shared strings are given as they are.
inline std::string xlsx_package(const std::string& sheet_data, const std::string& shared_strings) {
  std::filesystem::path dir = unique_temp_dir("hostile-xlsx");
  std::string path = (dir / "book.xlsx").string();
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip != nullptr);
  auto add = [&](const char* name, const std::string& text) {
    // libzip reads the buffer at zip_close: keep each part alive until then.
    static thread_local std::vector<std::string> keep;
    keep.push_back(text);
    zip_source_t* src = zip_source_buffer(zip, keep.back().data(), keep.back().size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(zip, name, src, ZIP_FL_OVERWRITE) >= 0);
  };
  add("[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add("xl/workbook.xml",
      "<?xml version=\"1.0\"?><workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"回答\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add("xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst>" + shared_strings + "</sst>");
  add("xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?><worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>");
  REQUIRE(zip_close(zip) == 0);
  std::string bytes = slurp(path);
  std::filesystem::remove_all(dir);
  return bytes;
}

}  // namespace trustpage::testing
