// `trustpage history ITEM-ID`: one item's timeline in the terminal, newest first, like
// `git log -p` but per item and field by field.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "common/local_time.h"
#include "history/text_diff.h"

namespace trustpage {
namespace {

struct Colors {
  const char* red = "";
  const char* green = "";
  const char* yellow = "";
  const char* dim = "";
  const char* reset = "";
};

std::string date_time(const CommitInfo& c) {
  return format_local_time(c.time, c.offset_minutes, "%Y-%m-%d %H:%M") + " " +
         utc_offset(c.offset_minutes, false);
}

std::string signature_line(const CommitInfo& c) {
  switch (c.signature) {
    case SignatureState::kUnsigned: return "";
    case SignatureState::kVerified: return "verified signature by " + c.signer;
    case SignatureState::kUnknownKey: return "signed by a key not in keys/allowed_signers (" + c.signer + ")";
    case SignatureState::kBad: return "BAD signature: " + c.signature_note;
    case SignatureState::kUnsupported: return "signed, not verified: " + c.signature_note;
  }
  return "";
}

std::string quoted(const std::string& value) {
  return value.empty() ? "(none)" : "\"" + value + "\"";
}

void print_change(const ItemChange& change, const Colors& color) {
  for (const FieldChange& f : change.fields) {
    if (f.field == "remarks" && change.kind == ChangeKind::kChanged) {
      std::optional<std::vector<DiffLine>> diff = line_diff(f.before, f.after);
      if (!diff) {
        std::cout << "    remarks: changed (too large to compare line by line)\n";
        continue;
      }
      std::cout << "    remarks:\n";
      for (const DiffLine& line : *diff) {
        switch (line.op) {
          case DiffLine::Op::kSame: std::cout << "        " << line.text << '\n'; break;
          case DiffLine::Op::kRemoved:
            std::cout << "      " << color.red << "- " << line.text << color.reset << '\n';
            break;
          case DiffLine::Op::kAdded:
            std::cout << "      " << color.green << "+ " << line.text << color.reset << '\n';
            break;
          case DiffLine::Op::kSkipped: std::cout << "        " << color.dim << "…" << color.reset << '\n'; break;
        }
      }
      continue;
    }
    if (f.field == "remarks") {
      std::cout << "    remarks: " << (f.after.empty() ? "(removed)" : "(" + std::to_string(f.after.size()) + " bytes)") << '\n';
      continue;
    }
    std::cout << "    " << f.field << ": ";
    if (change.kind == ChangeKind::kAdded) {
      std::cout << color.green << quoted(f.after) << color.reset << '\n';
    } else if (change.kind == ChangeKind::kRemoved) {
      std::cout << color.red << quoted(f.before) << color.reset << '\n';
    } else {
      std::cout << color.red << quoted(f.before) << color.reset << " → " << color.green
                << quoted(f.after) << color.reset << '\n';
    }
  }
}

}  // namespace

int run_history(const HistoryCommand& command) {
  HistoryQuery query = query_history(command.build.options);
  if (report(query.diagnostics, true) > 0) return 1;
  Colors color;
  if (isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr) {
    color = Colors{"\033[31m", "\033[32m", "\033[33m", "\033[2m", "\033[0m"};
  }
  const History& history = *query.history;
  std::vector<History::Revision> revisions = history.timeline(command.item_id);
  auto known = query.items.find(command.item_id);
  if (revisions.empty() && known == query.items.end()) {
    std::cerr << "error: no item with id \"" << command.item_id << "\" in "
              << command.build.options.content_dir.string()
              << " or its history — item ids are the `id:` of each item file";
    // The closest id, for a typo.
    std::string best;
    size_t best_score = 0;
    for (const auto& [id, _] : query.items) {
      size_t common = 0;
      while (common < id.size() && common < command.item_id.size() &&
             id[common] == command.item_id[common])
        ++common;
      if (common > best_score) best_score = common, best = id;
    }
    if (best_score >= 3) std::cerr << "; did you mean \"" << best << "\"?";
    std::cerr << '\n';
    return 1;
  }
  std::cout << color.yellow << command.item_id << color.reset;
  if (known != query.items.end())
    std::cout << "  " << known->second.first << "  (" << known->second.second << ")";
  else
    std::cout << "  (no longer in the content)";
  std::cout << '\n';
  if (history.kind == History::Kind::kNone) {
    std::cout << "\nThe content is not in a git repository: there is no history.\n";
    return 0;
  }
  if (revisions.empty()) std::cout << "\nNo commit has changed this item.\n";
  for (auto r = revisions.rbegin(); r != revisions.rend(); ++r) {
    std::cout << '\n';
    if (!r->change_set) {
      std::cout << color.yellow << "uncommitted changes" << color.reset << " (not published)\n";
    } else {
      const CommitInfo& c = r->change_set->commit;
      std::cout << color.yellow << "commit " << c.id << color.reset << "  "
                << to_string(r->change->kind) << '\n';
      if (std::string sig = signature_line(c); !sig.empty()) std::cout << "Signature: " << sig << '\n';
      std::cout << "Author: " << c.author << " <" << c.author_email << ">\n";
      std::cout << "Date:   " << date_time(c) << "\n\n";
      size_t start = 0;
      while (start <= c.message.size()) {
        size_t end = c.message.find('\n', start);
        if (end == std::string::npos) end = c.message.size();
        std::string line = c.message.substr(start, end - start);
        std::cout << (line.empty() ? "" : "    ") << line << '\n';
        start = end + 1;
      }
      std::cout << '\n';
    }
    print_change(*r->change, color);
  }
  if (history.kind == History::Kind::kTruncated) {
    std::cout << "\n(history truncated: shallow clone, nothing before commit "
              << history.truncated_at.substr(0, 12) << ")\n";
  }
  return 0;
}

}  // namespace trustpage
