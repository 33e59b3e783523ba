// checklists/<checklist>/<section>/<no>-<slug>.md: one answered item per file.
#include <algorithm>

#include "content/calendar.h"
#include "content/front_matter.h"
#include "content/load_context.h"
#include "content/names.h"
#include "content/suggest.h"
#include "content/urls.h"

namespace trustpage::content_detail {
namespace {

std::vector<std::string_view> status_names(const std::vector<AnswerStatus>& statuses) {
  std::vector<std::string_view> names;
  for (AnswerStatus status : statuses) names.push_back(to_string(status));
  return names;
}

void check_id(LoadContext& context, MapReader& map, const std::string& id) {
  if (id.empty()) return;
  Location at = map.value_at("id");
  if (!is_valid_name(id)) {
    std::string message = "id \"" + id + "\" " + std::string(kNameRule);
    std::string better = suggest_name(id);
    if (is_valid_name(better)) message += " — use e.g. \"" + better + "\"";
    context.diagnostics.error(at, message);
  }
  auto [first, inserted] = context.item_ids.emplace(id, at);
  if (!inserted) {
    context.diagnostics.error(at, "duplicate id \"" + id + "\" — also used in " +
                                      first->second.to_string() +
                                      "; ids must be unique across all checklists: give one of "
                                      "them a new id");
  }
}

std::optional<AnswerStatus> read_status(MapReader& map, const std::string& text,
                                        const std::vector<AnswerStatus>& scale,
                                        const std::string& checklist_yaml) {
  if (text.empty()) return std::nullopt;
  Location at = map.value_at("status");
  std::optional<AnswerStatus> status = parse_answer_status(text);
  if (!status) {
    std::vector<std::string_view> allowed = status_names(all_answer_statuses());
    std::string message = "unknown status \"" + text + "\" — allowed statuses are " + join(allowed);
    if (auto guess = did_you_mean(text, allowed)) message += "; did you mean \"" + *guess + "\"?";
    map.diagnostics().error(at, message);
    return std::nullopt;
  }
  if (std::find(scale.begin(), scale.end(), *status) == scale.end()) {
    map.diagnostics().error(at, "status \"" + text + "\" is not in this checklist's scale (" +
                                    join(status_names(scale)) + ") — use one of those, or add " +
                                    text + " to \"scale\" in " + checklist_yaml);
    return std::nullopt;
  }
  return status;
}

void check_evidence(LoadContext& context, MapReader& map, const YAML::Node& element,
                    const std::string& evidence) {
  Location at = map.yaml().at(element.Mark(), map.value_at("evidence"));
  LinkCheck check = check_link(evidence);
  if (!check.kind) {
    context.diagnostics.error(at, "evidence \"" + evidence + "\" " + check.problem);
    return;
  }
  if (*check.kind != LinkKind::kRelative) return;
  constexpr std::string_view kDocuments = "documents/";
  std::string documents = context.source.display_path("documents");
  if (evidence.starts_with(kDocuments)) {
    if (!context.documents.contains(evidence.substr(kDocuments.size()))) {
      context.diagnostics.error(at, "evidence \"" + evidence + "\" does not exist — add the file " +
                                        "under " + documents + "/, or fix the path");
    }
    return;
  }
  std::string message = "evidence \"" + evidence +
                        "\" is neither a link (https://, http://, mailto:) nor a path under "
                        "documents/ — write a full URL, or documents/<file> for a file in " +
                        documents + "/";
  if (context.documents.contains(evidence))
    message += "; did you mean \"documents/" + evidence + "\"?";
  context.diagnostics.error(at, message);
}

// Warns about an old `reviewed` date and returns whether it is stale: Item::stale is this
// result, so the site's badge and the warning can never disagree.
bool check_stale(LoadContext& context, MapReader& map, const Date& reviewed) {
  const Date& today = context.options.today;
  if (today.year < 1 || today.month < 1) return false;  // no reference date: nothing is stale
  int months = context.stale_after_months;
  if (!(reviewed < months_before(today, months))) return false;
  context.diagnostics.warning(map.value_at("reviewed"),
                              "reviewed " + reviewed.iso() + " is older than " +
                                  std::to_string(months) +
                                  " months — confirm the answer and update `reviewed`");
  return true;
}

// Two items of one checklist numbered alike is probably a copy-paste slip, but sheets do
// repeat numbers (sub-items), so it is a warning. Numbers that sort as equal ("05", "5")
// count as the same.
void check_no(LoadContext& context, MapReader& map, const std::string& no) {
  if (no.empty()) return;
  Location at = map.value_at("no");
  auto [first, inserted] = context.item_nos.emplace(no, ItemNo{no, at});
  if (inserted) return;
  std::string message = "no \"" + no + "\" is also used by " + first->second.where.file + ":" +
                        std::to_string(first->second.where.line);
  if (first->second.text != no) message += " (as \"" + first->second.text + "\")";
  message += " — check the numbering";
  context.diagnostics.warning(at, message);
}

// Absent, empty or text: a value whose wrong type has not been reported yet.
bool is_text(MapReader& map, std::string_view key) {
  if (!map.has(key)) return true;
  YAML::Node value = map.value(key);
  return value.IsNull() || value.IsScalar();
}

}  // namespace

std::optional<Item> load_item(LoadContext& context, const std::string& path,
                              const std::vector<AnswerStatus>& scale,
                              const std::string& checklist_yaml) {
  std::optional<TextFile> file = context.read_text(path);
  if (!file) return std::nullopt;
  Result<FrontMatter> front = split_front_matter(
      *file, "the keys id, no, item, status, answer and reviewed (one \"key: value\" per line)");
  if (!front.ok()) {
    context.diagnostics.add(front.status());
    return std::nullopt;
  }
  YamlText yaml{&*file, front->yaml_offset};
  std::optional<YAML::Node> root = parse_yaml(yaml, front->yaml, context.diagnostics);
  if (!root) return std::nullopt;
  MapReader map(yaml, *root, file->at_line(1), "an item",
                {"id", "no", "category", "item", "requirement", "unit", "status", "answer",
                 "reviewed", "evidence"},
                context.diagnostics);
  if (!map.is_map()) return std::nullopt;

  Item item;
  item.id = map.text("id", true);
  check_id(context, map, item.id);
  item.no = map.text("no", true);
  check_no(context, map, item.no);
  item.category = map.text("category", false);
  item.item = map.text("item", true);
  item.requirement = map.text("requirement", false);
  item.unit = map.text("unit", false);
  // Each key is read once, so a wrong type is reported once.
  std::string status = map.text("status", false);
  item.answer = map.text("answer", false);
  bool unanswered = map.has("status") && map.has("answer") && map.has("reviewed") &&
                    status.empty() && item.answer.empty() && map.text("reviewed", false).empty();
  if (unanswered) {
    // How `trustpage init` and `import` write an item still to answer: one message per item,
    // not one per empty key, so `check` reads as the list of what is left to answer.
    map.diagnostics().error(map.value_at("status"), "not answered yet — set status (" +
                                                        join(status_names(scale)) +
                                                        "), answer and reviewed (YYYY-MM-DD)");
  } else {
    if (status.empty() && map.has("status") && !item.answer.empty()) {
      // An imported answer whose status could not be told from its text.
      map.diagnostics().error(map.value_at("status"),
                              "status not set — read the answer \"" + item.answer +
                                  "\" and set the status that matches it (" +
                                  join(status_names(scale)) + ")");
    } else if (status.empty() && is_text(map, "status")) {
      map.text("status", true);  // reports the key as missing or empty
    }
    item.status =
        read_status(map, status, scale, checklist_yaml).value_or(AnswerStatus::kUndisclosed);
    if (item.answer.empty() && is_text(map, "answer")) map.text("answer", true);
    if (!read_date(map, "reviewed", true, &item.reviewed).empty()) {
      item.stale = check_stale(context, map, item.reviewed);
    }
  }
  for (const YAML::Node& element : map.list("evidence", false, /*allow_text=*/true)) {
    std::optional<std::string> evidence = map.element_text(element, "evidence");
    if (!evidence) continue;
    check_evidence(context, map, element, *evidence);
    item.evidence.push_back(std::move(*evidence));
  }
  item.remarks = normalize_newlines(front->body);
  check_markdown_size(context.diagnostics, file->at_line(front->body_line), "remarks are",
                      item.remarks);
  item.path = path;
  item.body_line = front->body_line;
  return item;
}

}  // namespace trustpage::content_detail
