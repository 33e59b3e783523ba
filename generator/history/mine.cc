// Walking the commit graph and comparing trees item by item.
//
// Speed comes from three choices: trees are compared entry by entry and a subtree is entered
// only when its id differs (git_diff_tree_to_tree would expand unchanged subtrees); a blob is
// parsed once, whatever number of commits hold it; and what each commit changed is kept in an
// on-disk cache keyed by commit id, so a rebuild after one new commit compares one commit.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "common/stage.h"
#include "history/cache.h"
#include "history/history.h"
#include "history/item_fields.h"
#include "history/readable_text.h"
#include "sign/allowed_signers.h"
#include "sign/envelopes.h"
#include "source/git_handles.h"

namespace trustpage {

std::string_view to_string(SignatureState state) {
  switch (state) {
    case SignatureState::kUnsigned:
      return "unsigned";
    case SignatureState::kVerified:
      return "verified";
    case SignatureState::kUnknownKey:
      return "unknown-key";
    case SignatureState::kBad:
      return "bad";
    case SignatureState::kUnsupported:
      return "unverified";
  }
  return "unsigned";
}

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kChanged:
      return "changed";
    case ChangeKind::kRemoved:
      return "removed";
  }
  return "changed";
}

void History::build_index() {
  index_.clear();
  for (std::size_t i = 0; i < change_sets.size(); ++i) {
    for (std::size_t j = 0; j < change_sets[i].changes.size(); ++j)
      index_[change_sets[i].changes[j].item_id].emplace_back(i, j);
  }
  for (std::size_t j = 0; j < unpublished.size(); ++j)
    index_[unpublished[j].item_id].emplace_back(std::string::npos, j);
}

std::vector<History::Revision> History::timeline(const std::string& item_id) const {
  std::vector<Revision> out;
  auto it = index_.find(item_id);
  if (it == index_.end()) return out;
  for (const auto& [set, change] : it->second) {
    if (set == std::string::npos) {
      out.push_back({nullptr, &unpublished[change]});
    } else {
      out.push_back({&change_sets[set], &change_sets[set].changes[change]});
    }
  }
  return out;
}

const CommitInfo* History::last_changed(const std::string& item_id) const {
  auto it = index_.find(item_id);
  if (it == index_.end()) return nullptr;
  for (auto r = it->second.rbegin(); r != it->second.rend(); ++r) {
    if (r->first != std::string::npos) return &change_sets[r->first].commit;
  }
  return nullptr;
}

namespace {

namespace fs = std::filesystem;
using namespace source_detail;
using namespace history_detail;

std::string hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

struct OidHash {
  size_t operator()(const git_oid& oid) const {
    size_t h;
    std::memcpy(&h, oid.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b); }
};

// An item file that differs between two trees: its blob on each side (absent: null id).
struct FileChange {
  std::string path;  // content path, checklists/…
  git_oid before{};
  git_oid after{};
  bool has_before = false, has_after = false;
};

using Snapshot = std::map<std::string, std::pair<std::string, const ItemFields*>>;  // id -> path

// What turned `before` into `after`, item by item (by id).
std::vector<ItemChange> compare(const Snapshot& before, const Snapshot& after) {
  std::vector<ItemChange> out;
  auto field_list = [](const ItemFields* a, const ItemFields* b) {
    std::vector<FieldChange> fields;
    static const std::map<std::string, std::string> kEmpty;
    const auto& va = a ? a->values : kEmpty;
    const auto& vb = b ? b->values : kEmpty;
    for (const std::string& name : kItemFields) {
      auto ia = va.find(name), ib = vb.find(name);
      std::string x = ia == va.end() ? "" : ia->second;
      std::string y = ib == vb.end() ? "" : ib->second;
      if (x != y) fields.push_back({name, std::move(x), std::move(y)});
    }
    return fields;
  };
  std::set<std::string> ids;
  for (const auto& [id, _] : before) ids.insert(id);
  for (const auto& [id, _] : after) ids.insert(id);
  for (const std::string& id : ids) {
    auto b = before.find(id), a = after.find(id);
    ItemChange change;
    change.item_id = id;
    const ItemFields* old_fields = b == before.end() ? nullptr : b->second.second;
    const ItemFields* new_fields = a == after.end() ? nullptr : a->second.second;
    change.fields = field_list(old_fields, new_fields);
    if (old_fields && new_fields) {
      if (change.fields.empty()) continue;  // renamed only, or touched without a change
      change.kind = ChangeKind::kChanged;
    } else {
      change.kind = old_fields ? ChangeKind::kRemoved : ChangeKind::kAdded;
    }
    const auto& where = new_fields ? a->second : b->second;
    change.path = where.first;
    change.checklist = where.second->checklist;
    out.push_back(std::move(change));
  }
  return out;
}

class Miner {
 public:
  Miner(git_repository* repo, std::string prefix, HistoryStats& stats)
      : repo_(repo), prefix_(std::move(prefix)), stats_(stats) {}

