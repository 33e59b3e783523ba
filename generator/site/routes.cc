#include "site/routes.h"

namespace trustpage {

std::string language_prefix(const Site& site, const std::string& language) {
  if (site.languages.empty() || site.languages.front() == language) return "";
  return language + "/";
}

std::string overview_route(const std::string& prefix) {
  return prefix + "index.html";
}

std::string checklist_route(const std::string& prefix, const Checklist& checklist) {
  return prefix + "checklists/" + checklist.id + "/index.html";
}

std::string item_route(const std::string& prefix, const Checklist& checklist, const Item& item) {
  return prefix + "checklists/" + checklist.id + "/items/" + item.id + ".html";
}

std::string page_route(const std::string& prefix, const Page& page) {
  return prefix + "pages/" + page.slug + ".html";
}

std::string asset_route(const std::string& asset) {
  return "assets/" + asset;
}

std::string document_route(const std::string& document) {
  return "documents/" + document;
}

std::string checklist_download_route(const Checklist& checklist, const std::string& format) {
  return "checklists/" + checklist.id + "/" + checklist.id + "." + format;
}

std::string changes_route(const std::string& prefix, std::size_t page) {
  return page <= 1 ? prefix + "changes.html"
                   : prefix + "changes-" + std::to_string(page) + ".html";
}

std::string feed_route() {
  return "changes.atom";
}

std::string history_json_route(const Checklist& checklist) {
  return "checklists/" + checklist.id + "/history.json";
}

std::string item_anchor(const Item& item) {
  return "item-" + item.id;
}

}  // namespace trustpage
