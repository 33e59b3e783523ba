// The history stage against real repositories made with the git command line, with
// backdated commits, so every expected date and value is written here by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "history/history.h"
#include "source/source.h"
#include "support/git_fixture.h"

namespace {

namespace fs = std::filesystem;
using namespace trustpage;
using trustpage::testing::GitFixture;
using trustpage::testing::run;

std::string item(const std::string& id, const std::string& no, const std::string& status,
                 const std::string& answer, const std::string& remarks = "") {
  return "---\nid: " + id + "\nno: \"" + no + "\"\nitem: 項目" + no + "\nstatus: " + status +
         "\nanswer: " + answer + "\nreviewed: 2025-01-10\n---\n" + remarks;
}

// Content that the history reads: items, plus files that are not items.
void base_content(GitFixture& repo) {
  repo.write("content/site.yaml", "organization: Example\n");
  repo.write("content/checklists/sheet/checklist.yaml", "title: Sheet\n");
  repo.write("content/checklists/sheet/ops/01-hours.md", item("hours", "1", "yes", "24時間"));
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "partial", "日次"));
}

HistoryOptions options_for(const GitFixture& repo, const std::string& rev = "HEAD") {
  Result<std::unique_ptr<Source>> source = open_git(repo.content(), rev);
  REQUIRE(source.ok());
  HistoryOptions options;
  options.provenance = (*source)->provenance();
  options.cache_dir = repo.root() / ".git/test-cache";
  return options;
}

History mine(const GitFixture& repo, HistoryStats* stats = nullptr) {
  Result<History> history = mine_history(options_for(repo), stats);
  INFO(history.status().message());
  REQUIRE(history.ok());
  return std::move(*history);
}

std::string field(const ItemChange& change, const std::string& name, bool after = true) {
  for (const FieldChange& f : change.fields) {
    if (f.field == name) return after ? f.after : f.before;
  }
  return "<unchanged>";
}

}  // namespace

TEST_CASE("an item changed three times has three revisions with dates, values and messages") {
  GitFixture repo("history-three");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  repo.commit("Backups now cover every region", "2024-09-15T09:30:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md",
             item("backup", "2", "yes", "日次・30日保管"));
  repo.commit("State the retention period", "2025-01-20T14:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md",
             item("backup", "2", "yes", "日次・30日保管", "暗号化して保管します。\n"));
  repo.commit("Explain backup encryption", "2025-06-02T11:00:00+09:00");
  // A commit that touches another item only.
  repo.write("content/checklists/sheet/ops/01-hours.md", item("hours", "1", "yes", "24時間365日"));
  repo.commit("Hours wording", "2025-07-01T10:00:00+09:00");

  History history = mine(repo);
  REQUIRE(history.kind == History::Kind::kComplete);
  std::vector<History::Revision> revs = history.timeline("backup");
  REQUIRE(revs.size() == 4);
  CHECK(revs[0].change->kind == ChangeKind::kAdded);
  CHECK(revs[0].change_set->commit.summary == "Initial answers");

  CHECK(revs[1].change->kind == ChangeKind::kChanged);
  CHECK(revs[1].change_set->commit.summary == "Backups now cover every region");
  CHECK(revs[1].change_set->commit.time == 1726360200);  // 2024-09-15T00:30:00Z
  CHECK(revs[1].change_set->commit.offset_minutes == 540);
  CHECK(revs[1].change_set->commit.author == "Test Author");
  REQUIRE(revs[1].change->fields.size() == 1);
  CHECK(field(*revs[1].change, "status", false) == "partial");
  CHECK(field(*revs[1].change, "status") == "yes");

  CHECK(revs[2].change_set->commit.summary == "State the retention period");
  CHECK(field(*revs[2].change, "answer", false) == "日次");
  CHECK(field(*revs[2].change, "answer") == "日次・30日保管");
  CHECK(field(*revs[2].change, "status") == "<unchanged>");

  CHECK(revs[3].change_set->commit.summary == "Explain backup encryption");
  CHECK(field(*revs[3].change, "remarks", false).empty());
  CHECK(field(*revs[3].change, "remarks") == "暗号化して保管します。");

  // Commits that do not touch an item give it nothing; the other item has its own.
  CHECK(history.timeline("hours").size() == 2);
  REQUIRE(history.last_changed("backup") != nullptr);
  CHECK(history.last_changed("backup")->summary == "Explain backup encryption");
}