  // The id of <prefix>checklists in a commit's tree; false when there is none.
  bool checklists_tree(const git_commit* commit, git_oid& out) {
    const git_oid* root = git_commit_tree_id(commit);
    std::string path = prefix_ + "checklists";
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, root) != 0) return false;
    GitTree tree(raw);
    git_tree_entry* entry_raw = nullptr;
    if (git_tree_entry_bypath(&entry_raw, tree.get(), path.c_str()) != 0) return false;
    GitTreeEntry entry(entry_raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return false;
    git_oid_cpy(&out, git_tree_entry_id(entry.get()));
    return true;
  }

  // Item files that differ between trees `a` and `b` (either may be absent), entering only
  // subtrees whose ids differ. `path` is the content path of both trees.
  void diff(const git_oid* a, const git_oid* b, const std::string& path, int depth,
            std::vector<FileChange>& out) {
    if (a && b && git_oid_equal(a, b)) return;
    GitTree ta = lookup(a), tb = lookup(b);
    auto visit = [&](const git_tree_entry* ea, const git_tree_entry* eb) {
      const char* name = git_tree_entry_name(ea ? ea : eb);
      std::string child = path + "/" + name;
      bool tree_a = ea && git_tree_entry_type(ea) == GIT_OBJECT_TREE;
      bool tree_b = eb && git_tree_entry_type(eb) == GIT_OBJECT_TREE;
      bool blob_a = ea && git_tree_entry_type(ea) == GIT_OBJECT_BLOB;
      bool blob_b = eb && git_tree_entry_type(eb) == GIT_OBJECT_BLOB;
      if (depth < 2 && (tree_a || tree_b)) {
        diff(tree_a ? git_tree_entry_id(ea) : nullptr, tree_b ? git_tree_entry_id(eb) : nullptr,
             child, depth + 1, out);
      }
      if (depth == 2 && (blob_a || blob_b) && is_item_path(child)) {
        if (blob_a && blob_b && git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb))) return;
        FileChange change;
        change.path = child;
        if (blob_a) git_oid_cpy(&change.before, git_tree_entry_id(ea));
        if (blob_b) git_oid_cpy(&change.after, git_tree_entry_id(eb));
        change.has_before = blob_a;
        change.has_after = blob_b;
        out.push_back(std::move(change));
      }
    };
    if (tb) {
      for (size_t i = 0, n = git_tree_entrycount(tb.get()); i < n; ++i) {
        const git_tree_entry* eb = git_tree_entry_byindex(tb.get(), i);
        const git_tree_entry* ea =
            ta ? git_tree_entry_byname(ta.get(), git_tree_entry_name(eb)) : nullptr;
        if (ea && git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)) &&
            git_tree_entry_filemode(ea) == git_tree_entry_filemode(eb))
          continue;
        visit(ea, eb);
      }
    }
    if (ta) {
      for (size_t i = 0, n = git_tree_entrycount(ta.get()); i < n; ++i) {
        const git_tree_entry* ea = git_tree_entry_byindex(ta.get(), i);
        if (tb && git_tree_entry_byname(tb.get(), git_tree_entry_name(ea))) continue;
        visit(ea, nullptr);
      }
    }
  }

  // Every item file of a tree (the whole snapshot), for unpublished changes.
  void list(const git_oid* tree, std::vector<FileChange>& out) {
    diff(nullptr, tree, "checklists", 0, out);
  }

  // The parsed fields of a blob, parsed once per build.
  const ItemFields* fields(const git_oid& oid, const std::string& path) {
    auto key = std::make_pair(std::string(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ),
                              path.substr(0, path.rfind('/')));
    auto it = parsed_.find(key);
    if (it != parsed_.end()) return it->second.get();
    std::unique_ptr<ItemFields> parsed;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_, &oid) == 0) {
      GitBlob blob(raw);
      std::string_view bytes(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                             static_cast<size_t>(git_blob_rawsize(blob.get())));
      if (std::optional<ItemFields> f = read_item_fields(path, bytes)) {
        parsed = std::make_unique<ItemFields>(std::move(*f));
      }
      ++stats_.blobs_parsed;
    }
    const ItemFields* out = parsed.get();
    parsed_.emplace(std::move(key), std::move(parsed));
    return out;
  }

  // The items on one side of `files`, by id.
  Snapshot snapshot(const std::vector<FileChange>& files, bool after) {
    Snapshot out;
    for (const FileChange& f : files) {
      if (!(after ? f.has_after : f.has_before)) continue;
      if (const ItemFields* parsed = fields(after ? f.after : f.before, f.path))
        out.emplace(parsed->id, std::make_pair(f.path, parsed));
    }
    return out;
  }

  // What `files` (between a parent and a commit) did to items, by id.
  std::vector<ItemChange> item_changes(const std::vector<FileChange>& files) {
    return compare(snapshot(files, false), snapshot(files, true));
  }

  // Between commits: forget parsed blobs once there are many. Most are needed only by the
  // next commit (as its parent's); a revert parses again.
  void trim() {
    if (parsed_.size() > 4096) parsed_.clear();
  }

 private:
  GitTree lookup(const git_oid* oid) {
    if (!oid) return GitTree();
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, oid) != 0) return GitTree();
    return GitTree(raw);
  }

  git_repository* repo_;
  std::string prefix_;
  HistoryStats& stats_;
  // (blob id, folder) -> fields; the folder is part of the key because the section is.
  std::map<std::pair<std::string, std::string>, std::unique_ptr<ItemFields>> parsed_;
};

