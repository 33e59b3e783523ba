// Importing real sheets: the vendor-C seed, Shift_JIS CSV, XLSX written here with
// libxlsxwriter, broken files, and an export read back. Expected values come from the
// input files, never from the importer's own output.
#include "import/import.h"

#include <iconv.h>
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "content/loader.h"
#include "export/export.h"
#include "support/git_fixture.h"

using namespace trustpage;
namespace fs = std::filesystem;
using trustpage::testing::slurp;
using trustpage::testing::unique_temp_dir;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;

ImportResult import_bytes(const std::string& bytes, const std::string& name,
                          const ChecklistTemplate* tmpl, Encoding encoding = Encoding::kAuto) {
  Result<Sheet> sheet = read_sheet(bytes, name, encoding);
  INFO(sheet.status().to_string());
  REQUIRE(sheet.ok());
  ImportOptions options;
  options.checklist_id = "meti";
  options.today = "2026-01-01";
  Result<ImportResult> result = import_sheet(*sheet, tmpl, options);
  INFO(result.status().to_string());
  REQUIRE(result.ok());
  return std::move(*result);
}

const ImportedItem& item(const ImportResult& result, const std::string& no) {
  for (const ImportedItem& i : result.items)
    if (i.meta.no == no) return i;
  FAIL("no item " << no);
  return result.items.front();
}

std::vector<int> rows(const std::vector<ImportNote>& notes) {
  std::vector<int> out;
  for (const ImportNote& n : notes) out.push_back(n.row);
  return out;
}

ChecklistTemplate meti() {
  std::optional<ChecklistTemplate> t = builtin_template("meti");
  REQUIRE(t);
  return *t;
}

std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  REQUIRE(iconv(cd, &in, &in_left, &o, &out_left) != static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

TEST_CASE("the built-in METI template is the published item list") {
  ChecklistTemplate t = meti();
  // The fixture beside the tests is the list as published (with its attribution).
  std::ifstream in(kRepo / "tests/fixtures/checklists/meti-cloud-sla-2010.tsv");
  std::string line;
  std::vector<std::vector<std::string>> published;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("no\t", 0) == 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    published.push_back(f);
  }
  REQUIRE(t.items.size() == published.size());
  REQUIRE(t.items.size() == 49);
  for (size_t i = 0; i < published.size(); ++i) {
    CHECK(t.items[i].no == published[i][0]);
    CHECK(t.items[i].section == published[i][1]);
    CHECK(t.items[i].item == published[i][3]);
    CHECK(t.items[i].requirement == published[i][4]);
    CHECK(t.items[i].unit == published[i][5]);
  }
  CHECK_THAT(t.source, Catch::Contains("経済産業省「クラウドサービスレベルのチェックリスト」"));
}

