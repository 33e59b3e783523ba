// Importing over content/ that holds answers already: nothing is lost, every change is
// listed, checklist.yaml keeps the vendor's keys, and nothing is written through a symlink.
#include <catch2/catch.hpp>
#include <fstream>

#include "import/import.h"
#include "import_fixtures.h"

using namespace trustpage;
using namespace trustpage::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;
const std::string kVendorC = "tests/fixtures/import/vendor-c-checklist.tsv";

Result<ImportResult> import_text(const std::string& bytes, const std::string& name,
                                 const ImportOptions& options = {}) {
  Result<Sheet> sheet = read_sheet(bytes, name);
  REQUIRE(sheet.ok());
  ChecklistTemplate t = meti_template();
  return import_sheet(*sheet, &t, options);
}

// Vendor C's sheet imported into a fresh content folder, as the first import does.
fs::path imported_vendor_c() {
  fs::path dir = unique_temp_dir("reimport-content");
  Result<ImportResult> r = import_text(slurp(kRepo / kVendorC), "vendor-c.tsv");
  REQUIRE(r.ok());
  auto files = plan_checklist_files(*r, dir, "meti", false);
  REQUIRE(files.ok());
  REQUIRE(write_planned_files(*files, dir).ok());
  return dir;
}

const PlannedFile& planned(const std::vector<PlannedFile>& files, const std::string& path) {
  for (const PlannedFile& f : files)
    if (f.path == path) return f;
  FAIL("not planned: " << path);
  return files.front();
}

void replace_line(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = slurp(file);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

const std::string kItem2 =
    "checklists/meti/application-operations/02-planned-maintenance-notice.md";
const std::string kItem5 = "checklists/meti/application-operations/05-availability-rate.md";

}  // namespace

TEST_CASE("a sheet whose answer column reads empty is refused, not written as 49 blanks") {
  // The hint "--columns no=A,item=C,answer=E" applied to a sheet whose answers are elsewhere
  // (here: column F, empty on every row) used to replace every answer with an empty item.
  fs::path dir = imported_vendor_c();
  auto before = folder_bytes(dir);
  ImportOptions wrong;
  wrong.columns = *parse_column_map("no=A,item=C,answer=F");
  Result<ImportResult> r = import_text(slurp(kRepo / kVendorC), "vendor-c.tsv", wrong);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("not one answer was read"));
  CHECK_THAT(r.status().message(), Catch::Contains("column F"));
  CHECK_THAT(r.status().message(), Catch::Contains("nothing was written"));
  CHECK(folder_bytes(dir) == before);
  fs::remove_all(dir);
}

TEST_CASE("import --force keeps what the sheet leaves empty and lists every change") {
  fs::path dir = imported_vendor_c();
  // A later sheet: item 1's answer cell is empty, item 2 now says ✕.
  std::string sheet =
      "No.,サービスレベル項目(例),規定内容,回答\n"
      "1,サービス時間,サービスを提供する時間帯,\n"
      "2,計画停止予定通知,定期的な保守停止に関する事前連絡確認,✕ 通知しない\n";
  Result<ImportResult> r = import_text(sheet, "later.csv");
  REQUIRE(r.ok());
  auto files = plan_checklist_files(*r, dir, "meti", true);
  REQUIRE(files.ok());
  const PlannedFile& one =
      planned(*files, "checklists/meti/application-operations/01-service-hours.md");
  CHECK(one.unchanged);  // the empty cell replaced nothing
  CHECK_THAT(one.bytes, Catch::Contains("answer: \"24 時間 365 日(計画停止/定期保守を除く)\""));
  const PlannedFile& two = planned(*files, kItem2);
  CHECK_THAT(two.bytes, Catch::Contains("status: no\n"));
  REQUIRE(two.changes.size() >= 2);
  CHECK(two.changes[0] == "status: yes → no");
  CHECK(two.changes[1] == "answer: \"7日前までにメールにて通知\" → \"通知しない\"");
  // Items the sheet does not mention stay as they are, answered.
  for (const PlannedFile& f : *files) {
    if (f.path == kItem5) CHECK(f.unchanged);
  }
  REQUIRE(write_planned_files(*files, dir).ok());
  CHECK_THAT(slurp(dir / kItem5), Catch::Contains("answer: \"99.9%以上を目標に運用\""));
  fs::remove_all(dir);
}