std::string trim_message(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == '\r' || m.back() == ' ')) m.pop_back();
  return m;
}

CommitInfo commit_info(git_repository* repo, const git_commit* commit,
                       const AllowedSigners& signers, std::vector<HistoryWarning>& warnings) {
  CommitInfo info;
  info.id = hex(git_commit_id(commit));
  const git_signature* author = git_commit_author(commit);
  // Git stores whatever bytes the committer's machine used (a Shift_JIS name or message):
  // pages, feeds and JSON get text.
  bool odd_author = false, odd_email = false, odd_message = false;
  info.author = readable_text(author->name ? author->name : "", 256, false, &odd_author);
  info.author_email = readable_text(author->email ? author->email : "", 256, false, &odd_email);
  info.time = author->when.time;
  info.offset_minutes = author->when.offset;
  info.message =
      readable_text(trim_message(git_commit_message(commit)), kMaxValueBytes, true, &odd_message);
  info.summary = info.message.substr(0, info.message.find('\n'));
  if (odd_author || odd_email || odd_message) {
    std::string what = odd_message ? "message is" : "author is";
    if (odd_message && (odd_author || odd_email)) what = "author and message are";
    warnings.push_back({info.id, "",
                        "commit " + info.id.substr(0, 12) + ": its " + what +
                            " not UTF-8 text (or over 64 KiB); the history shows it with "
                            "\xEF\xBF\xBD for each unreadable byte. Nothing to do: only "
                            "this commit's text is affected"});
  }

  GitBuf signature, signed_data;
  git_oid id = *git_commit_id(commit);
  if (git_commit_header_field(&signature.buf, commit, "gpgsig") != 0) {
    git_error_clear();
    return info;  // unsigned: no need to read the raw commit again
  }
  git_buf_dispose(&signature.buf);
  if (git_commit_extract_signature(&signature.buf, &signed_data.buf, repo, &id, nullptr) != 0) {
    git_error_clear();
    return info;  // unsigned
  }
  std::string_view sig(signature.buf.ptr, signature.buf.size);
  std::string_view data(signed_data.buf.ptr, signed_data.buf.size);
  if (!sig.starts_with("-----BEGIN SSH SIGNATURE-----")) {
    info.signature = SignatureState::kUnsupported;
    info.signature_note = sig.starts_with("-----BEGIN PGP SIGNATURE-----")
                              ? "OpenPGP signature, not checked"
                              : "signature of an unknown kind, not checked";
    return info;
  }
  std::string type = sshsig_key_type(sig);
  if (!type.empty() && type != "ssh-ed25519") {
    info.signature = SignatureState::kUnsupported;
    info.signature_note = type + " key, not checked (only ssh-ed25519 is)";
    return info;
  }
  Result<PublicKey> signer = sshsig_verify(data, sig, "git");
  if (!signer.ok()) {
    info.signature = SignatureState::kBad;
    info.signature_note = readable_text(signer.status().message(), 1024, false);
    return info;
  }
  std::string principals = readable_text(signers.principals_for(*signer, "git"), 1024, false);
  if (principals.empty()) {
    info.signature = SignatureState::kUnknownKey;
    info.signer = signer->fingerprint();
  } else {
    info.signature = SignatureState::kVerified;
    info.signer = principals;
  }
  return info;
}

