// trustpage: a thin command line over the publish pipeline (see publish/publish.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <new>
#include <string>

#include "cli/commands.h"
#include "common/printable.h"
#include "common/stage.h"

namespace {

// The libraries return errors as values; what arrives here is a bug (or memory ran out), so
// the message says where, and that it is ours to fix, not the vendor's content. A library's
// own text is no help to a vendor: it is quoted, escaped, for the report only.
void report_internal_error(const std::string& detail) {
  std::string stage = trustpage::current_stage();
  std::cerr << "error: trustpage stopped in its " << (stage.empty() ? "command line" : stage)
            << " stage with an internal error (" << detail
            << "). This is a bug in trustpage, not in your content: please report it with the "
               "command you ran and this message.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace trustpage;
  CLI::App app{
      "trustpage — publish security check-sheet answers from a git-versioned content/ folder as "
      "a static trust-center site.\n\n"
      "  trustpage check                 validate content/ (file:line:col for every problem)\n"
      "  trustpage build                 publish HEAD's content/ into public/\n"
      "  trustpage build --worktree      publish uncommitted edits too\n"
      "  trustpage serve                 preview on http://127.0.0.1:8080/ with live reload\n"
      "  trustpage keygen --name acme    create the publishing key\n"
      "  trustpage build --sign --key K --previous base_url   sign the next release\n"
      "  trustpage verify public --fingerprint SHA256:…      check a published site\n"
      "  trustpage verify sheet.pdf --site https://trust.example.com/ --fingerprint SHA256:…\n"
      "  trustpage history meti-05-backup   one item's changes, from git history\n"
      "  trustpage init acme-trust       start a content repository (METI checklist)\n"
      "  trustpage import sheet.xlsx --checklist meti      your existing sheet into content/\n"
      "  trustpage answer their-sheet.xlsx --out filled.xlsx   fill a customer's questionnaire\n",
      "trustpage"};
  app.set_version_flag("--version", std::string("trustpage ") + kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 success, 1 the content or the output has a problem (see the messages), "
      "2 wrong usage.\nRun `trustpage COMMAND --help` for a command's options.");

  BuildCommand build;
  CLI::App* build_cmd = app.add_subcommand(
      "build", "Validate and render the site into memory, then replace the output folder at once.");
  build_cmd->add_option("--content", build.options.content_dir, "content folder")
      ->capture_default_str();
  build_cmd->add_option("--out", build.options.out_dir, "output folder, replaced atomically")
      ->capture_default_str();
  auto* rev = build_cmd
                  ->add_option("--rev", build.options.rev,
                               "commit, branch or tag to publish (default HEAD of the repository "
                               "holding the content folder)")
                  ->capture_default_str();
  build_cmd
      ->add_flag("--worktree", build.options.worktree,
                 "publish the files on disk, including uncommitted edits (preview)")
      ->excludes(rev);
  build_cmd->add_option("--theme", build.options.theme_dir,
                        "theme folder overriding the built-in theme (default: themes/<name>/ "
                        "beside the content folder, if present)");
  build_cmd
      ->add_option("--stale-after", build.options.stale_after_months,
                   "warn about answers reviewed more than N months before the commit "
                   "(default: site.yaml stale_after_months, else 12)")
      ->check(CLI::Range(1, 1200));
  build_cmd->add_flag("-q,--quiet", build.quiet, "print errors only (no warnings, no summary)");
  auto* sign_flag = build_cmd->add_flag(
      "--sign", build.options.signing.sign,
      "sign the bundle: SHA256SUMS, release.json, SHA256SUMS.minisig and SHA256SUMS.sig");
  build_cmd
      ->add_option("--key", build.options.signing.key_file,
                   "private key file (mode 0600; default: the PEM in $TRUSTPAGE_SIGNING_KEY; "
                   "passphrase in $TRUSTPAGE_KEY_PASSPHRASE)")
      ->needs(sign_flag);
  build_cmd
      ->add_option("--previous", build.options.signing.previous,
                   "the site deployed now, whose release chain this release continues: its "
                   "URL (https://, or http:// on 127.0.0.1), `base_url` for site.yaml's, or a "
                   "folder (default: --out). Its release is verified with the signing key "
                   "first; only files its signed manifests list are carried forward")
      ->needs(sign_flag);
  build_cmd
      ->add_flag("--first-release", build.options.signing.first_release,
                 "start a new release chain: only for a trust center never published before "
                 "(refused when the previous site holds a release)")
      ->needs(sign_flag);
  build_cmd
      ->add_option("--rotate-from", build.options.signing.rotate_from,
                   "change the publishing key: OLD.key is the private key that signed the "
                   "deployed release; it signs this release too, so customers pinned to it "
                   "follow the change")
      ->needs(sign_flag);
  build_cmd
      ->add_option("--expires-after", build.options.signing.expiry_days,
                   "days until verifiers call this release expired")
      ->capture_default_str()
      ->check(CLI::Range(1, 3660))
      ->needs(sign_flag);
  // History: how the item timelines are mined (build and serve alike).
  auto history_options = [](CLI::App* cmd, BuildOptions& options) {
    cmd->add_flag("--allow-shallow", options.allow_shallow,
                  "publish from a shallow clone; history pages then say the history is "
                  "truncated (better: `git fetch --unshallow`, or a full-depth CI checkout)");
    cmd->add_option("--history-cache", options.history_cache,
                    "folder of the history cache (default: .git/trustpage/; safe to delete)");
    cmd->add_flag("--no-history-cache{false}", options.use_history_cache,
                  "mine the whole history again, without reading or writing the cache");
  };
  history_options(build_cmd, build.options);
  build_cmd->add_flag("--html-only", build.options.html_only,
                      "the site's pages only: no PDF, CSV, XLSX or JSON downloads (quicker "
                      "previews and benchmarks)");

  BuildCommand check;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Validate the content folder as it is on disk; exit 1 on any error.");
  check_cmd->add_option("--content", check.options.content_dir, "content folder")
      ->capture_default_str();
  check_cmd
      ->add_option("--stale-after", check.options.stale_after_months,
                   "warn about answers reviewed more than N months ago")
      ->check(CLI::Range(1, 1200));
  check_cmd->add_flag("--strict", check.strict, "treat warnings as errors");

  ServeCommand serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve",
      "Preview the content folder as it is on disk at http://127.0.0.1:PORT/, rebuilding on "
      "every change and reloading open pages. Writes nothing but the history cache, as build "
      "does (.git/trustpage/history.cache, or --history-cache DIR); with --no-history-cache, "
      "nothing at all.");
  serve_cmd->add_option("--content", serve.build.options.content_dir, "content folder")
      ->capture_default_str();
  serve_cmd->add_option("--theme", serve.build.options.theme_dir,
                        "theme folder (see build --theme)");
  serve_cmd->add_option("--port", serve.port, "port on 127.0.0.1")
      ->capture_default_str()
      ->check(CLI::Range(1, 65535));
  history_options(serve_cmd, serve.build.options);

