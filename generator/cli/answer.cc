// `trustpage answer SHEET --out FILLED`: a customer's questionnaire filled from the content
// as committed (the same source and loader as build), each answer citing its item.
#include "answer/answer.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "cli/commands.h"
#include "common/atomic_file.h"
#include "common/local_time.h"
#include "sign/release.h"

namespace trustpage {
namespace fs = std::filesystem;
namespace {

Result<std::string> read_questionnaire(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::Error(Location{path.string()}, "no such file");
  if (fs::file_size(path, ec) > kMaxSheetBytes) {
    return Status::Error(Location{path.string()},
                         "the file is larger than a questionnaire can be (" +
                             std::to_string(kMaxSheetBytes / (1024 * 1024)) + " MB)");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Error(Location{path.string()}, "cannot read this file");
  return bytes.str();
}

// What every answer cites: the signed release of the published site (`--published DIR`)
// when it was built from the commit answered from, else that commit and its date.
std::string release_of(const Provenance& p, const std::optional<fs::path>& published) {
  if (p.commit.empty()) return "";
  std::string commit = "commit " + p.commit.substr(0, 12) + ", " +
                       format_local_time(p.time, p.offset_minutes, "%Y-%m-%d");
  if (!published) return commit;
  fs::path file = *published / std::string(kReleasePath);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Result<ReleaseRecord> record = ReleaseRecord::parse(bytes.str(), file.string());
  if (!in || !record.ok()) {
    std::cerr << "note: " << file.string() << ": "
              << (in ? record.status().message() : std::string("cannot read it"))
              << " — the answers cite the commit instead\n";
    return commit;
  }
  if (record->commit != p.commit) {
    std::cerr << "note: " << file.string() << " is release " << record->sequence << " of commit "
              << record->commit.substr(0, 12) << ", not of the commit answered from ("
              << p.commit.substr(0, 12) << ") — the answers cite the commit instead\n";
    return commit;
  }
  return "release " + std::to_string(record->sequence) + " (" + record->date.substr(0, 10) + ")";
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec)) return true;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

int run_answer(const AnswerCommand& command) {
  auto fail = [](const Status& status) {
    std::cerr << status.as_diagnostic().to_string() << '\n';
    return 1;
  };
  if (same_file(command.file, command.out) ||
      (command.report &&
       (same_file(*command.report, command.file) || same_file(*command.report, command.out)))) {
    return fail(Status::Error(Location{command.out.string()},
                              "--out (and --report) must not be the questionnaire itself: the "
                              "customer's file stays as they made it — write the filled copy "
                              "under another name, e.g. --out filled.xlsx"));
  }
  Result<std::string> bytes = read_questionnaire(command.file);
  if (!bytes.ok()) return fail(bytes.status());

  BuildOptions build;
  build.content_dir = command.content_dir;
  build.rev = command.rev;
  LoadedContent loaded = load_published_content(build);
  if (report(loaded.diagnostics, true) > 0) {
    std::cerr << "answer: the content at " << command.rev << " does not load; nothing was "
              << "written\n";
    return 1;
  }

  AnswerOptions options;
  options.min_score = command.min_score;
  options.overwrite = command.overwrite;
  options.worksheet = command.sheet;
  options.release = release_of(loaded.provenance, command.published);
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(*bytes, command.file.string(), loaded.content, options);
  if (!filled.ok()) return fail(filled.status());

  if (Status s = write_file_atomically(command.out, filled->bytes); !s.ok()) return fail(s);
  if (command.report) {
    std::string markdown = report_markdown(*filled, command.file.string(), options);
    if (Status s = write_file_atomically(*command.report, markdown); !s.ok()) return fail(s);
  }
  std::cout << report_text(*filled, command.file.string(), options);
  std::cout << "wrote " << command.out.string()
            << (command.report ? " and " + command.report->string() : "") << '\n';
  return 0;
}

CLI::App* add_answer_command(CLI::App& app, AnswerCommand& command) {
  char min_score[16];
  std::snprintf(min_score, sizeof min_score, "%.2f", kDefaultMinScore);
  command.min_score = kDefaultMinScore;
  CLI::App* cmd = app.add_subcommand(
      "answer",
      "Fill a customer's own security questionnaire (their XLSX, CSV or TSV, their layout and "
      "wording) from the published answers. Each question is matched to the items of every "
      "checklist; a confident match writes the item's answer — as one of the sheet's choices "
      "when the answer column has a dropdown or names them (はい/いいえ/該当なし, ○/×, 有/無 …) — "
      "and cites the item (its id, the URL of its page, the commit) in the remarks column. "
      "Every other question is left empty and listed with its best candidates. Only the "
      "filled cells change: styles, merged cells, dropdowns, other sheets and comments are "
      "copied as they are; a CSV keeps its encoding, BOM and line ends.");
  cmd->footer(std::string("Examples:\n"
                          "  trustpage answer their-sheet.xlsx --out filled.xlsx\n"
                          "  trustpage answer their-sheet.xlsx --out filled.xlsx --report "
                          "answers.md\n"
                          "      and the per-row report as Markdown, to check before sending\n"
                          "  trustpage answer sheet.csv --out filled.csv --rev v2026.11\n"
                          "      answers as of a tag; a Shift_JIS CSV is written back in "
                          "Shift_JIS\n"
                          "  trustpage answer their-sheet.xlsx --out filled.xlsx --min-score "
                          "0.5\n"
                          "      fill only close matches; more rows are left for you\n\n"
                          "Scores run from 0 (no word in common) to 1 (the same words). At "
                          "the default ") +
              min_score +
              " a question shares most of its distinctive words with an item's name, "
              "requirement or answer; lower it to fill more rows (and check more), raise it "
              "to fill fewer. Exit status: 0 the copy was written (unanswered rows "
              "included), 1 an error (nothing written), 2 wrong usage.");
  cmd->add_option("file", command.file, "the customer's questionnaire: .xlsx, .csv or .tsv")
      ->required();
  cmd->add_option("--out", command.out,
                  "where to write the filled copy (never the questionnaire itself); written "
                  "whole or not at all")
      ->required();
  cmd->add_option("--content", command.content_dir, "content folder")->capture_default_str();
  cmd->add_option("--rev", command.rev,
                  "the commit, branch or tag whose answers to use (as committed, like build)")
      ->capture_default_str();
  cmd->add_option("--report", command.report,
                  "also write the report (every row: filled, unsure, unanswered) as Markdown");
  cmd->add_option("--min-score", command.min_score,
                  std::string("the score a match needs to be written, 0 to 1 (default ") +
                      min_score + "); a question below it is left empty and listed")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--overwrite", command.overwrite,
                "replace text the answer and remarks columns hold already (sample answers, an "
                "earlier fill); without it such a sheet is refused");
  cmd->add_option("--published", command.published,
                  "the published site's folder (public/): when its release.json is of the "
                  "commit answered from, answers cite \"release N (DATE)\" instead of the "
                  "commit (run `trustpage verify` on it first: it is not verified here)");
  cmd->add_option("--sheet", command.sheet,
                  "the XLSX worksheet to fill (default: the first with a question table)");
  return cmd;
}

}  // namespace trustpage
