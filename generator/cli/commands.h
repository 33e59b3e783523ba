#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "import/import.h"
#include "publish/publish.h"

namespace CLI {
class App;
}

namespace trustpage {

extern const char* const kVersion;

struct BuildCommand {
  BuildOptions options;
  bool quiet = false;   // errors only
  bool strict = false;  // check: warnings fail too
};

struct ServeCommand {
  BuildCommand build;
  int port = 8080;
};

struct KeygenCommand {
  std::string name = "trustpage";
  std::optional<std::filesystem::path> private_path;  // default ~/.config/trustpage/NAME.key
  std::filesystem::path keys_dir = "keys";
  std::string passphrase_env = "TRUSTPAGE_KEY_PASSPHRASE";
  bool allow_in_repo = false;
};

struct VerifyCommand {
  std::string target = "public";                // the bundle (folder or URL), or a file
  std::optional<std::string> site;              // --site URL|DIR: `target` is one file
  std::optional<std::filesystem::path> bundle;  // --bundle DIR: the same, for a folder
  std::optional<std::filesystem::path> key_file;
  std::optional<std::string> fingerprint;
  std::optional<std::filesystem::path> state;  // remembers the newest release seen
};

struct HistoryCommand {
  BuildCommand build;
  std::string item_id;
};

int run_history(const HistoryCommand& command);
struct ImportCommand {
  std::filesystem::path file;
  std::string checklist;
  std::optional<std::filesystem::path> template_file;
  std::filesystem::path content_dir = "content";
  bool force = false;
  bool dry_run = false;
  std::string encoding = "auto";
  std::string columns;   // "no=A,item=C,answer=E"
  std::string sheet;     // XLSX worksheet name
  std::string reviewed;  // ISO date for answered items
  std::string title;     // checklist title when there is no template
  std::string unmarked;  // --unmarked STATUS
  std::string extra_checklist;  // --extra-checklist ID: rows beyond the template
};

struct AnswerCommand {
  std::filesystem::path file;  // the customer's questionnaire
  std::filesystem::path content_dir = "content";
  std::string rev = "HEAD";
  std::filesystem::path out;
  std::optional<std::filesystem::path> report;  // --report: the report as Markdown
  std::optional<std::filesystem::path> published;  // --published: release.json's folder
  double min_score = 0;                         // set from kDefaultMinScore in main
  bool overwrite = false;
  std::string sheet;  // XLSX worksheet; "" the first with a question table
};

struct InitCommand {
  std::filesystem::path dir;
  std::string checklist = "meti";
  std::optional<std::filesystem::path> template_file;
  CiService ci = CiService::kGitHub;
  std::string trustpage_ref;  // empty: this trustpage's release tag, v<kVersion>
};

int run_build(const BuildCommand& command);
int run_import(const ImportCommand& command);
int run_init(const InitCommand& command);
int run_answer(const AnswerCommand& command);
// The `answer` subcommand with its help and options, filling `command` when parsed.
CLI::App* add_answer_command(CLI::App& app, AnswerCommand& command);
int run_keygen(const KeygenCommand& command);
int run_verify(const VerifyCommand& command);
int run_check(const BuildCommand& command);
int run_serve(const ServeCommand& command);

// Prints diagnostics (or only the errors) to stderr; returns the number of errors.
size_t report(const Diagnostics& diagnostics, bool errors_only = false);

}  // namespace trustpage