TEST_CASE("vendor C's sheet: 49 items, answers and statuses, every skipped row reported") {
  ChecklistTemplate t = meti();
  std::string bytes = slurp(kRepo / "tests/fixtures/import/vendor-c-checklist.tsv");
  ImportResult r = import_bytes(bytes, "vendor-c.tsv", &t);
  REQUIRE(r.items.size() == 49);

  // Rows with a status mark: the mark becomes the status, the rest the answer.
  CHECK(item(r, "2").status == AnswerStatus::kYes);  // 【有】 7日前までにメールにて通知
  CHECK(item(r, "2").answer == "7日前までにメールにて通知");
  CHECK(item(r, "2").row == 11);
  CHECK(item(r, "4").status == AnswerStatus::kNo);  // 【無】 プログラム等の…
  CHECK(item(r, "4").answer == "プログラム等の第三者への預託は実施しません。");
  CHECK(item(r, "6").status == AnswerStatus::kYes);
  CHECK(item(r, "10").status == AnswerStatus::kUndisclosed);  // 定めておりません
  CHECK(item(r, "22").status == AnswerStatus::kNo);           // 無
  CHECK(item(r, "22").answer == "無");
  CHECK(item(r, "33").status == AnswerStatus::kYes);  // 有
  // Free text: kept, status for the vendor to set.
  CHECK_FALSE(item(r, "5").status);
  CHECK(item(r, "5").answer == "99.9%以上を目標に運用");
  // Shifted one column left (item name in 種別): the answer is still found.
  CHECK(item(r, "18").answer == "原則ログの提出不可。重大な障害発生時に限り応相談。");
  CHECK(item(r, "36").status == AnswerStatus::kYes);
  // Items 42–49: numbers and names drift, the requirement text decides.
  CHECK(item(r, "42").status == AnswerStatus::kYes);
  CHECK(item(r, "42").answer == "TLS1.2以上");
  CHECK(item(r, "42").row == 80);
  CHECK(item(r, "45").row == 62);
  CHECK(item(r, "46").answer == "アクセスログによる追跡のみ可能。保存期間は1年間。");
  CHECK(item(r, "47").answer == "デプロイ時にDockerコンテナイメージの脆弱性スキャンを都度実施");
  CHECK(item(r, "48").answer == "二次記憶媒体を利用していない。");
  CHECK(item(r, "49").answer == "日本以外に保存していない。");
  // The sheet's 記入日 is the review date.
  CHECK(item(r, "1").reviewed == "2026-03-18");

  // Not in the sheet: 43, 44 — unanswered and reported.
  CHECK(item(r, "43").answer.empty());
  CHECK_FALSE(item(r, "43").status);
  CHECK(item(r, "43").reviewed.empty());
  REQUIRE(r.report.missing.size() == 2);
  CHECK_THAT(r.report.missing[0].message, Catch::StartsWith("item 43 "));
  CHECK_THAT(r.report.missing[1].message, Catch::StartsWith("item 44 "));

  // Unmatched: the other checklist's rows (69–79) and the IPA table (84–109) minus its
  // section rows; never the preamble, the repeated header or the section rows.
  std::vector<int> expected = {69, 70, 71, 72, 73, 74, 75, 77, 78, 79};
  for (int row = 84; row <= 109; ++row) {
    if (row == 91 || row == 95 || row == 101 || row == 107) continue;  // "2. 物理的…"
    expected.push_back(row);
  }
  CHECK(rows(r.report.unmatched) == expected);
  CHECK(rows(r.report.status_unknown) == std::vector<int>{10, 14, 21, 24, 25, 26, 27, 28,
                                                          29, 30, 33, 34, 36, 37, 40, 41,
                                                          42, 43, 59, 60, 64, 65, 66, 68});
  std::set<int> adjusted;
  for (int row : rows(r.report.adjusted)) adjusted.insert(row);
  CHECK(adjusted == std::set<int>{27, 47, 62, 63, 64, 65, 66, 68, 82});
}

TEST_CASE("answer styles of the vendors' sheets map to statuses") {
  struct Case {
    const char* cell;
    std::optional<AnswerStatus> status;
    const char* text;
  };
  const Case cases[] = {
      {"〇☓ 〇 利用規約に記載", AnswerStatus::kYes, "利用規約に記載"},  // vendor A
      {"〇", AnswerStatus::kYes, "〇"},
      {"◯", AnswerStatus::kYes, "◯"},  // vendor B
      {"✕", AnswerStatus::kNo, "✕"},
      {"○", AnswerStatus::kYes, "○"},  // vendor C's IPA table
      {"×", AnswerStatus::kNo, "×"},
      {"【有】 7日前までにメールにて通知", AnswerStatus::kYes, "7日前までにメールにて通知"},
      {"【無】 預託は実施しません。", AnswerStatus::kNo, "預託は実施しません。"},
      {"有 ベストエフォート型で対応。", AnswerStatus::kYes, "ベストエフォート型で対応。"},
      {"無 httpsのみ使用。", AnswerStatus::kNo, "httpsのみ使用。"},
      {"可 メールアドレス単位で招待が可能。", AnswerStatus::kYes,
       "メールアドレス単位で招待が可能。"},
      {"不可 承認を挟めない。", AnswerStatus::kNo, "承認を挟めない。"},
      {"対応", AnswerStatus::kYes, "対応"},
      {"一部対応：管理画面のみ", AnswerStatus::kPartial, "管理画面のみ"},
      {"対象外 パスワードでのログイン機能なし", AnswerStatus::kNotApplicable,
       "パスワードでのログイン機能なし"},
      {"非公開", AnswerStatus::kUndisclosed, "非公開"},
      {"定めておりません", AnswerStatus::kUndisclosed, "定めておりません"},
      {"対応予定（2026年度）", AnswerStatus::kPlanned, "（2026年度）"},
      {"検討中", AnswerStatus::kPlanned, "検討中"},
      {"無線LANは使用していません", std::nullopt, "無線LANは使用していません"},
      {"可能な限り迅速に通知", std::nullopt, "可能な限り迅速に通知"},
      {"99.9%以上", std::nullopt, "99.9%以上"},
      {"Yes", AnswerStatus::kYes, "Yes"},
  };
  for (const Case& c : cases) {
    INFO(c.cell);
    AnswerReading reading = read_answer(c.cell);
    CHECK(reading.status == c.status);
    CHECK(reading.text == c.text);
  }
}