struct WalkedCommit {
  GitCommit commit;
  std::vector<size_t> parents;  // indices into the walk
  bool boundary = false;        // a parent is missing (shallow clone)
};

// Every commit reachable from `tip`, parents before children; among commits ready at the
// same time the older (committer time, then id) goes first, so the order is stable.
Result<std::vector<WalkedCommit>> walk(git_repository* repo, const git_oid& tip) {
  std::vector<WalkedCommit> commits;
  std::unordered_map<git_oid, size_t, OidHash, OidEqual> index;
  std::vector<git_oid> stack{tip};
  GitPtr<git_odb, git_odb_free> odb;
  {
    git_odb* raw = nullptr;
    if (git_repository_odb(&raw, repo) != 0)
      return Status::Error("cannot open the object database: " + last_git_error());
    odb.reset(raw);
  }
  // First pass: discover; parents are linked in a second pass once all are indexed.
  while (!stack.empty()) {
    git_oid oid = stack.back();
    stack.pop_back();
    if (index.count(oid)) continue;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &oid) != 0)
      return Status::Error("cannot read commit " + hex(&oid).substr(0, 7) + ": " +
                           last_git_error());
    index.emplace(oid, commits.size());
    commits.push_back({GitCommit(raw), {}, false});
    const git_commit* c = commits.back().commit.get();
    for (unsigned i = 0, n = git_commit_parentcount(c); i < n; ++i) {
      const git_oid* parent = git_commit_parent_id(c, i);
      if (!git_odb_exists(odb.get(), parent)) {
        commits.back().boundary = true;
        continue;
      }
      if (!index.count(*parent)) stack.push_back(*parent);
    }
  }
  for (WalkedCommit& w : commits) {
    const git_commit* c = w.commit.get();
    for (unsigned i = 0, n = git_commit_parentcount(c); i < n; ++i) {
      auto it = index.find(*git_commit_parent_id(c, i));
      if (it != index.end()) w.parents.push_back(it->second);
    }
  }
  // Kahn's algorithm over parent -> child edges.
  std::vector<std::vector<size_t>> children(commits.size());
  std::vector<size_t> waiting(commits.size());
  for (size_t i = 0; i < commits.size(); ++i) {
    waiting[i] = commits[i].parents.size();
    for (size_t p : commits[i].parents) children[p].push_back(i);
  }
  auto later = [&](size_t a, size_t b) {
    auto ta = git_commit_time(commits[a].commit.get()),
         tb = git_commit_time(commits[b].commit.get());
    if (ta != tb) return ta > tb;
    return git_oid_cmp(git_commit_id(commits[a].commit.get()),
                       git_commit_id(commits[b].commit.get())) > 0;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(later);
  for (size_t i = 0; i < commits.size(); ++i) {
    if (waiting[i] == 0) ready.push(i);
  }
  std::vector<size_t> order;
  order.reserve(commits.size());
  while (!ready.empty()) {
    size_t i = ready.top();
    ready.pop();
    order.push_back(i);
    for (size_t child : children[i]) {
      if (--waiting[child] == 0) ready.push(child);
    }
  }
  std::vector<size_t> position(commits.size());
  for (size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
  std::vector<WalkedCommit> sorted(commits.size());
  for (size_t k = 0; k < order.size(); ++k) {
    sorted[k] = std::move(commits[order[k]]);
    for (size_t& p : sorted[k].parents) p = position[p];
  }
  return sorted;
}

// For a merge, an item changed in the merge itself only if it differs from every parent:
// a change that came from one side was already counted on the commit that made it.
std::vector<ItemChange> merge_changes(std::vector<std::vector<ItemChange>> per_parent) {
  std::vector<ItemChange> out;
  for (ItemChange& change : per_parent.front()) {
    bool everywhere = true;
    for (size_t p = 1; p < per_parent.size() && everywhere; ++p) {
      everywhere = std::any_of(per_parent[p].begin(), per_parent[p].end(),
                               [&](const ItemChange& c) { return c.item_id == change.item_id; });
    }
    if (everywhere) out.push_back(std::move(change));
  }
  return out;
}

// What each commit of `todo` (indices into the walk) changed, against each of its parents.
// The commits are split into contiguous runs (a commit's parent is usually the one before,
// so its blobs are parsed already) compared on as many threads, each with a repository
// handle of its own: libgit2 objects are never shared between threads, and each thread reads
// the trees of its own commits and their parents. Only those commits' trees are read: after
// one new commit, one commit and its parent.
std::vector<std::vector<ItemChange>> compare_commits(
    git_repository* repo, const std::string& repo_root, const std::string& prefix,
    const std::vector<WalkedCommit>& walked, const std::vector<size_t>& todo, HistoryStats& stats) {
  std::vector<std::vector<ItemChange>> out(todo.size());
  auto run = [&](git_repository* handle, size_t begin, size_t end, HistoryStats& counted) {
    Miner miner(handle, prefix, counted);
    // Commit index -> its checklists tree (absent: the commit has none).
    std::unordered_map<size_t, std::optional<git_oid>> trees;
    auto tree_of = [&](size_t i) -> const git_oid* {
      auto it = trees.find(i);
      if (it == trees.end()) {
        git_oid id;
        std::optional<git_oid> found;
        // The commit object belongs to the walk's handle; its tree id is plain data.
        if (miner.checklists_tree(walked[i].commit.get(), id)) found = id;
        it = trees.emplace(i, found).first;
      }
      return it->second ? &*it->second : nullptr;
    };
    for (size_t k = begin; k < end; ++k) {
      const size_t i = todo[k];
      miner.trim();
      if (trees.size() > 4096) trees.clear();
      std::vector<std::vector<ItemChange>> per_parent;
      auto against = [&](const git_oid* parent_tree) {
        std::vector<FileChange> files;
        miner.diff(parent_tree, tree_of(i), "checklists", 0, files);
        per_parent.push_back(miner.item_changes(files));
      };
      if (walked[i].parents.empty()) against(nullptr);
      for (size_t parent : walked[i].parents) against(tree_of(parent));
      out[k] = per_parent.size() == 1 ? std::move(per_parent.front())
                                      : merge_changes(std::move(per_parent));
    }
  };
  // Opening a repository costs more than comparing a few commits.
  constexpr size_t kCommitsPerThread = 256;
  const size_t threads = std::min<size_t>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u),
                                          todo.size() / kCommitsPerThread);
  if (threads <= 1) {
    run(repo, 0, todo.size(), stats);
    return out;
  }
  std::vector<HistoryStats> counted(threads);
  std::vector<GitRepository> handles;
  for (size_t t = 0; t < threads; ++t) {
    git_repository* raw = nullptr;
    if (git_repository_open(&raw, repo_root.c_str()) != 0) break;
    handles.emplace_back(raw);
  }
  if (handles.size() != threads) {  // cannot open it again: compare on this thread
    run(repo, 0, todo.size(), stats);
    return out;
  }
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) {
    const size_t begin = todo.size() * t / threads, end = todo.size() * (t + 1) / threads;
    workers.emplace_back([&, t, begin, end] {
      StageScope stage("history");
      run(handles[t].get(), begin, end, counted[t]);
    });
  }
  for (std::thread& w : workers) w.join();
  for (const HistoryStats& c : counted) stats.blobs_parsed += c.blobs_parsed;
  return out;
}

