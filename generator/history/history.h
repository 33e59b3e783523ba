// The history stage: every item's timeline of revisions, mined from the content repository's
// git history with libgit2. Items are followed by their stable `id`, so renaming a file or
// moving it to another section keeps its history; an item deleted and re-added shows both.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "source/source.h"

namespace trustpage {

// Whether a commit is signed, and what checking the signature against the repository's
// keys/allowed_signers found. Only kVerified means "signed by a known key".
enum class SignatureState {
  kUnsigned,
  kVerified,     // SSH signature, valid, key listed in allowed_signers for namespace "git"
  kUnknownKey,   // SSH signature, valid, but the key is not in allowed_signers
  kBad,          // SSH signature that does not verify (or is malformed)
  kUnsupported,  // signed, but not in a form checked here (GPG, X.509, a non-Ed25519 key)
};
std::string_view to_string(SignatureState state);

struct CommitInfo {
  std::string id;  // 40 hex digits
  std::string author;
  std::string author_email;
  std::int64_t time = 0;   // author time, seconds since the epoch
  int offset_minutes = 0;  // the author's timezone offset
  std::string summary;     // first line of the message
  std::string message;     // the whole message, trailing newline trimmed
  SignatureState signature = SignatureState::kUnsigned;
  std::string signer;  // principal(s) from allowed_signers when verified; else a key fingerprint
  std::string signature_note;  // why it is not verified, for kBad / kUnsupported
};

// One field of an item before and after a revision. Empty text means "not set".
struct FieldChange {
  std::string field;  // "status", "answer", "remarks", "section", …
  std::string before;
  std::string after;
};

enum class ChangeKind { kAdded, kChanged, kRemoved };
std::string_view to_string(ChangeKind kind);

// What one commit did to one item.
struct ItemChange {
  std::string item_id;
  ChangeKind kind = ChangeKind::kChanged;
  std::string checklist;  // folder under checklists/ after the change (before, if removed)
  std::string path;       // content path after the change (before, if removed)
  std::vector<FieldChange> fields;  // in kItemFields order; for kAdded every set field
};

// A commit that changed at least one item, with what it changed.
struct ChangeSet {
  CommitInfo commit;
  std::vector<ItemChange> changes;  // ordered by item id
};

// What a revision's field holds when its bytes could not be published as they are: an item
// saved in another encoding, or a value over 64 KiB (the limit for current content too).
extern const std::string kUnreadableNotUtf8;   // "this revision could not be read (not UTF-8)"
extern const std::string kUnreadableTooLarge;  // "… (over 64 KiB)"
bool is_unreadable(std::string_view value);

// Something in an old commit that the history shows other than as committed. The build
// goes on: history never makes it fail.
struct HistoryWarning {
  std::string commit;   // 40 hex digits
  std::string path;     // content path of the item file; empty for the commit itself
  std::string message;  // what was found and what the pages show instead
};

struct History {
  enum class Kind {
    kNone,       // the content is not in a git repository: no history to show
    kComplete,   // every commit back to the first
    kTruncated,  // a shallow clone, built with --allow-shallow: older commits are missing
  };
  Kind kind = Kind::kNone;
  // Commits that changed items, oldest first (parents before children; ties by date, id).
  std::vector<ChangeSet> change_sets;
  // Uncommitted edits in a --worktree build or `serve`: the working tree against HEAD.
  std::vector<ItemChange> unpublished;
  // For kTruncated: the oldest commit present and its date, where the history starts.
  std::string truncated_at;
  std::int64_t truncated_time = 0;
  // Revisions and commit messages shown other than as committed, oldest first.
  std::vector<HistoryWarning> warnings;

  struct Revision {
    const ChangeSet* change_set;  // nullptr for an unpublished change
    const ItemChange* change;
  };
  // An item's revisions, oldest first, unpublished last.
  std::vector<Revision> timeline(const std::string& item_id) const;
  // The last commit that changed the item, if any.
  const CommitInfo* last_changed(const std::string& item_id) const;

  // Indexes the revisions by item, so timeline() does not scan every change set (a site
  // asks once per item). Call again after changing change_sets or unpublished.
  void build_index();

 private:
  // item id -> (change set or npos for unpublished, change) in timeline order.
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> index_;
};

struct HistoryOptions {
  // Where the content is: Provenance::repo_root / content_prefix / commit of the build.
  Provenance provenance;
  bool allow_shallow = false;  // --allow-shallow
  // Where the cache lives; empty: <git dir>/trustpage/. The cache is keyed by commit, checked
  // by a digest, and safe to delete.
  std::filesystem::path cache_dir;
  bool use_cache = true;
  // keys/allowed_signers (OpenSSH format) as of the published commit; empty when absent.
  std::string allowed_signers;
};

// Statistics of one run, for --verbose and the benchmark.
struct HistoryStats {
  std::size_t commits = 0;         // commits walked
  std::size_t commits_diffed = 0;  // commits whose trees were compared (cache misses)
  std::size_t blobs_parsed = 0;    // item files parsed
  bool cache_loaded = false;
  std::string cache_note;  // why the cache was not used, when it was not
};

// Walks the history of options.provenance.commit. A shallow clone is an error (saying how to
// fetch the full history) unless allow_shallow. Content outside git gives Kind::kNone.
Result<History> mine_history(const HistoryOptions& options, HistoryStats* stats = nullptr);

// The fields compared, in the order they are shown.
extern const std::vector<std::string> kItemFields;

}  // namespace trustpage