TEST_CASE("a Shift_JIS (CP932) CSV from Japanese Excel, detected without a flag") {
  ChecklistTemplate t = meti();
  std::string csv =
      "No.,サービスレベル項目(例),規定内容,回答,実施内容・備考\r\n"
      "1,サービス時間,サービスを提供する時間帯,〇,\"24時間365日\r\n（計画停止を除く）\"\r\n"
      "2,計画停止予定通知,定期的な保守停止に関する事前連絡確認,×,\r\n"
      "33,データ保護のための暗号化要件,暗号化要件の有無,有 AES-256,①保存時 ②通信時\r\n";
  std::string bytes = to_cp932(csv);
  REQUIRE(bytes != csv);
  ImportResult r = import_bytes(bytes, "sjis.csv", &t);
  CHECK(item(r, "1").status == AnswerStatus::kYes);
  CHECK(item(r, "1").remarks == "24時間365日\n（計画停止を除く）");
  CHECK(item(r, "2").status == AnswerStatus::kNo);
  CHECK(item(r, "33").answer == "AES-256");
  CHECK(item(r, "33").remarks == "①保存時 ②通信時");  // NFKC is for matching only
  CHECK(r.report.unmatched.empty());

  Result<Sheet> forced = read_sheet(bytes, "sjis.csv", Encoding::kUtf8);
  REQUIRE_FALSE(forced.ok());
  CHECK(forced.status().where().line == 1);
  CHECK_THAT(forced.status().message(), Catch::Contains("--encoding cp932"));
}

TEST_CASE("an XLSX written by libxlsxwriter: shared strings, markup, Kangxi radicals") {
  fs::path dir = unique_temp_dir("import-xlsx");
  fs::path file = dir / "sheet.xlsx";
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "回答");
  const char* rows[][5] = {
      {"クラウドサービスレベルのチェックリスト", "", "", "", ""},
      {"No.", "サービスレベル項目(例)", "規定内容", "設定・回答・設定等・対応可否",
       "実施内容・備考"},
      {"1", "サービス時間", "サービスを提供する時間帯", "〇", "平日<br>9時〜18時"},
      // PDF copy-paste: ⽌ (U+2F4C KANGXI RADICAL STOP) instead of 止.
      {"2", "計画停⽌予定通知", "定期的な保守停⽌に関する事前連絡確認", "<b>有</b> 7日前に通知",
       ""},
      {"", "サポート", "", "", ""},
      {"26", "サービス提供時間帯(障害対応)", "", "非公開", ""},
  };
  for (int r = 0; r < 6; ++r) {
    for (int c = 0; c < 5; ++c) {
      if (*rows[r][c]) worksheet_write_string(ws, r, c, rows[r][c], nullptr);
    }
  }
  worksheet_write_number(ws, 6, 0, 5, nullptr);  // a number cell, as Excel stores No.
  worksheet_write_string(ws, 6, 1, "サービス稼働率", nullptr);
  worksheet_write_string(ws, 6, 3, "99.9%", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  ChecklistTemplate t = meti();
  Result<Sheet> sheet = read_sheet(slurp(file), file.string());
  REQUIRE(sheet.ok());
  CHECK(sheet->sheet_name == "回答");
  ImportOptions options;
  options.today = "2026-05-01";
  Result<ImportResult> r = import_sheet(*sheet, &t, options);
  REQUIRE(r.ok());
  CHECK(item(*r, "1").status == AnswerStatus::kYes);
  CHECK(item(*r, "1").remarks == "平日\n9時〜18時");
  CHECK(item(*r, "1").row == 3);
  CHECK(item(*r, "2").status == AnswerStatus::kYes);
  CHECK(item(*r, "2").answer == "7日前に通知");
  CHECK(item(*r, "26").status == AnswerStatus::kUndisclosed);
  CHECK(item(*r, "5").answer == "99.9%");
  CHECK(item(*r, "5").row == 7);
  CHECK(item(*r, "5").reviewed == "2026-05-01");
  CHECK(r->report.unmatched.empty());
  fs::remove_all(dir);
}

