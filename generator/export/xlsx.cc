// XLSX through libxlsxwriter. The library writes to a file, so the workbook goes through a
// private temporary folder and comes back as bytes for the bundle.
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "export/dates.h"
#include "export/export.h"
#include "site/routes.h"

namespace trustpage {
namespace fs = std::filesystem;
namespace {

// The XLSX's creation date when there is no commit: the first date a ZIP entry can hold,
// so a preview of an uncommitted folder still gives the same bytes every time. (0 would
// make libxlsxwriter use the clock.)
constexpr std::time_t kNoCommitTime = 315532800;  // 1980-01-01T00:00:00Z

// Excel refuses a cell longer than 32,767 characters; remarks may be longer (64 KiB).
constexpr size_t kMaxCellCodePoints = 32000;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "trustpage-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Owns a workbook until close(); closing also frees it, so a failed export never leaks one.
class Workbook {
 public:
  Workbook(const fs::path& file, const fs::path& tmpdir) {
    tmpdir_ = tmpdir.string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir_.data();
    handle_ = workbook_new_opt(file.c_str(), &options);
  }
  ~Workbook() {
    if (handle_ != nullptr) workbook_close(handle_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  lxw_workbook* get() { return handle_; }
  lxw_error close() {
    lxw_error error = workbook_close(handle_);
    handle_ = nullptr;
    return error;
  }

 private:
  std::string tmpdir_;
  lxw_workbook* handle_ = nullptr;
};

// Counts the UTF-16 units Excel counts, cutting at a code point boundary.
std::string cut_for_excel(const std::string& text, size_t max_units, bool* cut) {
  size_t units = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    if (units > max_units) {
      *cut = true;
      return text.substr(0, i);
    }
    i += length;
  }
  *cut = false;
  return text;
}

// Sheet names: at most 31 units, none of []:*?/\ and no apostrophe at either end.
std::string sheet_name(const std::string& title, const std::string& fallback) {
  std::string name;
  for (char c : title) {
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  }
  bool cut = false;
  name = cut_for_excel(name, 31, &cut);
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? fallback.substr(0, 31) : name;
}

Status failed(const Checklist& checklist, const std::string& what, lxw_error error) {
  return Status::Error("cannot write the XLSX export of checklist \"" + checklist.id +
                       "\": " + what + " (" + lxw_strerror(error) + ")");
}

}  // namespace

Result<std::string> export_xlsx(const Checklist& checklist, const ExportContext& context) {
  TempDir dir;
  if (dir.path().empty()) {
    return Status::Error("cannot create a temporary folder for the XLSX export in " +
                         fs::temp_directory_path().string() + " — check TMPDIR");
  }
  fs::path file = dir.path() / "checklist.xlsx";
  Workbook workbook(file, dir.path());
  lxw_workbook* wb = workbook.get();
  if (wb == nullptr) return Status::Error("cannot start the XLSX export (libxlsxwriter)");

  std::string title = checklist.title;
  std::string author = context.site ? context.site->organization : "";
  std::string comments = "trustpage " + context.version;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.comments = comments.data();
  properties.created = context.provenance.time > 0
                           ? static_cast<std::time_t>(context.provenance.time)
                           : kNoCommitTime;
  workbook_set_properties(wb, &properties);

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(header, 0xDCE6F1);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* cell = workbook_add_format(wb);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(cell, LXW_BORDER_THIN);

  std::string name = sheet_name(checklist.title, checklist.id);
  lxw_worksheet* sheet = workbook_add_worksheet(wb, name.c_str());
  if (sheet == nullptr) return Status::Error("cannot add the sheet \"" + name + "\" to the XLSX");
  const std::vector<ExportColumn>& columns = export_columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col, col, columns[c].width, nullptr);
    std::string text(columns[c].header);
    worksheet_write_string(sheet, 0, col, text.c_str(), header);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  lxw_row_t row = 0;
  for (const Section& section : checklist.sections) {
    for (const Item& item : section.items) {
      ++row;
      std::vector<std::string> cells = export_row(section, item);
      for (size_t c = 0; c < cells.size(); ++c) {
        bool cut = false;
        std::string text = cut_for_excel(cells[c], kMaxCellCodePoints, &cut);
        if (cut) text += "\n…（以下省略。全文はサイトをご覧ください）";
        lxw_error error =
            worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), text.c_str(), cell);
        if (error != LXW_NO_ERROR) return failed(checklist, "item " + item.id, error);
      }
    }
  }
  if (row > 0) {
    worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(columns.size() - 1));
  }

  lxw_worksheet* about = workbook_add_worksheet(wb, "出典・版");
  if (about == nullptr) return Status::Error("cannot add the source sheet to the XLSX");
  worksheet_set_column(about, 0, 0, 18, header);
  worksheet_set_column(about, 1, 1, 90, cell);
  std::string site_url;
  if (context.site != nullptr) site_url = context.site->base_url + checklist_route("", checklist);
  const std::vector<std::pair<std::string, std::string>> facts = {
      {"チェックリスト", checklist.title},
      {"出典", checklist.source},
      {"出典URL", checklist.source_url},
      {"利用条件", checklist.license},
      {"回答者", context.site ? context.site->organization : ""},
      {"サービス", context.site ? context.site->service : ""},
      {"公開ページ", site_url},
      {"コミット", context.provenance.commit},
      {"公開日時", export_detail::commit_timestamp(context.provenance)},
      {"作成ツール", "trustpage " + context.version},
  };
  lxw_row_t about_row = 0;
  for (const auto& [label, value] : facts) {
    if (value.empty()) continue;
    worksheet_write_string(about, about_row, 0, label.c_str(), header);
    worksheet_write_string(about, about_row, 1, value.c_str(), cell);
    ++about_row;
  }

  if (lxw_error error = workbook.close(); error != LXW_NO_ERROR) {
    return failed(checklist, "closing the workbook", error);
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Error("cannot read back the XLSX export from " + file.string());
  return bytes.str();
}

}  // namespace trustpage