TEST_CASE("a file renamed and moved to another section keeps its history") {
  GitFixture repo("history-move");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  // Renamed within its section: nothing of the item changed.
  fs::rename(repo.root() / "content/checklists/sheet/ops/02-backup.md",
             repo.root() / "content/checklists/sheet/ops/02-backups.md");
  repo.commit("Rename the backup file", "2024-05-01T10:00:00+09:00");
  // Moved to another section folder, with an edit in the same commit.
  fs::create_directories(repo.root() / "content/checklists/sheet/data");
  fs::rename(repo.root() / "content/checklists/sheet/ops/02-backups.md",
             repo.root() / "content/checklists/sheet/data/07-backup.md");
  repo.write("content/checklists/sheet/data/07-backup.md", item("backup", "7", "partial", "日次"));
  repo.commit("Move backup to the data section", "2024-06-01T10:00:00+09:00");

  History history = mine(repo);
  std::vector<History::Revision> revs = history.timeline("backup");
  REQUIRE(revs.size() == 2);  // added, then moved; the pure rename is no revision
  CHECK(revs[0].change->kind == ChangeKind::kAdded);
  CHECK(revs[1].change->kind == ChangeKind::kChanged);
  CHECK(revs[1].change_set->commit.summary == "Move backup to the data section");
  CHECK(field(*revs[1].change, "section", false) == "ops");
  CHECK(field(*revs[1].change, "section") == "data");
  CHECK(field(*revs[1].change, "no", false) == "2");
  CHECK(field(*revs[1].change, "no") == "7");
  CHECK(revs[1].change->path == "checklists/sheet/data/07-backup.md");
  // The rename-only commit changed no item at all.
  for (const ChangeSet& set : history.change_sets) {
    CHECK(set.commit.summary != "Rename the backup file");
  }
}