// The item files on disk under <content>/checklists, for unpublished changes.
Snapshot disk_snapshot(const fs::path& content, std::vector<std::unique_ptr<ItemFields>>& keep) {
  Snapshot out;
  std::error_code ec;
  fs::path root = content / "checklists";
  if (!fs::is_directory(root, ec)) return out;
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::string path = "checklists/" + it->path().lexically_relative(root).generic_string();
    if (is_item_path(path)) paths.push_back(path);
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    std::ifstream in(content / path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::optional<ItemFields> f = read_item_fields(path, bytes)) {
      keep.push_back(std::make_unique<ItemFields>(std::move(*f)));
      out.emplace(keep.back()->id, std::make_pair(path, keep.back().get()));
    }
  }
  return out;
}

std::string cache_key(const std::string& prefix) {
  // The parser's notion of an item is part of what the entries mean; "values" says they are
  // checked (readable_text.h), so entries written before that are mined again.
  std::string fields;
  for (const std::string& f : kItemFields) fields += f + ",";
  return "prefix=" + prefix + ";fields=" + fields + ";values=utf8-64k";
}

// A warning for each revision that the history shows as unreadable, at the commit that made
// it (its `after`), whether it was mined now or read from the cache.
void warn_unreadable(const ChangeSet& set, std::vector<HistoryWarning>& warnings) {
  for (const ItemChange& change : set.changes) {
    std::string fields;
    std::string why;
    for (const FieldChange& f : change.fields) {
      if (!is_unreadable(f.after)) continue;
      fields += (fields.empty() ? "" : ", ") + f.field;
      why = f.after == kUnreadableTooLarge ? "over 64 KiB" : "not UTF-8";
    }
    if (fields.empty()) continue;
    warnings.push_back({set.commit.id, change.path,
                        "in commit " + set.commit.id.substr(0, 12) + ", " + fields + " of item " +
                            change.item_id + " could not be read (" + why +
                            "); its history shows \"this revision could not be read\" there. "
                            "Nothing to do unless the current file is affected too (check "
                            "reports it)"});
  }
}

}  // namespace