TEST_CASE("import --unmarked never replaces a status the vendor set by hand") {
  fs::path dir = imported_vendor_c();
  replace_line(dir / kItem5, "status:\n", "status: partial\n");
  ImportOptions options;
  options.unmarked_status = AnswerStatus::kYes;
  Result<ImportResult> r = import_text(slurp(kRepo / kVendorC), "vendor-c.tsv", options);
  REQUIRE(r.ok());
  auto files = plan_checklist_files(*r, dir, "meti", true);
  REQUIRE(files.ok());
  const PlannedFile& five = planned(*files, kItem5);
  CHECK_THAT(five.bytes, Catch::Contains("status: partial\n"));
  REQUIRE_FALSE(five.changes.empty());
  CHECK_THAT(five.changes[0], Catch::StartsWith("status: partial kept"));
  // An item with no status yet does take the guess, and says so before → after.
  const PlannedFile& ten =
      planned(*files, "checklists/meti/application-operations/12-incident-count.md");
  CHECK_THAT(ten.bytes, Catch::Contains("status: yes\n"));
  CHECK(ten.changes == std::vector<std::string>{"status: (empty) → yes"});
  fs::remove_all(dir);
}

TEST_CASE("checklist.yaml keeps its description, order and the vendor's source wording") {
  fs::path dir = imported_vendor_c();
  fs::path yaml = dir / "checklists/meti/checklist.yaml";
  std::string text = slurp(yaml);
  size_t source = text.find("source: ");
  size_t end = text.find('\n', source);
  text.replace(source, end - source, "source: \"経産省チェックリスト（当社回答）\"");
  text += "description: \"当社の回答です。\"\norder: 2\n";
  std::ofstream(yaml, std::ios::binary) << text;
  std::string edited = slurp(yaml);

  Result<ImportResult> r = import_text(slurp(kRepo / kVendorC), "vendor-c.tsv");
  REQUIRE(r.ok());
  auto files = plan_checklist_files(*r, dir, "meti", true);
  REQUIRE(files.ok());
  const PlannedFile& planned_yaml = planned(*files, "checklists/meti/checklist.yaml");
  CHECK(planned_yaml.unchanged);
  CHECK(planned_yaml.bytes == edited);

  // A new section must be added: the keys still stay, and the addition is listed.
  for (ImportedItem& i : r->items) {
    if (i.meta.no == "1") {
      i.meta.section_id = "new-section";
      i.meta.section = "新しい区分";
    }
  }
  fs::remove(dir / "checklists/meti/application-operations/01-service-hours.md");
  auto again = plan_checklist_files(*r, dir, "meti", true);
  REQUIRE(again.ok());
  const PlannedFile& merged = planned(*again, "checklists/meti/checklist.yaml");
  CHECK_THAT(merged.bytes, Catch::Contains("source: \"経産省チェックリスト（当社回答）\""));
  CHECK_THAT(merged.bytes, Catch::Contains("description: \"当社の回答です。\""));
  CHECK_THAT(merged.bytes, Catch::Contains("order: 2"));
  CHECK_THAT(merged.bytes, Catch::Contains("  - id: new-section\n    title: \"新しい区分\""));
  CHECK(merged.changes == std::vector<std::string>{"sections: + new-section (新しい区分)"});
  fs::remove_all(dir);
}

TEST_CASE("symlinks under content/ are refused before anything is written") {
  fs::path dir = imported_vendor_c();
  fs::path outside = unique_temp_dir("outside");
  SECTION("a symlinked section folder") {
    fs::rename(dir / "checklists/meti/data-management", outside / "data-management");
    fs::create_directory_symlink(outside / "data-management",
                                 dir / "checklists/meti/data-management");
    auto before = folder_bytes(dir);
    auto outside_before = folder_bytes(outside);
    Status s = check_content_folder(dir);
    REQUIRE_FALSE(s.ok());
    CHECK(s.where().file == (dir / "checklists/meti/data-management").string());
    CHECK_THAT(s.message(), Catch::Contains("symlink"));
    // Even past the check, the writer does not follow it.
    Result<ImportResult> r = import_text(slurp(kRepo / kVendorC), "vendor-c.tsv");
    REQUIRE(r.ok());
    std::vector<PlannedFile> files = {
        {"checklists/meti/data-management/28-backup-method.md", "x", true}};
    CHECK_FALSE(write_planned_files(files, dir).ok());
    CHECK(folder_bytes(dir) == before);
    CHECK(folder_bytes(outside) == outside_before);
  }
  SECTION("a dangling symlink at an item's path") {
    fs::path item = dir / kItem2;
    fs::remove(item);
    fs::create_symlink(outside / "planted.md", item);
    auto before = folder_bytes(dir);
    Status s = check_content_folder(dir);
    REQUIRE_FALSE(s.ok());
    CHECK(s.where().file == item.string());
    std::vector<PlannedFile> files = {{kItem2, "x", true}};
    CHECK_FALSE(write_planned_files(files, dir).ok());
    CHECK_FALSE(fs::exists(outside / "planted.md"));
    CHECK(folder_bytes(dir) == before);
  }
  fs::remove_all(dir);
  fs::remove_all(outside);
}
