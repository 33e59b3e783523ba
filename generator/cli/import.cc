// `trustpage import FILE --checklist ID`: a vendor's existing sheet into content/.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "cli/commands.h"

namespace trustpage {
namespace fs = std::filesystem;
namespace {

std::string today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

Result<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status::Error(Location{path.string()}, "no such file");
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxSheetBytes) {
    return Status::Error(Location{path.string()},
                         "the file is " + std::to_string(size / (1024 * 1024)) +
                             " MB; a check sheet is far smaller (the limit is " +
                             std::to_string(kMaxSheetBytes / (1024 * 1024)) +
                             " MB) — is this the right file? Save only the sheet's table as CSV "
                             "or XLSX");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Error(Location{path.string()}, "cannot read this file");
  return bytes.str();
}

void print_notes(const Sheet& sheet, const std::string& title,
                 const std::vector<ImportNote>& notes) {
  if (notes.empty()) return;
  std::cout << "\n" << title << " (" << notes.size() << "):\n";
  for (const ImportNote& note : notes) {
    std::cout << "  ";
    if (note.row > 0) {
      std::cout << sheet.file << (sheet.format == "xlsx" ? " row " : ":") << note.row << ": ";
    }
    std::cout << note.message << '\n';
  }
}

}  // namespace

int run_import(const ImportCommand& command) {
  auto fail = [](const Status& status) {
    std::cerr << status.as_diagnostic().to_string() << '\n';
    return 1;
  };
  std::optional<Encoding> encoding = parse_encoding(command.encoding);
  if (!encoding) {
    std::cerr << "error: --encoding " << command.encoding
              << " is not known — use auto, utf-8 or cp932 (Shift_JIS)\n";
    return 2;
  }
  ImportOptions options;
  options.checklist_id = command.checklist;
  options.today = today_local();
  if (!command.reviewed.empty()) {
    if (!Date::parse(command.reviewed)) {
      std::cerr << "error: --reviewed " << command.reviewed << " is not a date like 2026-03-18\n";
      return 2;
    }
    options.reviewed = command.reviewed;
  }
  if (!command.unmarked.empty()) options.unmarked_status = parse_answer_status(command.unmarked);
  if (!command.columns.empty()) {
    Result<std::map<std::string, int>> columns = parse_column_map(command.columns);
    if (!columns.ok()) return fail(columns.status());
    options.columns = *columns;
  }

  std::optional<ChecklistTemplate> checklist_template;
  if (command.template_file) {
    Result<std::string> text = read_file(*command.template_file);
    if (!text.ok()) return fail(text.status());
    Result<ChecklistTemplate> parsed = parse_template(*text, command.template_file->string());
    if (!parsed.ok()) return fail(parsed.status());
    checklist_template = std::move(*parsed);
  } else {
    checklist_template = builtin_template(command.checklist);
  }

  if (!command.extra_checklist.empty()) {
    if (command.extra_checklist == command.checklist) {
      std::cerr << "error: --extra-checklist " << command.extra_checklist
                << " is the --checklist itself — give the rows beyond the template their own "
                   "id, e.g. --extra-checklist "
                << command.checklist << "-extra\n";
      return 2;
    }
    if (!checklist_template) {
      std::cerr << "error: --extra-checklist keeps the rows that match no template item; "
                   "without a template (--checklist meti or --template FILE) every numbered "
                   "row is imported already\n";
      return 2;
    }
    options.keep_extra_rows = true;
  }
  // Before anything is read from or planned for content/: nothing may lead outside it.
  if (Status s = check_content_folder(command.content_dir); !s.ok()) return fail(s);

  Result<std::string> bytes = read_file(command.file);
  if (!bytes.ok()) return fail(bytes.status());
  Result<Sheet> sheet = read_sheet(*bytes, command.file.string(), *encoding, command.sheet);
  if (!sheet.ok()) return fail(sheet.status());
  Result<ImportResult> result =
      import_sheet(*sheet, checklist_template ? &*checklist_template : nullptr, options);
  if (!result.ok()) return fail(result.status());
  if (!checklist_template) {
    result->checklist.title = command.title.empty() ? command.checklist : command.title;
  }

  // A dry run plans what a run with --force would do, and says which files need it.
  PlanOptions plan;
  plan.force = command.force || command.dry_run;
  plan.title = command.title;
  Result<std::vector<PlannedFile>> files =
      plan_checklist_files(*result, command.content_dir, command.checklist, plan);
  if (!files.ok()) return fail(files.status());
  if (options.keep_extra_rows && !result->extra_items.empty()) {
    ImportResult extra;
    extra.checklist.title =
        result->checklist.title + "（" + command.file.filename().string() + " の追加項目）";
    extra.checklist.source = result->checklist.source.empty()
                                 ? ""
                                 : "rows of " + command.file.filename().string() +
                                       " beyond: " + result->checklist.source;
    extra.items = result->extra_items;
    PlanOptions extra_plan = plan;
    extra_plan.title.clear();
    Result<std::vector<PlannedFile>> more =
        plan_checklist_files(extra, command.content_dir, command.extra_checklist, extra_plan);
    if (!more.ok()) return fail(more.status());
    files->insert(files->end(), more->begin(), more->end());
  }
  std::error_code ec;
  bool new_site = !fs::exists(fs::symlink_status(command.content_dir / "site.yaml", ec));
  if (new_site) files->push_back({"site.yaml", starter_site_yaml(), false});

  size_t answered = 0, unanswered = 0;
  for (const ImportedItem& item : result->items) {
    (item.answer.empty() && !item.status ? unanswered : answered)++;
  }
  std::cout << "Read " << sheet->file << " (" << sheet->format
            << (sheet->encoding.empty() ? "" : ", " + sheet->encoding)
            << (sheet->sheet_name.empty() ? "" : ", sheet \"" + sheet->sheet_name + "\"")
            << "): " << result->items.size() << " items, " << answered << " answered, "
            << unanswered << " unanswered"
            << (checklist_template ? " — matched to template " + checklist_template->name
                                   : " — no template: each numbered row is an item")
            << ".\n";
  const ImportReport& report = result->report;
  print_notes(*sheet, "Columns", report.columns);
  print_notes(*sheet, "Rows not imported", report.unmatched);
  size_t numbered_dropped = 0;
  for (const ImportNote& note : report.unmatched)
    numbered_dropped += note.message.find("--extra-checklist") != std::string::npos;
  if (numbered_dropped > 0) {
    std::cout << "  → " << numbered_dropped
              << " numbered rows match no item of the template; pass --extra-checklist ID to "
                 "keep them as a checklist of their own.\n";
  }
  if (!report.extra.empty()) {
    std::cout << "\nRows kept in checklist " << command.extra_checklist << " ("
              << report.extra.size()
              << "): " << (command.content_dir / "checklists" / command.extra_checklist).string()
              << "/\n";
  }
  print_notes(*sheet,
              options.unmarked_status
                  ? "Statuses set by --unmarked (the answer had no mark) — confirm these"
                  : "Statuses to set (the answer is kept, the status is left empty)",
              report.status_unknown);
  print_notes(*sheet, "Rows read with a correction — check these items", report.adjusted);
  print_notes(*sheet,
              options.unmarked_status ? "Items without an answer (left out)"
                                      : "Items without an answer (written unanswered)",
              report.missing);

  size_t to_write = 0, replaced = 0, unchanged = 0;
  for (const PlannedFile& f : *files) {
    if (f.unchanged) {
      ++unchanged;
      continue;
    }
    ++to_write;
    replaced += f.replaces;
  }
  bool kept = std::any_of(files->begin(), files->end(),
                          [](const PlannedFile& f) { return f.unchanged && !f.changes.empty(); });
  if (replaced > 0 || kept) {
    std::cout << "\nChanges to existing files (" << replaced << " replaced, " << unchanged
              << " unchanged):\n";
    for (const PlannedFile& f : *files) {
      if (!f.replaces || (f.unchanged && f.changes.empty())) continue;
      std::cout << "  " << (command.content_dir / f.path).string() << "\n";
      if (f.changes.empty()) std::cout << "      (formatting only)\n";
      for (const std::string& change : f.changes) std::cout << "      " << change << "\n";
    }
  }

  if (command.dry_run) {
    std::cout << "\nDry run — nothing written. A real run would write " << to_write
              << " files under " << command.content_dir.string() << "/"
              << (replaced > 0 && !command.force ? ", replacing " + std::to_string(replaced) +
                                                       " existing ones (it needs --force for that)"
                                                 : "")
              << ":\n";
    for (const PlannedFile& f : *files) {
      if (f.unchanged) continue;
      std::cout << "\n=== " << (command.content_dir / f.path).string()
                << (f.replaces ? " (replaces the existing file)" : "") << " ===\n"
                << f.bytes;
    }
    return 0;
  }
  if (Status s = write_planned_files(*files, command.content_dir); !s.ok()) return fail(s);
  std::cout << "\nWrote " << to_write << " files under "
            << (command.content_dir / "checklists" / command.checklist).string() << "/"
            << (report.extra.empty()
                    ? ""
                    : " and " +
                          (command.content_dir / "checklists" / command.extra_checklist).string() +
                          "/")
            << (new_site ? " and a starter " + (command.content_dir / "site.yaml").string() : "")
            << (unchanged > 0 ? " (" + std::to_string(unchanged) + " unchanged)" : "")
            << ".\nNext: set the statuses listed above, fill in what is unanswered, then run "
               "`trustpage check`"
            << (new_site ? " (and edit site.yaml)" : "") << ".\n";
  return 0;
}

}  // namespace trustpage