TEST_CASE("an item deleted and later re-added shows both") {
  GitFixture repo("history-readd");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.remove("content/checklists/sheet/ops/02-backup.md");
  repo.commit("Drop the backup item", "2024-05-01T10:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  repo.commit("Bring the backup item back", "2024-06-01T10:00:00+09:00");

  History history = mine(repo);
  std::vector<History::Revision> revs = history.timeline("backup");
  REQUIRE(revs.size() == 3);
  CHECK(revs[0].change->kind == ChangeKind::kAdded);
  CHECK(revs[1].change->kind == ChangeKind::kRemoved);
  CHECK(revs[1].change_set->commit.summary == "Drop the backup item");
  CHECK(field(*revs[1].change, "status", false) == "partial");
  CHECK(revs[2].change->kind == ChangeKind::kAdded);
  CHECK(field(*revs[2].change, "status") == "yes");
}

TEST_CASE("merges: a branch's change is the branch commit's, a change made in the merge is the "
          "merge's, and nothing is counted twice") {
  GitFixture repo("history-merge");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  const std::string git = "git -C '" + repo.root().string() + "' ";
  run(git + "checkout -q -b review");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  repo.commit("Backup reviewed on a branch", "2024-05-01T10:00:00+09:00");
  run(git + "checkout -q -");
  repo.write("content/checklists/sheet/ops/01-hours.md", item("hours", "1", "yes", "平日"));
  repo.commit("Hours on main", "2024-05-02T10:00:00+09:00");
  // The merge also edits an item neither side touched (an "evil merge").
  run("GIT_AUTHOR_DATE='2024-05-03T10:00:00+09:00' GIT_COMMITTER_DATE='2024-05-03T10:00:00+09:00' "
      "GIT_AUTHOR_NAME=M GIT_AUTHOR_EMAIL=m@example.com GIT_COMMITTER_NAME=M "
      "GIT_COMMITTER_EMAIL=m@example.com " +
      git + "-c commit.gpgsign=false merge -q --no-ff --no-commit review 2>/dev/null");
  repo.write("content/checklists/sheet/ops/03-new.md", item("new", "3", "planned", "検討中"));
  repo.write("content/checklists/sheet/ops/01-hours.md", item("hours", "1", "yes", "平日・休日"));
  repo.commit("Merge review", "2024-05-03T10:00:00+09:00");

  History history = mine(repo);
  std::vector<History::Revision> backup = history.timeline("backup");
  REQUIRE(backup.size() == 2);
  CHECK(backup[1].change_set->commit.summary == "Backup reviewed on a branch");
  CHECK(field(*backup[1].change, "status") == "yes");

  std::vector<History::Revision> hours = history.timeline("hours");
  REQUIRE(hours.size() == 3);
  CHECK(hours[1].change_set->commit.summary == "Hours on main");
  CHECK(hours[2].change_set->commit.summary == "Merge review");
  CHECK(field(*hours[2].change, "answer", false) == "平日");
  CHECK(field(*hours[2].change, "answer") == "平日・休日");

  std::vector<History::Revision> added = history.timeline("new");
  REQUIRE(added.size() == 1);
  CHECK(added[0].change_set->commit.summary == "Merge review");
  CHECK(added[0].change->kind == ChangeKind::kAdded);
}

TEST_CASE("commits that change no item give no change set") {
  GitFixture repo("history-quiet");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.write("content/pages/about.md", "---\ntitle: About\n---\nhello\n");
  repo.write("README.md", "readme\n");
  repo.write("content/checklists/sheet/checklist.yaml", "title: Sheet v2\n");
  repo.commit("Pages and readme", "2024-05-01T10:00:00+09:00");
  History history = mine(repo);
  REQUIRE(history.change_sets.size() == 1);
  CHECK(history.change_sets[0].commit.summary == "Initial answers");
  CHECK(history.change_sets[0].changes.size() == 2);
}

TEST_CASE("SSH-signed commits: verified against keys/allowed_signers, an unknown key is not") {
  GitFixture repo("history-signed");
  base_content(repo);
  const fs::path keys = repo.root() / ".test-keys";
  fs::create_directories(keys);
  run("ssh-keygen -q -t ed25519 -N '' -C alice -f '" + (keys / "alice").string() + "'");
  run("ssh-keygen -q -t ed25519 -N '' -C mallory -f '" + (keys / "mallory").string() + "'");
  std::string alice_pub = repo.read(".test-keys/alice.pub");
  std::string allowed = "alice@example.com namespaces=\"git\" " + alice_pub;
  repo.write("keys/allowed_signers", allowed);
  const std::string git = "git -C '" + repo.root().string() + "' ";
  auto signed_commit = [&](const std::string& key, const std::string& message) {
    run(git + "add -A");
    run("GIT_AUTHOR_DATE='2024-05-01T10:00:00+09:00' GIT_COMMITTER_DATE='2024-05-01T10:00:00+09:00' "
        "GIT_AUTHOR_NAME=A GIT_AUTHOR_EMAIL=a@example.com GIT_COMMITTER_NAME=A "
        "GIT_COMMITTER_EMAIL=a@example.com " +
        git + "-c gpg.format=ssh -c user.signingkey='" + (keys / key).string() +
        "' commit -q -S -m '" + message + "'");
  };
  signed_commit("alice", "Signed by alice");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  signed_commit("mallory", "Signed by mallory");
  repo.write("content/checklists/sheet/ops/01-hours.md", item("hours", "1", "no", "なし"));
  repo.commit("Not signed", "2024-06-01T10:00:00+09:00");
  // git itself agrees on which signature is good.
  run(git + "-c gpg.ssh.allowedSignersFile='" + (repo.root() / "keys/allowed_signers").string() +
      "' verify-commit HEAD~2 2>/dev/null");

  HistoryOptions options = options_for(repo);
  options.allowed_signers = allowed;
  Result<History> history = mine_history(options);
  REQUIRE(history.ok());
  REQUIRE(history->change_sets.size() == 3);
  const CommitInfo& alice = history->change_sets[0].commit;
  CHECK(alice.signature == SignatureState::kVerified);
  CHECK(alice.signer == "alice@example.com");
  const CommitInfo& mallory = history->change_sets[1].commit;
  CHECK(mallory.signature == SignatureState::kUnknownKey);
  CHECK(mallory.signer.starts_with("SHA256:"));
  CHECK(history->change_sets[2].commit.signature == SignatureState::kUnsigned);

  // A tampered signature (the commit rewritten with alice's signature kept) is bad.
  std::string raw = run(git + "cat-file commit HEAD~2");
  size_t at = raw.find("Signed by alice");
  REQUIRE(at != std::string::npos);
  raw.replace(at, 15, "Signed by ALICE");
  std::ofstream(repo.root() / ".forged") << raw;
  std::string forged = run(git + "hash-object -t commit -w '" + (repo.root() / ".forged").string() + "'");
  forged.pop_back();
  run(git + "update-ref refs/heads/forged " + forged);
  HistoryOptions forged_options = options_for(repo, "forged");
  forged_options.allowed_signers = allowed;
  Result<History> tampered = mine_history(forged_options);
  REQUIRE(tampered.ok());
  REQUIRE(!tampered->change_sets.empty());
  CHECK(tampered->change_sets[0].commit.signature == SignatureState::kBad);
}

TEST_CASE("a shallow clone fails with what to do, unless allowed, then says it is truncated") {
  GitFixture repo("history-shallow-src");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  repo.commit("Backup yes", "2024-05-01T10:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "毎時"));
  repo.commit("Backup hourly", "2024-06-01T10:00:00+09:00");
  fs::path clone = testing::unique_temp_dir("history-shallow") / "clone";
  run("git clone -q --depth 2 'file://" + repo.root().string() + "' '" + clone.string() + "'");

  Result<std::unique_ptr<Source>> source = open_git(clone / "content");
  REQUIRE(source.ok());
  HistoryOptions options;
  options.provenance = (*source)->provenance();
  options.use_cache = false;
  Result<History> refused = mine_history(options);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("shallow") != std::string::npos);
  CHECK(refused.status().message().find("git fetch --unshallow") != std::string::npos);
  CHECK(refused.status().message().find("--allow-shallow") != std::string::npos);

  options.allow_shallow = true;
  Result<History> truncated = mine_history(options);
  REQUIRE(truncated.ok());
  CHECK(truncated->kind == History::Kind::kTruncated);
  CHECK(truncated->truncated_time == 1714525200);  // "Backup yes", where the clone starts
  // Only the change after the boundary is known.
  std::vector<History::Revision> revs = truncated->timeline("backup");
  REQUIRE(revs.size() == 1);
  CHECK(revs[0].change_set->commit.summary == "Backup hourly");
  fs::remove_all(clone.parent_path());
}

TEST_CASE("the cache: a rebuild after one commit compares one commit; a deleted, corrupt or "
          "other-history cache still gives the right history") {
  GitFixture repo("history-cache");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  for (int i = 0; i < 5; ++i) {
    repo.write("content/checklists/sheet/ops/02-backup.md",
               item("backup", "2", "yes", "版" + std::to_string(i)));
    repo.commit("Backup v" + std::to_string(i), "2024-05-0" + std::to_string(i + 1) + "T10:00:00+09:00");
  }
  HistoryStats cold;
  History first = mine(repo, &cold);
  CHECK(cold.commits == 6);
  CHECK(cold.commits_diffed == 6);
  CHECK_FALSE(cold.cache_loaded);

  HistoryStats warm;
  History again = mine(repo, &warm);
  CHECK(warm.cache_loaded);
  CHECK(warm.commits_diffed == 0);
  CHECK(again.timeline("backup").size() == first.timeline("backup").size());

  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "no", "停止"));
  repo.commit("Backup stopped", "2024-06-01T10:00:00+09:00");
  HistoryStats one;
  History after = mine(repo, &one);
  CHECK(one.commits_diffed == 1);
  REQUIRE(after.timeline("backup").size() == 7);
  CHECK(field(*after.timeline("backup").back().change, "status") == "no");

  const fs::path cache = repo.root() / ".git/test-cache/history.cache";
  REQUIRE(fs::exists(cache));
  SECTION("corrupt: flipped byte") {
    std::string bytes = testing::slurp(cache);
    bytes[bytes.size() / 2] ^= 0x20;
    std::ofstream(cache, std::ios::binary) << bytes;
    HistoryStats stats;
    History h = mine(repo, &stats);
    CHECK_FALSE(stats.cache_loaded);
    CHECK(stats.cache_note.find("damaged") != std::string::npos);
    CHECK(h.timeline("backup").size() == 7);
  }
  SECTION("corrupt: truncated") {
    fs::resize_file(cache, fs::file_size(cache) / 3);
    HistoryStats stats;
    History h = mine(repo, &stats);
    CHECK_FALSE(stats.cache_loaded);
    CHECK(h.timeline("backup").size() == 7);
  }
  SECTION("deleted") {
    fs::remove_all(cache.parent_path());
    HistoryStats stats;
    History h = mine(repo, &stats);
    CHECK(stats.commits_diffed == 7);
    CHECK(h.timeline("backup").size() == 7);
  }
  SECTION("history rewritten: an old commit amended through a rebase") {
    const std::string git = "git -C '" + repo.root().string() + "' ";
    // Rewrite "Backup v1" to say something else; every later commit gets a new id.
    std::string target = run(git + "log --format=%H --grep='Backup v1$'");
    target.pop_back();
    run("GIT_SEQUENCE_EDITOR=\"sed -i '1s/^pick/edit/'\" " + git +
        "-c commit.gpgsign=false rebase -q -i " + target + "~1 >/dev/null 2>&1");
    repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "partial", "書換"));
    run(git + "add -A");
    run("GIT_COMMITTER_DATE='2024-05-02T10:00:00+09:00' " + git +
        "-c commit.gpgsign=false commit -q --amend -m 'Backup v1 rewritten'");
    // Later commits no longer apply cleanly on the amended one: keep theirs.
    run("GIT_EDITOR=true " + git + "-c commit.gpgsign=false rebase --continue -X theirs >/dev/null 2>&1 || "
        "(" + git + "checkout --theirs . && " + git + "add -A && GIT_EDITOR=true " + git +
        "-c commit.gpgsign=false rebase --continue) >/dev/null 2>&1 || true");
    HistoryStats stats;
    History h = mine(repo, &stats);
    CHECK(stats.cache_loaded);
    CHECK(stats.commits_diffed >= 1);  // the rewritten commits, not the untouched first two
    CHECK(stats.commits_diffed < 7);
    bool rewritten_seen = false;
    for (const History::Revision& r : h.timeline("backup")) {
      CHECK(r.change_set->commit.summary != "Backup v1");
      if (r.change_set->commit.summary == "Backup v1 rewritten") {
        rewritten_seen = true;
        CHECK(field(*r.change, "answer") == "書換");
      }
    }
    CHECK(rewritten_seen);
    // The same history mined without any cache agrees.
    HistoryOptions no_cache = options_for(repo);
    no_cache.use_cache = false;
    Result<History> fresh = mine_history(no_cache);
    REQUIRE(fresh.ok());
    REQUIRE(fresh->change_sets.size() == h.change_sets.size());
    for (size_t i = 0; i < h.change_sets.size(); ++i) {
      CHECK(fresh->change_sets[i].commit.id == h.change_sets[i].commit.id);
      CHECK(fresh->change_sets[i].changes.size() == h.change_sets[i].changes.size());
    }
  }
}

