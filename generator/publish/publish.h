// The pipeline, top to bottom: source -> content -> history -> site -> render -> bundle ->
// sign -> output.
// The CLI (build, check, serve) is a thin shell over these three calls.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "bundle/bundle.h"
#include "common/status.h"
#include "content/model.h"
#include "history/history.h"
#include "source/source.h"

namespace trustpage {

// `build --sign`: where the key comes from and how the release chain continues.
struct SigningOptions {
  bool sign = false;
  std::optional<std::filesystem::path> key_file;  // --key
  std::string key_env = "TRUSTPAGE_SIGNING_KEY";  // else the PEM in this variable
  std::string passphrase_env = "TRUSTPAGE_KEY_PASSPHRASE";
  std::optional<std::filesystem::path> rotate_from;  // --rotate-from: the old key's file
  // --previous: the deployed site (URL, "base_url" for site.yaml's, or a folder); else the
  // output folder.
  std::optional<std::string> previous;
  bool first_release = false;  // --first-release: start a new chain
  int expiry_days = 180;
};

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::filesystem::path out_dir = "public";
  bool worktree = false;                           // read the files on disk instead of a commit
  std::string rev = "HEAD";                        // the commit to publish when !worktree
  std::optional<std::filesystem::path> theme_dir;  // --theme
  std::optional<int> stale_after_months;           // --stale-after
  bool preview = false;                            // serve: live reload, "preview" banner
  SigningOptions signing;
  // The history stage: item timelines from git.
  bool history = true;                             // false: pages show no history (check)
  bool allow_shallow = false;                      // --allow-shallow
  std::optional<std::filesystem::path> history_cache;  // --history-cache DIR
  bool use_history_cache = true;                   // --no-history-cache
  bool html_only = false;  // --html-only: the site's pages only, no PDF, CSV/XLSX/JSON
};

// What a signed build published, for the summary line.
struct SignedRelease {
  int sequence = 0;
  int extends = 0;           // the release it continues; 0 when it starts a chain
  bool republished = false;  // the deployed release's commit again: the same release
  std::string origin;        // where the previous release was read
  std::string expires;
  std::string fingerprint;
  std::string rotated_from;  // the old key, when this release rotates
};

struct BuildResult {
  Diagnostics diagnostics;  // errors and warnings, each naming file:line:col
  Provenance provenance;
  Bundle bundle;  // complete only when !diagnostics.has_errors()
  std::optional<SignedRelease> release;
};

// Reads, validates and renders the site into memory, or with `stream` each file into it as
// it is rendered (BuildResult::bundle then keeps only their digests).
BuildResult build_bundle(const BuildOptions& options, FileStore* stream = nullptr);

// build_bundle streaming into a staging folder beside options.out_dir, which replaces it in
// one step only if there were no errors: memory does not grow with the site.
BuildResult publish(const BuildOptions& options);

// Validates the working tree: everything `build --worktree` checks, without writing.
Diagnostics check(const BuildOptions& options);

// The content as build reads it (the commit at options.rev, or the work tree with
// options.worktree), validated the same way, for commands that use the answers without
// publishing them (`trustpage answer`). `content` is meaningful only without errors.
struct LoadedContent {
  Diagnostics diagnostics;
  Content content;
  Provenance provenance;
};
LoadedContent load_published_content(const BuildOptions& options);

// `trustpage history`: the mined history of the content at options.rev (or the work tree),
// with each current item's "No. title" and path for display.
struct HistoryQuery {
  Diagnostics diagnostics;
  std::optional<History> history;
  std::map<std::string, std::pair<std::string, std::string>> items;  // id -> (title, path)
};
HistoryQuery query_history(const BuildOptions& options);

// themes/ beside the content folder, where a theme override lives.
std::filesystem::path themes_folder(const std::filesystem::path& content_dir);

}  // namespace trustpage
