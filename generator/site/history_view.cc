#include "site/history_view.h"

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "common/local_time.h"
#include "history/text_diff.h"
#include "site/routes.h"
#include "site/strings.h"

namespace trustpage {
namespace {

std::string message_body(const CommitInfo& c) {
  size_t newline = c.message.find('\n');
  if (newline == std::string::npos) return "";
  size_t start = c.message.find_first_not_of("\r\n", newline);
  return start == std::string::npos ? "" : c.message.substr(start);
}

}  // namespace

std::string commit_date(const CommitInfo& commit) {
  return format_local_time(commit.time, commit.offset_minutes, "%Y-%m-%d");
}
std::string commit_datetime(const CommitInfo& commit) {
  return iso_datetime(commit.time, commit.offset_minutes);
}

HistoryView::HistoryView(const History* history, const Content& content)
    : history_(history), content_(content) {
  for (const Checklist& c : content.checklists) {
    for (const Section& s : c.sections) {
      for (const Item& item : s.items) items_[item.id] = Where{&c, &s, &item};
    }
  }
}

Map HistoryView::summary(const Map& strings) const {
  const bool available = history_ && history_->kind != History::Kind::kNone;
  const bool truncated = history_ && history_->kind == History::Kind::kTruncated;
  std::string notice;
  if (!available) notice = ui_text(strings, "history_none");
  if (truncated) {
    CommitInfo start;
    start.time = history_->truncated_time;
    notice = ui_text(strings, "history_truncated");
    size_t at = notice.find("{date}");
    if (at != std::string::npos) notice.replace(at, 6, commit_date(start));
  }
  return Map{{"available", available},
             {"truncated", truncated},
             {"notice", notice},
             {"count", std::to_string(history_ ? history_->change_sets.size() : 0)}};
}

std::string HistoryView::field_text(const ItemChange& change, const std::string& field,
                                    const std::string& value, const Map& strings) const {
  if (value.empty()) return "";
  // A revision that could not be read says so in the page's language.
  if (value == kUnreadableNotUtf8 || value == kUnreadableTooLarge) {
    const std::string& text =
        ui_text(strings, value == kUnreadableNotUtf8 ? "history_unreadable_utf8"
                                                     : "history_unreadable_size");
    return text.empty() ? value : text;
  }
  if (field == "status") {
    const std::string& label = ui_text(strings, "status_" + value);
    if (!label.empty()) return ui_text(strings, "status_" + value + "_symbol") + " " + label;
  }
  if (field == "section") {
    for (const Checklist& c : content_.checklists) {
      if (c.id != change.checklist) continue;
      for (const Section& s : c.sections) {
        if (s.id == value) return s.title;
      }
    }
  }
  return value;
}

Map HistoryView::change_value(const ItemChange& change, const Map& strings) const {
  List fields;
  for (const FieldChange& f : change.fields) {
    // An added or removed item is summed up by its answer; its other fields are on its page
    // (and every field is in history.json).
    if (change.kind != ChangeKind::kChanged && f.field != "status" && f.field != "answer") continue;
    Map v{{"field", f.field},
          {"label", ui_text(strings, "field_" + f.field)},
          {"before", field_text(change, f.field, f.before, strings)},
          {"after", field_text(change, f.field, f.after, strings)},
          {"is_diff", false}};
    std::optional<std::vector<DiffLine>> diff;
    if (f.field == "remarks" && change.kind == ChangeKind::kChanged && !is_unreadable(f.before) &&
        !is_unreadable(f.after)) {
      diff = line_diff(f.before, f.after);
      if (!diff) {  // bounded: the page says so rather than printing both versions whole
        v["before"] = "";
        v["after"] = ui_text(strings, "remarks_too_large");
      }
    }
    if (diff) {
      List lines;
      for (const DiffLine& line : *diff) {
        static const char* kClass[] = {"same", "del", "ins", "skip"};
        static const char* kSign[] = {" ", "-", "+", "…"};
        int op = static_cast<int>(line.op);
        lines.push_back(Map{{"class", kClass[op]}, {"sign", kSign[op]}, {"text", line.text}});
      }
      v["is_diff"] = true;
      v["diff"] = std::move(lines);
    }
    fields.push_back(std::move(v));
  }
  std::string kind(to_string(change.kind));
  return Map{{"kind", kind},
             {"kind_label", ui_text(strings, "change_" + kind)},
             {"removed", change.kind == ChangeKind::kRemoved},
             {"fields", std::move(fields)}};
}

namespace {

Map commit_value(const CommitInfo& c, const Map& strings) {
  std::string state(to_string(c.signature));
  std::string label = ui_text(strings, "signature_" + state);
  return Map{{"commit", c.id},
             {"commit_short", c.id.substr(0, 7)},
             {"anchor", "commit-" + c.id},
             {"date", commit_date(c)},
             {"datetime", commit_datetime(c)},
             {"author", c.author},
             {"summary", c.summary},
             {"body", message_body(c)},
             {"signed", c.signature != SignatureState::kUnsigned},
             {"signature", Map{{"state", state},
                               {"label", label},
                               {"class", "signature signature-" + state},
                               {"signer", c.signer},
                               {"note", c.signature_note}}}};
}

}  // namespace

List HistoryView::item_timeline(const Item& item, const std::string& prefix,
                                const Map& strings) const {
  (void)prefix;
  List out;
  if (!history_) return out;
  std::vector<History::Revision> revisions = history_->timeline(item.id);
  for (auto r = revisions.rbegin(); r != revisions.rend(); ++r) {
    Map v = commit_value(r->change_set ? r->change_set->commit : CommitInfo{}, strings);
    v["unpublished"] = r->change_set == nullptr;
    if (!r->change_set) {  // an edit in the work tree: no commit, no date yet
      v["date"] = "";
      v["summary"] = ui_text(strings, "unpublished_change");
    }
    v["change"] = change_value(*r->change, strings);
    out.push_back(std::move(v));
  }
  return out;
}

std::string HistoryView::last_changed(const Item& item) const {
  if (!history_) return "";
  const CommitInfo* c = history_->last_changed(item.id);
  return c ? commit_date(*c) : "";
}

List HistoryView::changelog(const std::string& prefix, const Map& strings, std::size_t first,
                            std::size_t count) const {
  List out;
  if (!history_) return out;
  const auto& sets = history_->change_sets;
  for (std::size_t k = first; k < sets.size() && k < first + count; ++k) {
    auto set = sets.rbegin() + static_cast<std::ptrdiff_t>(k);
    Map v = commit_value(set->commit, strings);
    List items;
    for (const ItemChange& change : set->changes) {
      Map item{{"id", change.item_id}, {"change", change_value(change, strings)}};
      auto now = items_.find(change.item_id);
      if (now != items_.end()) {
        item["no"] = now->second.item->no;
        item["title"] = now->second.item->item;
        item["checklist"] = now->second.checklist->title;
        item["route"] = item_route(prefix, *now->second.checklist, *now->second.item);
      } else {  // deleted since: named by its id, without a link
        item["no"] = "";
        item["title"] = change.item_id;
        item["checklist"] = "";
        item["route"] = "";
      }
      items.push_back(std::move(item));
    }
    v["items"] = std::move(items);
    out.push_back(std::move(v));
  }
  return out;
}

std::string HistoryView::atom_feed(const std::string& title, const std::string& changelog_route,
                                   const Map& strings) const {
  // Built as a DOM so every text is escaped by the XML writer.
  const std::string& base = content_.site.base_url;
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  feed.append_attribute("xml:lang") =
      content_.site.languages.empty() ? "ja" : content_.site.languages.front().c_str();
  feed.append_child("id").text().set((base + "changes.atom").c_str());
  feed.append_child("title").text().set(title.c_str());
  static const std::vector<ChangeSet> kNoChanges;
  const std::vector<ChangeSet>& sets = history_ ? history_->change_sets : kNoChanges;
  std::string updated = sets.empty() ? "1970-01-01T00:00:00Z" : commit_datetime(sets.back().commit);
  feed.append_child("updated").text().set(updated.c_str());
  pugi::xml_node self = feed.append_child("link");
  self.append_attribute("rel") = "self";
  self.append_attribute("href") = (base + "changes.atom").c_str();
  pugi::xml_node alternate = feed.append_child("link");
  alternate.append_attribute("rel") = "alternate";
  alternate.append_attribute("type") = "text/html";
  alternate.append_attribute("href") = (base + changelog_route).c_str();
  feed.append_child("author").append_child("name").text().set(content_.site.organization.c_str());
  feed.append_child("generator").text().set("trustpage");

  // The newest entries; older ones stay on the changelog page.
  constexpr size_t kEntries = 100;
  size_t written = 0;
  for (auto set = sets.rbegin(); set != sets.rend() && written < kEntries; ++set, ++written) {
    const CommitInfo& c = set->commit;
    pugi::xml_node entry = feed.append_child("entry");
    std::string url = base + changelog_route + "#commit-" + c.id;
    entry.append_child("id").text().set(url.c_str());
    entry.append_child("title").text().set(c.summary.c_str());
    entry.append_child("updated").text().set(commit_datetime(c).c_str());
    entry.append_child("author").append_child("name").text().set(c.author.c_str());
    pugi::xml_node link = entry.append_child("link");
    link.append_attribute("rel") = "alternate";
    link.append_attribute("type") = "text/html";
    link.append_attribute("href") = url.c_str();
    std::string body = c.message + "\n";
    for (const ItemChange& change : set->changes) {
      auto now = items_.find(change.item_id);
      body += "\n" + (now != items_.end() ? now->second.item->no + ". " + now->second.item->item
                                          : change.item_id);
      body += " (" + ui_text(strings, "change_" + std::string(to_string(change.kind))) + ")\n";
      if (change.kind != ChangeKind::kChanged) continue;
      for (const FieldChange& f : change.fields) {
        if (f.field == "remarks") {
          body += "  " + ui_text(strings, "field_remarks") + ": " +
                  ui_text(strings, "remarks_changed") + "\n";
          continue;
        }
        body += "  " + ui_text(strings, "field_" + f.field) + ": " +
                field_text(change, f.field, f.before, strings) + " → " +
                field_text(change, f.field, f.after, strings) + "\n";
      }
    }
    pugi::xml_node content = entry.append_child("content");
    content.append_attribute("type") = "text";
    content.text().set(body.c_str());
  }
  std::ostringstream xml;
  doc.save(xml, "  ", pugi::format_default, pugi::encoding_utf8);
  return xml.str();
}

std::string HistoryView::json(const Checklist& checklist) const {
  using Json = nlohmann::ordered_json;
  Json out;
  out["schema"] = "trustpage-history/1";
  out["checklist"] = checklist.id;
  out["history"] = !history_                                     ? "none"
                   : history_->kind == History::Kind::kNone      ? "none"
                   : history_->kind == History::Kind::kTruncated ? "truncated"
                                                                 : "complete";
  Json items = Json::array();
  auto add_item = [&](const std::string& id, const Item* item) {
    Json v;
    v["id"] = id;
    v["no"] = item ? Json(item->no) : Json(nullptr);
    std::string last = item ? last_changed(*item) : "";
    v["last_changed"] = last.empty() ? Json(nullptr) : Json(last);
    Json revisions = Json::array();
    if (history_) {
      for (const History::Revision& r : history_->timeline(id)) {
        if (!r.change_set || r.change->checklist != checklist.id) continue;
        const CommitInfo& c = r.change_set->commit;
        Json rev;
        rev["commit"] = c.id;
        rev["date"] = commit_datetime(c);
        rev["author"] = c.author;
        rev["message"] = c.message;
        rev["signature"] = {{"state", to_string(c.signature)}, {"signer", c.signer}};
        rev["kind"] = to_string(r.change->kind);
        Json fields = Json::array();
        for (const FieldChange& f : r.change->fields) {
          fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        }
        rev["changes"] = std::move(fields);
        revisions.push_back(std::move(rev));
      }
    }
    v["revisions"] = std::move(revisions);
    items.push_back(std::move(v));
  };
  std::set<std::string> listed;
  for (const Section& s : checklist.sections) {
    for (const Item& item : s.items) {
      add_item(item.id, &item);
      listed.insert(item.id);
    }
  }
  if (history_) {  // items since removed from this checklist keep their history here
    std::set<std::string> removed;
    for (const ChangeSet& set : history_->change_sets) {
      for (const ItemChange& c : set.changes) {
        if (c.checklist == checklist.id && !listed.count(c.item_id)) removed.insert(c.item_id);
      }
    }
    for (const std::string& id : removed) add_item(id, nullptr);
  }
  out["items"] = std::move(items);
  // Compact: with long histories, indentation is most of the file. The history stage hands
  // over text only; `replace` keeps dump() from throwing should a byte slip through.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace trustpage
