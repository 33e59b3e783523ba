// Importing a vendor's existing check sheet (CSV, TSV, XLSX) into content/: read the table,
// find the columns, match rows to a checklist template, read each answer's status, and plan
// the content files. Nothing here writes until write_planned_files().
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "content/model.h"

namespace trustpage {

// ---- Reading the sheet -------------------------------------------------------------------

enum class Encoding { kAuto, kUtf8, kCp932 };
// "auto", "utf-8", "cp932" (also "shift_jis", "sjis"); nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);

// Larger files are refused before parsing: a check sheet is a few hundred rows.
inline constexpr size_t kMaxSheetBytes = 20 * 1024 * 1024;

// Where a CSV/TSV cell's raw text (its quotes included) lies in Sheet::text.
struct CellSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct SheetRow {
  int number = 0;                  // the line (CSV/TSV) or row (XLSX) it starts on, 1-based
  std::vector<std::string> cells;  // UTF-8, markup and line ends cleaned
  // CSV/TSV: each cell's span, and where the row's line end (or the text's end) is, so a
  // writer can replace one cell and keep every other byte. Empty for XLSX.
  std::vector<CellSpan> spans;
  size_t end = 0;
};

struct Sheet {
  std::string file;        // as given, for messages
  std::string format;      // "csv", "tsv" or "xlsx"
  std::string encoding;    // what was read: "UTF-8", "CP932", "UTF-16"; "" for XLSX
  std::string sheet_name;  // XLSX: the worksheet read
  std::string part;        // XLSX: its part in the package, e.g. "xl/worksheets/sheet1.xml"
  bool bom = false;        // CSV/TSV: the file starts with a byte order mark
  std::string text;        // CSV/TSV: the decoded text (UTF-8, no BOM) the spans point into
  std::vector<SheetRow> rows;
  std::string row_word() const { return format == "xlsx" ? "row" : "line"; }
};

// Reads CSV, TSV (detected by content, not by name) or XLSX from `bytes`. Errors name the
// file and the line or row, and say what to do.
Result<Sheet> read_sheet(const std::string& bytes, const std::string& file_name,
                         Encoding encoding = Encoding::kAuto, const std::string& worksheet = "");

// ---- Templates ---------------------------------------------------------------------------

struct TemplateItem {
  std::string no;
  std::string section_id;
  std::string section;  // title
  std::string category;
  std::string item;
  std::string requirement;
  std::string unit;
  std::string slug;  // file name part; "" when the template has none
};

struct ChecklistTemplate {
  std::string name;  // file name or built-in name
  std::string title;
  std::string source;  // attribution line
  std::string source_url;
  std::string license;
  std::vector<TemplateItem> items;
};

// A TSV: "#key: value" lines for title/source/source_url/license, other "#" lines are
// comments (the first one is the source line when there is no #source:), a header row
// naming the columns (no and item required; section_id, section, category, requirement,
// unit, slug optional), one item per row.
Result<ChecklistTemplate> parse_template(const std::string& text, const std::string& file_name);

// Built-in templates by checklist id: "meti" (also "meti-cloud-sla", "meti-cloud-sla-2010").
std::optional<ChecklistTemplate> builtin_template(const std::string& name);
std::vector<std::string> builtin_template_names();

// ---- Answers -----------------------------------------------------------------------------

struct AnswerReading {
  std::optional<AnswerStatus> status;  // nullopt: the vendor must choose
  std::string text;  // the answer without its status mark ("【有】 7日前…" -> "7日前…")
};

// 〇/◯/○/有/可/対応/適合/実施済 -> yes; ✕/×/無/不可/不適合/未実施 -> no;
// 一部/△ -> partial; 対象外 -> na;
// 非公開/定めておりません -> undisclosed; 対応予定/検討中 -> planned; as the whole cell or as
// its leading word ("有 クラウドで…", "【無】 …", "〇☓ 〇 利用規約に記載").
AnswerReading read_answer(const std::string& cell);

// ---- Matching ----------------------------------------------------------------------------

// Column roles, as --columns names them.
const std::vector<std::string>& column_roles();  // no, section, category, item, …

struct ImportOptions {
  std::string checklist_id;
  // --columns: role -> 0-based column index; replaces header detection.
  std::map<std::string, int> columns;
  std::string reviewed;  // ISO date for answered items; "" -> a date in the sheet, else today
  std::string today;     // ISO date, the fallback for `reviewed`
  // --unmarked STATUS: an answer without a mark gets this status (each one reported as a
  // guess to confirm), and template items the sheet does not answer are left out instead of
  // written unanswered, so the imported checklist builds as it is. Unset: the vendor decides
  // (the status is left empty and `check` lists it).
  std::optional<AnswerStatus> unmarked_status;
  // --extra-checklist: numbered rows that match no template item become items of a second
  // checklist (ImportResult::extra_items) instead of being dropped.
  bool keep_extra_rows = false;
};

struct ImportedItem {
  TemplateItem meta;
  std::string id;  // "" -> derived from checklist id, no and slug
  std::optional<AnswerStatus> status;
  bool status_guessed = false;  // set by --unmarked, not read from a mark in the sheet
  std::string answer;
  std::string remarks;
  std::vector<std::string> evidence;
  std::string reviewed;  // ISO date, "" when unanswered
  int row = 0;           // where it was read; 0 when the sheet has no row for it
};

// Something a vendor should look at, with the line or row it concerns.
struct ImportNote {
  int row = 0;  // 0: concerns no row
  std::string message;
};

struct ImportReport {
  std::vector<ImportNote> unmatched;       // rows that became no item
  std::vector<ImportNote> status_unknown;  // answers whose status the vendor must set
  std::vector<ImportNote> adjusted;        // rows read with a correction (shift, split, …)
  std::vector<ImportNote> missing;         // template items no row answered
  std::vector<ImportNote> columns;         // which column was taken for what, and why
  std::vector<ImportNote> extra;           // rows kept for --extra-checklist
};

struct ImportResult {
  ChecklistTemplate checklist;  // title, source… and the items' metadata in order
  std::vector<ImportedItem> items;
  // Numbered rows that match no template item, as items of their own (--extra-checklist);
  // their section is the sheet's section row above them.
  std::vector<ImportedItem> extra_items;
  ImportReport report;
};

// Matches the rows to `checklist_template` (or, without one, makes an item of every
// numbered row) and reads the answers. Without a header row the columns are found from the
// cells (the template's item texts as anchors). An import that reads no answer at all is an
// error: writing it would only replace answers with nothing.
Result<ImportResult> import_sheet(const Sheet& sheet, const ChecklistTemplate* checklist_template,
                                  const ImportOptions& options);

// Parses --columns "no=A,item=C,answer=E" (letters or 1-based numbers).
Result<std::map<std::string, int>> parse_column_map(const std::string& text);

// ---- Writing -----------------------------------------------------------------------------

struct PlannedFile {
  std::string path;  // relative to the content folder
  std::string bytes;
  bool replaces = false;  // a file is there already
  // What a replacement changes, field by field ("status: partial → yes"), and what it keeps.
  std::vector<std::string> changes = {};
  bool unchanged = false;  // the file holds these bytes already: nothing to write
};

struct PlanOptions {
  bool force = false;  // replace existing files (a dry run plans as if given)
  std::string title;   // --title: replaces checklist.yaml's title; else an existing one stays
};

// checklist.yaml and one file per item under checklists/<id>/, reusing the id and path of an
// existing item with the same number (so its history continues). Refuses (listing them) to
// replace existing files unless `force`. Replacing keeps what the sheet leaves empty: an
// answered item stays answered, a status is replaced only by one the sheet states with a
// mark, and checklist.yaml keeps its keys (description, order, the vendor's wording).
Result<std::vector<PlannedFile>> plan_checklist_files(const ImportResult& result,
                                                      const std::filesystem::path& content_dir,
                                                      const std::string& checklist_id,
                                                      const PlanOptions& options);
Result<std::vector<PlannedFile>> plan_checklist_files(const ImportResult& result,
                                                      const std::filesystem::path& content_dir,
                                                      const std::string& checklist_id, bool force);

// Refuses (naming it) a symlink or special file anywhere under `content_dir`, so nothing is
// written outside it; the same rule as build.
Status check_content_folder(const std::filesystem::path& content_dir);

// Writes the files (creating folders) except unchanged ones, never through a symlink; on
// failure names the file.
Status write_planned_files(const std::vector<PlannedFile>& files,
                           const std::filesystem::path& content_dir);

// An item file's text: front matter the content loader accepts, then the remarks.
// Unanswered items get empty status, answer and reviewed, which `check` reports.
std::string item_file_text(const ImportedItem& item, const std::string& id);
std::string checklist_yaml_text(const ChecklistTemplate& checklist,
                                const std::vector<std::pair<std::string, std::string>>& sections);

// ---- A new repository (`trustpage init`) ------------------------------------------------

// site.yaml with every key a vendor fills in, valid as it stands (example.com values).
std::string starter_site_yaml();

// The CI recipe init writes: which service runs it, and the trustpage release it builds the
// tool from (a tag or a full commit id, so a push to trustpage's branch never changes what
// signs the vendor's site).
enum class CiService { kGitHub, kGitLab };
struct CiRecipe {
  CiService service = CiService::kGitHub;
  std::string trustpage_ref;  // "v0.1.0", or 40 hex digits
};

// Paths relative to the new repository: content/ (site.yaml, the checklist with every item
// unanswered, a sample page), keys/, .gitignore and the CI recipe
// (.github/workflows/trustpage.yml or .gitlab-ci.yml).
Result<std::vector<PlannedFile>> plan_new_repository(const ChecklistTemplate& checklist,
                                                     const std::string& checklist_id,
                                                     const CiRecipe& ci);

}  // namespace trustpage