TEST_CASE("uncommitted edits in a work-tree preview are shown as unpublished changes") {
  GitFixture repo("history-worktree");
  base_content(repo);
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.write("content/checklists/sheet/ops/02-backup.md", item("backup", "2", "yes", "日次"));
  Result<std::unique_ptr<Source>> source = open_worktree(repo.content());
  REQUIRE(source.ok());
  HistoryOptions options;
  options.provenance = (*source)->provenance();
  options.use_cache = false;
  Result<History> history = mine_history(options);
  REQUIRE(history.ok());
  REQUIRE(history->unpublished.size() == 1);
  CHECK(history->unpublished[0].item_id == "backup");
  CHECK(field(history->unpublished[0], "status") == "yes");
  std::vector<History::Revision> revs = history->timeline("backup");
  REQUIRE(revs.size() == 2);
  CHECK(revs.back().change_set == nullptr);
}

TEST_CASE("content outside git has no history, and that is not an error") {
  fs::path dir = testing::unique_temp_dir("history-nogit");
  fs::create_directories(dir / "content");
  Result<std::unique_ptr<Source>> source = open_worktree(dir / "content");
  REQUIRE(source.ok());
  HistoryOptions options;
  options.provenance = (*source)->provenance();
  Result<History> history = mine_history(options);
  REQUIRE(history.ok());
  CHECK(history->kind == History::Kind::kNone);
  fs::remove_all(dir);
}