Result<History> mine_history(const HistoryOptions& options, HistoryStats* stats_out) {
  StageScope stage("history");
  HistoryStats stats;
  History history;
  const Provenance& p = options.provenance;
  if (p.repo_root.empty() || p.commit.empty()) {
    if (stats_out) *stats_out = stats;
    return history;  // Kind::kNone
  }
  ensure_libgit2();
  // Trees are read again and again (a parent's, then its child's): keep section folders of
  // a few hundred items in libgit2's object cache too (its default skips trees over 4 KiB).
  git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{1} << 20);
  git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, size_t{1} << 16);
  git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, ssize_t{32} << 20);
  git_repository* raw_repo = nullptr;
  if (git_repository_open(&raw_repo, p.repo_root.c_str()) != 0)
    return Status::Error("cannot open the git repository at " + p.repo_root + ": " +
                         last_git_error());
  GitRepository repo(raw_repo);

  if (git_repository_is_shallow(repo.get()) == 1 && !options.allow_shallow) {
    return Status::Error(
        p.repo_root +
        " is a shallow clone, so the history of items is incomplete — fetch it "
        "with `git fetch --unshallow` (in CI: check out with full depth, e.g. "
        "actions/checkout with fetch-depth: 0), or pass --allow-shallow to publish "
        "a history that says it is truncated");
  }

  git_oid tip;
  if (git_oid_fromstr(&tip, p.commit.c_str()) != 0)
    return Status::Error("not a commit id: " + p.commit);
  Result<std::vector<WalkedCommit>> walked = walk(repo.get(), tip);
  if (!walked.ok()) return walked.status();
  stats.commits = walked->size();

  CacheFile cache_file;
  if (options.use_cache) {
    fs::path dir = options.cache_dir;
    if (dir.empty()) dir = fs::path(git_repository_path(repo.get())) / "trustpage";
    cache_file.path = dir / "history.cache";
    cache_file.key = cache_key(p.content_prefix);
  }
  CommitChanges cache;
  if (options.use_cache) {
    cache = load_cache(cache_file, &stats.cache_note);
    stats.cache_loaded = !cache.empty();
  }

  AllowedSigners signers = parse_allowed_signers(options.allowed_signers);
  std::vector<size_t> todo;  // commits the cache does not know: compared below
  for (size_t i = 0; i < walked->size(); ++i) {
    const WalkedCommit& w = (*walked)[i];
    if (!w.boundary && !cache.count(hex(git_commit_id(w.commit.get())))) todo.push_back(i);
  }
  stats.commits_diffed = todo.size();
  std::vector<std::vector<ItemChange>> compared =
      compare_commits(repo.get(), p.repo_root, p.content_prefix, *walked, todo, stats);

  std::vector<std::string> empty_commits;  // walked, changed no item: cached as such
  size_t cache_hits = 0;
  bool any_boundary = false;
  size_t next_compared = 0;
  for (size_t i = 0; i < walked->size(); ++i) {
    const WalkedCommit& w = (*walked)[i];
    const std::string id = hex(git_commit_id(w.commit.get()));
    if (w.boundary) {
      // The parents are missing: what this commit changed cannot be known. Its items are
      // where the published history starts.
      if (!any_boundary || git_commit_time(w.commit.get()) < history.truncated_time) {
        history.truncated_at = id;
        history.truncated_time = git_commit_time(w.commit.get());
      }
      any_boundary = true;
      continue;
    }
    std::vector<ItemChange> changes;
    if (next_compared < todo.size() && todo[next_compared] == i) {
      changes = std::move(compared[next_compared++]);
    } else {
      changes = std::move(cache.find(id)->second);
      ++cache_hits;
    }
    if (changes.empty()) empty_commits.push_back(id);
    if (!changes.empty()) {
      history.change_sets.push_back(
          {commit_info(repo.get(), w.commit.get(), signers, history.warnings), std::move(changes)});
    }
  }
  history.kind = any_boundary ? History::Kind::kTruncated : History::Kind::kComplete;
  for (const ChangeSet& set : history.change_sets) warn_unreadable(set, history.warnings);
  // Rewritten only when something was added, or entries of another history were dropped.
  if (options.use_cache && (stats.commits_diffed > 0 || cache_hits != cache.size())) {
    static const std::vector<ItemChange> kNone;
    CommitChangesView entries;
    for (const std::string& id : empty_commits) entries[id] = &kNone;
    for (const ChangeSet& set : history.change_sets) entries[set.commit.id] = &set.changes;
    store_cache(cache_file, entries);
  }

  // A preview of the work tree: its items against the commit's.
  if (p.worktree && p.dirty) {
    Miner miner(repo.get(), p.content_prefix, stats);
    std::vector<FileChange> files;
    git_oid tip_tree;
    // The tip is last in the order.
    if (miner.checklists_tree(walked->back().commit.get(), tip_tree)) miner.list(&tip_tree, files);
    std::vector<std::unique_ptr<ItemFields>> keep;
    Snapshot on_disk = disk_snapshot(fs::path(p.repo_root) / p.content_prefix, keep);
    history.unpublished = compare(miner.snapshot(files, true), on_disk);
  }
  history.build_index();
  if (stats_out) *stats_out = stats;
  return history;
}

}  // namespace trustpage