  KeygenCommand keygen;
  CLI::App* keygen_cmd = app.add_subcommand(
      "keygen",
      "Create the Ed25519 publishing key: the private key outside the repository (mode "
      "0600), the public key in keys/ as PEM, minisign and OpenSSH, plus keys/allowed_signers.");
  keygen_cmd->add_option("--name", keygen.name, "key name (file names, allowed_signers principal)")
      ->capture_default_str();
  keygen_cmd->add_option("--private", keygen.private_path,
                         "where to write the private key (default ~/.config/trustpage/NAME.key); "
                         "encrypted when $TRUSTPAGE_KEY_PASSPHRASE is set");
  keygen_cmd->add_option("--keys", keygen.keys_dir, "folder for the public key files")
      ->capture_default_str();

  VerifyCommand verify;
  CLI::App* verify_cmd = app.add_subcommand(
      "verify",
      "Check a published site, or one downloaded file against it, with the key you received "
      "from the vendor (never the one on the site): both signatures over SHA256SUMS, "
      "release.json, expiry, the chain of archived releases and, for a folder, every file's "
      "hash with nothing missing or added.\n"
      "Exit 0 verified (a file: genuine and current), 1 not verified (a file: superseded or "
      "unknown), 2 could not run.");
  verify_cmd->footer(
      "A trust anchor is required: --key, --fingerprint, or a --state file that recorded one.\n"
      "Examples:\n"
      "  trustpage verify public --fingerprint SHA256:…\n"
      "      a mirrored or built site folder, every file\n"
      "  trustpage verify https://trust.example.com/ --fingerprint SHA256:…\n"
      "      the live site's release files (signatures, release record, chain)\n"
      "  trustpage verify meti-cloud-sla.pdf --site https://trust.example.com/ --state seen.json\n"
      "      one downloaded file: genuine and current, superseded (by which release), or "
      "unknown;\n"
      "      --state remembers the newest release seen and rejects a rollback or a fork\n"
      "  trustpage verify meti-cloud-sla.pdf --bundle release-files/ --key acme.pub.pem\n"
      "      the same against a folder holding the release files (or a mirror)");
  verify_cmd
      ->add_option("target", verify.target,
                   "the site folder or URL, or a downloaded file with --site/--bundle")
      ->capture_default_str();
  auto* site_opt = verify_cmd->add_option(
      "--site", verify.site,
      "the site to check one downloaded file against: its URL or a folder; only the release "
      "files are read (release.json, SHA256SUMS, signatures, archive/)");
  verify_cmd->add_option("--bundle", verify.bundle, "the same as --site, for a folder")
      ->excludes(site_opt);
  auto* key_opt = verify_cmd->add_option(
      "--key", verify.key_file, "the vendor's public key (PEM, minisign .pub or ssh-ed25519 line)");
  verify_cmd
      ->add_option("--fingerprint", verify.fingerprint,
                   "or its fingerprint, SHA256:… as the vendor gave it to you")
      ->excludes(key_opt);
  verify_cmd->add_option("--state", verify.state,
                         "remember the newest release seen (and its key) in FILE; later runs "
                         "need no --key and reject a rollback or a forked chain");

