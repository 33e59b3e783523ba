// Old commits were never validated: bytes in another encoding, huge files, whole rewrites.
// The history shows each such revision as unreadable, warns with the commit and path, and
// hands the site only text of bounded size.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "history/history.h"
#include "history/item_fields.h"
#include "history/text_diff.h"
#include "source/source.h"
#include "support/git_fixture.h"

namespace {

using namespace trustpage;
using trustpage::history_detail::read_item_fields;
using trustpage::testing::GitFixture;
using trustpage::testing::run;

const std::string kPath = "checklists/sheet/ops/01-hours.md";

std::string item(const std::string& answer, const std::string& remarks) {
  return "---\nid: hours\nno: 1\nitem: サービス時間\nstatus: yes\nanswer: " + answer +
         "\nreviewed: 2025-01-10\n---\n" + remarks;
}

// "サービス" in Shift_JIS: not UTF-8.
const std::string kShiftJis = "\x83\x54\x81\x5B\x83\x72\x83\x58";

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

std::string field(const ItemChange& change, const std::string& name) {
  for (const FieldChange& f : change.fields) {
    if (f.field == name) return f.after;
  }
  return "<unchanged>";
}

}  // namespace

TEST_CASE("a revision in Shift_JIS or with a stray byte reads as 'could not be read'") {
  auto sjis = read_item_fields(kPath, item(kShiftJis, kShiftJis + "\n"));
  REQUIRE(sjis);
  CHECK(sjis->id == "hours");
  CHECK(sjis->values["answer"] == kUnreadableNotUtf8);
  CHECK(sjis->values["remarks"] == kUnreadableNotUtf8);
  CHECK(sjis->values["status"] == "yes");  // what is readable stays

  auto ff = read_item_fields(kPath, item("24\xff", "ok"));
  REQUIRE(ff);
  CHECK(ff->values["answer"] == kUnreadableNotUtf8);
  CHECK(ff->values["remarks"] == "ok");

  // Front matter the line reader cannot take, in another encoding: still followed by id.
  auto fancy = read_item_fields(kPath, "---\nid: hours\nitem: >-\n  " + kShiftJis + "\n---\n");
  REQUIRE(fancy);
  CHECK(fancy->id == "hours");
  CHECK(fancy->values["item"] == kUnreadableNotUtf8);

  // Control characters are not text XML can carry; they are replaced, not published.
  auto control = read_item_fields(kPath, item("a\x01"
                                              "b",
                                              ""));
  REQUIRE(control);
  CHECK(control->values["answer"] ==
        "a\xEF\xBF\xBD"
        "b");

  // An id that is not text cannot name a page: the revision is not an item.
  CHECK_FALSE(read_item_fields(kPath, "---\nid: h\xff\n---\n"));
  CHECK_FALSE(read_item_fields("checklists/sheet/ops/0\xff-x.md", item("a", "")));
}

TEST_CASE("a revision over 64 KiB reads as 'could not be read (over 64 KiB)', quickly") {
  auto start = std::chrono::steady_clock::now();
  std::string huge(48u << 20, 'x');
  auto big = read_item_fields(kPath, item("ok", huge));
  REQUIRE(big);
  CHECK(big->values["remarks"] == kUnreadableTooLarge);
  CHECK(big->values["answer"] == "ok");
  auto front = read_item_fields(
      kPath, "---\nid: hours\nanswer: " + std::string(70000, 'y') + "\n---\nbody\n");
  REQUIRE(front);
  CHECK(front->id == "hours");
  CHECK(front->values["answer"] == kUnreadableTooLarge);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a remark rewritten line by line is 'too large to compare', in bounded memory") {
  std::string before, after;
  for (int i = 0; i < 20000; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  CHECK_FALSE(line_diff(before, after));
  // An ordinary change is still a line diff.
  std::optional<std::vector<DiffLine>> small = line_diff("one\ntwo\nthree", "one\n2\nthree");
  REQUIRE(small);
  REQUIRE(small->size() == 4);
  CHECK(small->at(1).op == DiffLine::Op::kRemoved);
  CHECK(small->at(2).op == DiffLine::Op::kAdded);
  // A long remark changed in one place compares fine: the common ends are not in the table.
  std::optional<std::vector<DiffLine>> one_line = line_diff(before, before + "new\n");
  REQUIRE(one_line);
}

TEST_CASE("old commits in Shift_JIS (item, author, message) give warnings and text, not bytes") {
  GitFixture repo("history-unreadable");
  repo.write("content/site.yaml", "organization: Example\n");
  repo.write("content/checklists/sheet/checklist.yaml", "title: Sheet\n");
  repo.write("content/" + kPath, item("24時間", "備考\n"));
  repo.commit("Initial answers", "2024-04-01T10:00:00+09:00");
  repo.write("content/" + kPath, item(kShiftJis, kShiftJis + "\n"));
  // The git command line would re-encode the bytes; a commit made elsewhere keeps them.
  std::string git = "git -C '" + repo.root().string() + "' ";
  run(git + "add -A");
  run("cd '" + repo.root().string() +
      "' && tree=$(git write-tree) && parent=$(git rev-parse HEAD) && "
      "id=$(printf 'tree %s\\nparent %s\\nauthor \\203T\\201[ <a@example.com> 1714525200 +0900\\n"
      "committer c <c@example.com> 1714525200 +0900\\n\\n\\203e\\203X\\203g\\001\\n' "
      "\"$tree\" \"$parent\" | git hash-object -t commit -w --stdin) && git update-ref HEAD "
      "\"$id\"");
  repo.write("content/" + kPath, item("24時間365日", "備考\n"));
  repo.commit("Fixed the encoding", "2024-06-01T10:00:00+09:00");

  Result<std::unique_ptr<Source>> source = open_git(repo.content(), "HEAD");
  REQUIRE(source.ok());
  HistoryOptions options;
  options.provenance = (*source)->provenance();
  options.use_cache = false;
  Result<History> mined = mine_history(options);
  INFO(mined.status().message());
  REQUIRE(mined.ok());
  std::vector<History::Revision> revs = mined->timeline("hours");
  REQUIRE(revs.size() == 3);
  const CommitInfo& bad = revs[1].change_set->commit;
  CHECK(valid_utf8(bad.author));
  CHECK(valid_utf8(bad.message));
  CHECK(bad.message.find('\x01') == std::string::npos);
  CHECK(field(*revs[1].change, "answer") == kUnreadableNotUtf8);
  CHECK(field(*revs[1].change, "remarks") == kUnreadableNotUtf8);
  CHECK(field(*revs[2].change, "answer") == "24時間365日");

  bool commit_warning = false, item_warning = false;
  for (const HistoryWarning& w : mined->warnings) {
    CHECK(w.commit == bad.id);
    UNSCOPED_INFO(w.message);
    if (w.path.empty()) commit_warning = w.message.find("author and message") != std::string::npos;
    if (w.path == kPath) {
      item_warning = w.message.find("answer, remarks") != std::string::npos &&
                     w.message.find("not UTF-8") != std::string::npos;
    }
  }
  CHECK(commit_warning);
  CHECK(item_warning);

  // The same warnings when the changes come from the cache.
  options.use_cache = true;
  options.cache_dir = repo.root() / ".git/test-cache";
  REQUIRE(mine_history(options).ok());
  Result<History> cached = mine_history(options);
  REQUIRE(cached.ok());
  CHECK(cached->warnings.size() == mined->warnings.size());
}
