// The history as the site shows it: an item's timeline, the site-wide changelog, the Atom
// feed and the JSON export, all from the history stage's change sets.
#pragma once

#include <map>
#include <string>

#include "content/model.h"
#include "history/history.h"
#include "render/value.h"

namespace trustpage {

class HistoryView {
 public:
  // `history` may be null (history not mined, e.g. `check`): pages then show no history.
  HistoryView(const History* history, const Content& content);

  // Template variables shared by item and changelog pages: available, truncated, notice…
  Map summary(const Map& strings) const;
  // The item's revisions, newest first (unpublished edits on top).
  List item_timeline(const Item& item, const std::string& prefix, const Map& strings) const;
  // "2025-04-01" of the last commit that changed the item; empty when unknown.
  std::string last_changed(const Item& item) const;
  // Change sets newest first, `count` of them from the `first` (0 = the newest), with the
  // items they changed linked to their pages.
  List changelog(const std::string& prefix, const Map& strings, std::size_t first,
                 std::size_t count) const;
  std::size_t change_set_count() const { return history_ ? history_->change_sets.size() : 0; }

  // Atom 1.0: one entry per commit that changed published content, newest first.
  std::string atom_feed(const std::string& title, const std::string& changelog_route,
                        const Map& strings) const;
  // The checklist's history as JSON (schema "trustpage-history/1", see the site README).
  std::string json(const Checklist& checklist) const;

 private:
  struct Where {
    const Checklist* checklist;
    const Section* section;
    const Item* item;
  };
  Map change_value(const ItemChange& change, const Map& strings) const;
  std::string field_text(const ItemChange& change, const std::string& field,
                         const std::string& value, const Map& strings) const;

  const History* history_;
  const Content& content_;
  std::map<std::string, Where> items_;  // id -> where it is now
};

// Dates of a commit as the site shows them, in the author's own timezone.
std::string commit_date(const CommitInfo& commit);      // "2025-04-01"
std::string commit_datetime(const CommitInfo& commit);  // "2025-04-01T10:00:00+09:00"

}  // namespace trustpage
