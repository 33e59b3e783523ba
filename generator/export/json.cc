// The JSON export: one checklist, every item, in the documented schema (README.md here).
#include <nlohmann/json.hpp>

#include "export/dates.h"
#include "export/export.h"
#include "site/routes.h"

namespace trustpage {
namespace {

using Json = nlohmann::ordered_json;  // keys in schema order: diffs between releases read well

Json text_or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

Json item_json(const Checklist& checklist, const Item& item, const ExportContext& context) {
  Json out;
  out["id"] = item.id;
  out["no"] = item.no;
  out["category"] = item.category;
  out["item"] = item.item;
  out["requirement"] = item.requirement;
  out["unit"] = item.unit;
  out["status"] = std::string(to_string(item.status));
  out["answer"] = item.answer;
  out["remarks"] = item.remarks;
  out["evidence"] = item.evidence;
  out["reviewed"] = item.reviewed.iso();
  auto changed = context.last_changed.find(item.id);
  out["last_changed"] =
      changed == context.last_changed.end() ? Json(nullptr) : Json(changed->second);
  out["url"] = context.site == nullptr
                   ? Json(nullptr)
                   : Json(context.site->base_url + item_route("", checklist, item));
  return out;
}

}  // namespace

std::string export_json(const Checklist& checklist, const ExportContext& context) {
  Json out;
  out["format"] = "trustpage-checklist";
  out["format_version"] = kJsonFormatVersion;
  out["generator"] = "trustpage " + context.version;
  out["commit"] = text_or_null(context.provenance.commit);
  out["published"] = text_or_null(export_detail::commit_timestamp(context.provenance));
  if (context.site != nullptr) {
    out["site"] = {{"organization", context.site->organization},
                   {"service", context.site->service},
                   {"base_url", context.site->base_url}};
  } else {
    out["site"] = nullptr;
  }
  Json scale = Json::array();
  for (AnswerStatus status : checklist.scale) scale.push_back(std::string(to_string(status)));
  out["checklist"] = {{"id", checklist.id},
                      {"title", checklist.title},
                      {"source", checklist.source},
                      {"source_url", checklist.source_url},
                      {"license", checklist.license},
                      {"scale", scale},
                      {"url", context.site == nullptr
                                  ? Json(nullptr)
                                  : Json(context.site->base_url + checklist_route("", checklist))}};
  Json sections = Json::array();
  for (const Section& section : checklist.sections) {
    Json items = Json::array();
    for (const Item& item : section.items) items.push_back(item_json(checklist, item, context));
    sections.push_back({{"id", section.id}, {"title", section.title}, {"items", items}});
  }
  out["sections"] = sections;
  // Content is validated UTF-8; "replace" only keeps a library exception from ever escaping.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace trustpage