  HistoryCommand history;
  CLI::App* history_cmd = app.add_subcommand(
      "history",
      "Print one item's changes from the git history, newest first: commit, author, date, "
      "message, signature, and each field before -> after (remarks as a line diff).\n\n"
      "  trustpage history meti-05-backup\n"
      "  trustpage history meti-05-backup --rev v2025.04   as of a tag\n"
      "  trustpage history meti-05-backup --worktree       with uncommitted edits");
  history_cmd->add_option("item", history.item_id, "the item's id (the `id:` in its file)")
      ->required();
  history_cmd->add_option("--content", history.build.options.content_dir, "content folder")
      ->capture_default_str();
  auto* history_rev =
      history_cmd->add_option("--rev", history.build.options.rev, "history up to this commit")
          ->capture_default_str();
  history_cmd
      ->add_flag("--worktree", history.build.options.worktree,
                 "also show uncommitted edits of the item")
      ->excludes(history_rev);
  history_options(history_cmd, history.build.options);
  ImportCommand import;
  CLI::App* import_cmd = app.add_subcommand(
      "import",
      "Read an existing check sheet (CSV, TSV or XLSX; UTF-8 or Shift_JIS) into content/: "
      "one item file per row, each answer's status read from its text (〇/有/可 → yes, "
      "✕/無/不可 → no, 対象外 → na, …). Rows that match no item and statuses it could not "
      "tell are listed at the end with their line or row.");
  import_cmd->footer(
      "Examples:\n"
      "  trustpage import checklist.xlsx --checklist meti\n"
      "      match the rows to the built-in METI cloud SLA checklist (49 items)\n"
      "  trustpage import answers.csv --checklist meti --dry-run\n"
      "      show the report and the files, write nothing\n"
      "  trustpage import sheet.csv --checklist acme-sec --template acme.tsv\n"
      "      your own item list (TSV: no, section_id, section, category, item, requirement,\n"
      "      unit, slug)\n"
      "  trustpage import sheet.csv --checklist acme-sec --columns no=A,item=B,answer=D\n"
      "      no template, no header row: say which column is which\n"
      "  trustpage import sheet.csv --checklist meti --unmarked yes && trustpage build\n"
      "      answers without a mark (\"99.9%\", \"7日間\") count as yes: listed to confirm\n"
      "  trustpage import vendor.tsv --checklist meti --extra-checklist vendor-extra\n"
      "      rows beyond the METI items kept as a checklist of their own\n"
      "  trustpage import old.csv --checklist meti --encoding cp932 --force\n"
      "      a Shift_JIS file, replacing items imported before (they keep their ids)\n"
      "Without a template every numbered row becomes an item; an export of this tool "
      "(CSV or XLSX) imports back to the same items.");
  import_cmd->add_option("file", import.file, "the sheet: .csv, .tsv, .txt or .xlsx")->required();
  import_cmd
      ->add_option("--checklist", import.checklist,
                   "checklist id (its folder under content/checklists/); \"meti\" also picks "
                   "the built-in METI template")
      ->required();
  import_cmd->add_option("--template", import.template_file,
                         "TSV of the checklist's items to match rows against");
  import_cmd->add_option("--content", import.content_dir, "content folder")->capture_default_str();
  import_cmd->add_flag("--force", import.force,
                       "replace existing item files (their ids and file names are kept)");
  import_cmd->add_flag("--dry-run", import.dry_run,
                       "print the report, each change to existing files (before → after) and "
                       "the files; write nothing (no --force needed)");
  import_cmd->add_option("--encoding", import.encoding, "auto, utf-8 or cp932 (Shift_JIS)")
      ->capture_default_str();
  import_cmd->add_option("--columns", import.columns,
                         "map columns by hand, e.g. no=A,item=C,requirement=D,answer=E,remarks=F "
                         "(roles: no section category item requirement unit status answer "
                         "remarks evidence reviewed id section_id)");
  import_cmd->add_option("--sheet", import.sheet, "XLSX worksheet to read (default: the first)");
  import_cmd->add_option(
      "--reviewed", import.reviewed,
      "review date for the answers (default: a 記入日 in the sheet, else today)");
  import_cmd->add_option("--title", import.title, "checklist title (default: the template's)");
  import_cmd
      ->add_option("--unmarked", import.unmarked,
                   "give answers without a mark (〇/✕/有/無…) this status, e.g. yes for "
                   "\"99.9%\" or \"24時間365日\", and leave out items the sheet does not "
                   "answer, so the checklist builds as imported; every guess is listed to "
                   "confirm (default: status left empty for you to set)")
      ->check(CLI::IsMember({"yes", "no", "partial", "na", "undisclosed", "planned"}));
  import_cmd->add_option("--extra-checklist", import.extra_checklist,
                         "keep the numbered rows that match no template item as a second "
                         "checklist with this id (its own checklist.yaml, sections from the "
                         "sheet's section rows)");