TEST_CASE("broken files: a clear error naming the file") {
  SECTION("a truncated XLSX") {
    Content demo;
    Checklist c;
    c.id = "x";
    c.title = "x";
    Result<std::string> xlsx = export_xlsx(c, ExportContext{});
    REQUIRE(xlsx.ok());
    Result<Sheet> sheet = read_sheet(xlsx->substr(0, xlsx->size() / 2), "cut.xlsx");
    REQUIRE_FALSE(sheet.ok());
    CHECK(sheet.status().where().file == "cut.xlsx");
    CHECK_THAT(sheet.status().message(), Catch::Contains("truncated"));
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
    Result<Sheet> sheet = read_sheet(garbage, "garbage.csv");
    REQUIRE_FALSE(sheet.ok());
    CHECK_THAT(sheet.status().message(), Catch::Contains("not a CSV, TSV or XLSX"));
  }
  SECTION("an unterminated quote, at the line it opens") {
    Result<Sheet> sheet =
        read_sheet("No.,項目,回答\n1,サービス時間,\"24時間\n2,計画停止予定通知,有\n", "q.csv");
    REQUIRE_FALSE(sheet.ok());
    CHECK(sheet.status().where().line == 2);
    CHECK_THAT(sheet.status().message(), Catch::Contains("never closed"));
  }
  SECTION("a 50 MB file") {
    std::string big(50 * 1024 * 1024, 'a');
    Result<Sheet> sheet = read_sheet(big, "big.csv");
    REQUIRE_FALSE(sheet.ok());
    CHECK_THAT(sheet.status().message(), Catch::Contains("50 MB"));
  }
  SECTION("no header row: with a template the columns are found by their content") {
    Result<Sheet> sheet = read_sheet("1,サービス時間,有\n2,計画停止予定通知,無\n", "h.csv");
    REQUIRE(sheet.ok());
    ChecklistTemplate t = meti();
    Result<ImportResult> r = import_sheet(*sheet, &t, ImportOptions{});
    REQUIRE(r.ok());
    CHECK(item(*r, "1").status == AnswerStatus::kYes);
    CHECK(item(*r, "2").status == AnswerStatus::kNo);
    // Without a template nothing anchors the columns: the error says how to name them.
    Result<ImportResult> bare = import_sheet(*sheet, nullptr, ImportOptions{});
    REQUIRE_FALSE(bare.ok());
    CHECK_THAT(bare.status().message(), Catch::Contains("--columns"));
    ImportOptions by_hand;
    by_hand.columns = *parse_column_map("no=A,item=B,answer=C");
    Result<ImportResult> mapped = import_sheet(*sheet, &t, by_hand);
    REQUIRE(mapped.ok());
    CHECK(item(*mapped, "2").status == AnswerStatus::kNo);
  }
}