TEST_CASE("a long history is compared on several threads with the result of one, commit by commit") {
  // 1,200 commits (enough for the comparison to be split between threads), written with
  // git fast-import: commit k sets the answer of item (k % 7) to "v<k>", every 50th also
  // moves that item to another section, and every 9th changes a non-item file only.
  GitFixture repo("history-long");
  base_content(repo);
  repo.commit("Base", "2025-01-01T00:00:00+00:00");
  std::string stream;
  auto blob = [](const std::string& path, const std::string& bytes) {
    return "M 100644 inline " + path + "\ndata " + std::to_string(bytes.size()) + "\n" + bytes +
           "\n";
  };
  std::map<int, std::string> where;  // item k -> its path
  for (int k = 0; k < 7; ++k)
    where[k] = "content/checklists/sheet/ops/1" + std::to_string(k) + "-extra.md";
  const int kCommits = 1200;
  for (int n = 1; n <= kCommits; ++n) {
    const int k = n % 7;
    std::string changes;
    if (n % 9 == 0) {
      changes = blob("content/site.yaml", "organization: Example " + std::to_string(n) + "\n");
    } else {
      if (n % 50 == 0) {
        changes += "D " + where[k] + "\n";
        where[k] = "content/checklists/sheet/s" + std::to_string(n) + "/1" + std::to_string(k) +
                   "-extra.md";
      }
      changes += blob(where[k], item("x" + std::to_string(k), "1" + std::to_string(k), "yes",
                                     "v" + std::to_string(n)));
    }
    const std::string message = "change " + std::to_string(n);
    const std::string when = std::to_string(1740000000 + n * 60) + " +0000";
    stream += "commit refs/heads/main\ncommitter T <t@example.com> " + when + "\ndata " +
              std::to_string(message.size()) + "\n" + message + "\n" +
              (n == 1 ? "from refs/heads/main^0\n" : "") + changes;
  }
  const fs::path script = repo.root() / "stream.txt";
  std::ofstream(script, std::ios::binary) << stream;
  run("cd '" + repo.root().string() + "' && git fast-import --quiet < stream.txt && rm stream.txt && git reset -q --hard main");

  HistoryOptions options = options_for(repo);
  options.use_cache = false;
  HistoryStats stats;
  Result<History> history = mine_history(options, &stats);
  REQUIRE(history.ok());
  CHECK(stats.commits_diffed == kCommits + 1);
  // Base, then one change set per commit that changed an item, in commit order.
  REQUIRE(history->change_sets.size() == 1 + kCommits - kCommits / 9);
  size_t s = 1;
  for (int n = 1; n <= kCommits; ++n) {
    if (n % 9 == 0) continue;
    INFO("commit " << n);
    const ChangeSet& set = history->change_sets[s++];
    CHECK(set.commit.summary == "change " + std::to_string(n));
    REQUIRE(set.changes.size() == 1);
    CHECK(set.changes[0].item_id == "x" + std::to_string(n % 7));
    // The first commit adds the item; a move keeps its history (the answer changes too).
    if (n <= 7) {
      CHECK(set.changes[0].kind == ChangeKind::kAdded);
    } else {
      CHECK(set.changes[0].kind == ChangeKind::kChanged);
      CHECK(field(set.changes[0], "answer") == "v" + std::to_string(n));
      int before = n - 7;
      while (before % 9 == 0) before -= 7;  // that commit changed site.yaml only
      CHECK(field(set.changes[0], "answer", false) == "v" + std::to_string(before));
    }
  }
}