  AnswerCommand answer;
  CLI::App* answer_cmd = add_answer_command(app, answer);

  InitCommand init;
  CLI::App* init_cmd = app.add_subcommand(
      "init",
      "Create a new content repository in DIR: site.yaml to fill in, a checklist with every "
      "item unanswered (`trustpage check` lists what is left), a sample page, keys/, a "
      ".gitignore that keeps private keys out, and a CI recipe (GitHub Actions or GitLab CI) "
      "that checks, builds, signs each release after the one deployed and publishes it.");
  init_cmd->footer(
      "Examples:\n"
      "  trustpage init acme-trust\n"
      "  trustpage init acme-trust --ci gitlab\n"
      "  trustpage init acme-trust --trustpage-ref v0.2.0\n"
      "  trustpage init acme-trust --checklist acme-sec --template acme.tsv");
  init_cmd->add_option("dir", init.dir, "the new repository's folder")->required();
  init_cmd->add_option("--checklist", init.checklist, "checklist id; \"meti\" is built in")
      ->capture_default_str();
  init_cmd->add_option("--template", init.template_file, "TSV of your own checklist's items");
  init_cmd
      ->add_option_function<std::string>(
          "--ci",
          [&init](const std::string& name) {
            init.ci = name == "gitlab" ? CiService::kGitLab : CiService::kGitHub;
          },
          "github: .github/workflows/trustpage.yml (GitHub Pages); gitlab: .gitlab-ci.yml "
          "(GitLab Pages)")
      ->check(CLI::IsMember({"github", "gitlab"}))
      ->default_str("github");
  init_cmd->add_option("--trustpage-ref", init.trustpage_ref,
                       std::string("the trustpage tag or full commit id CI builds the tool "
                                   "from (default v") +
                           kVersion + ", this version's release tag)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  // The libraries report errors as values; this only catches what no library can (memory
  // exhausted, a broken standard library call) so the exit status stays meaningful.
  try {
    if (build_cmd->parsed()) return run_build(build);
    if (check_cmd->parsed()) return run_check(check);
    if (serve_cmd->parsed()) return run_serve(serve);
    if (keygen_cmd->parsed()) return run_keygen(keygen);
    if (verify_cmd->parsed()) return run_verify(verify);
    if (history_cmd->parsed()) return run_history(history);
    if (import_cmd->parsed()) return run_import(import);
    if (init_cmd->parsed()) return run_init(init);
    if (answer_cmd->parsed()) return run_answer(answer);
  } catch (const std::bad_alloc&) {
    report_internal_error("memory ran out");
    return 1;
  } catch (const std::exception& e) {
    report_internal_error("detail for the report: \"" + printable(e.what()) + "\"");
    return 1;
  } catch (...) {
    report_internal_error("unknown exception");
    return 1;
  }
  return 2;
}