TEST_CASE("round trip: an exported checklist imports back to the same items") {
  auto source = open_worktree(kRepo / "content");
  REQUIRE(source.ok());
  Diagnostics loaded;
  Content demo = load_content(**source, LoadOptions{}, loaded);
  REQUIRE_FALSE(loaded.has_errors());

  for (const std::string format : {"csv", "xlsx"}) {
    for (const Checklist& original : demo.checklists) {
      INFO(format << " " << original.id);
      ExportContext context;
      context.site = &demo.site;
      std::string bytes = format == "csv" ? export_csv(original) : *export_xlsx(original, context);
      fs::path dir = unique_temp_dir("roundtrip");
      fs::copy(kRepo / "content", dir / "content", fs::copy_options::recursive);
      fs::remove_all(dir / "content/checklists" / original.id);

      Result<Sheet> sheet = read_sheet(bytes, original.id + "." + format);
      REQUIRE(sheet.ok());
      ImportOptions options;
      options.checklist_id = original.id;
      Result<ImportResult> imported = import_sheet(*sheet, nullptr, options);
      REQUIRE(imported.ok());
      CHECK(imported->report.unmatched.empty());
      CHECK(imported->report.status_unknown.empty());
      imported->checklist.title = original.title;
      auto files = plan_checklist_files(*imported, dir / "content", original.id, false);
      REQUIRE(files.ok());
      REQUIRE(write_planned_files(*files, dir / "content").ok());

      auto again_source = open_worktree(dir / "content");
      REQUIRE(again_source.ok());
      Diagnostics diagnostics;
      Content again = load_content(**again_source, LoadOptions{}, diagnostics);
      std::string first_problem =
          diagnostics.list().empty() ? "" : diagnostics.list()[0].to_string();
      INFO(first_problem);
      REQUIRE_FALSE(diagnostics.has_errors());
      const Checklist* back = nullptr;
      for (const Checklist& c : again.checklists)
        if (c.id == original.id) back = &c;
      REQUIRE(back);
      REQUIRE(back->sections.size() == original.sections.size());
      for (size_t s = 0; s < original.sections.size(); ++s) {
        const Section& a = original.sections[s];
        const Section& b = back->sections[s];
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        REQUIRE(a.items.size() == b.items.size());
        for (size_t i = 0; i < a.items.size(); ++i) {
          const Item& x = a.items[i];
          const Item& y = b.items[i];
          INFO(x.id);
          CHECK(x.id == y.id);
          CHECK(x.path == y.path);
          CHECK(x.no == y.no);
          CHECK(x.category == y.category);
          CHECK(x.item == y.item);
          CHECK(x.requirement == y.requirement);
          CHECK(x.unit == y.unit);
          CHECK(x.status == y.status);
          CHECK(x.answer == y.answer);
          CHECK(x.evidence == y.evidence);
          CHECK(x.reviewed == y.reviewed);
          auto trimmed = [](std::string t) {
            while (!t.empty() && t.back() == '\n') t.pop_back();
            return t;
          };
          CHECK(trimmed(x.remarks) == trimmed(y.remarks));
        }
      }
      fs::remove_all(dir);
    }
  }
}

TEST_CASE("re-importing keeps ids and files, and refuses without --force") {
  fs::path dir = unique_temp_dir("reimport");
  ChecklistTemplate t = meti();
  ImportResult r = import_bytes(slurp(kRepo / "tests/fixtures/import/vendor-c-checklist.tsv"),
                                "vendor-c.tsv", &t);
  auto first = plan_checklist_files(r, dir, "meti", false);
  REQUIRE(first.ok());
  REQUIRE(write_planned_files(*first, dir).ok());
  // The vendor renames a file and changes its id; a re-import must follow, not duplicate.
  fs::rename(dir / "checklists/meti/application-operations/01-service-hours.md",
             dir / "checklists/meti/application-operations/01-hours.md");
  // The same sheet again changes nothing: no file to replace, so no --force needed.
  auto same = plan_checklist_files(r, dir, "meti", false);
  REQUIRE(same.ok());
  for (const PlannedFile& f : *same) CHECK(f.unchanged);
  // The sheet now says something else for item 2: that replacement needs --force.
  for (ImportedItem& i : r.items)
    if (i.meta.no == "2") i.answer = "3日前までにメールにて通知";
  auto refused = plan_checklist_files(r, dir, "meti", false);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Catch::Contains("--force"));
  CHECK_THAT(refused.status().message(), Catch::Contains("exist already"));
  auto forced = plan_checklist_files(r, dir, "meti", true);
  REQUIRE(forced.ok());
  bool renamed = false;
  for (const PlannedFile& f : *forced) {
    CHECK(f.path != "checklists/meti/application-operations/01-service-hours.md");
    renamed = renamed || f.path == "checklists/meti/application-operations/01-hours.md";
  }
  CHECK(renamed);
  fs::remove_all(dir);
}
