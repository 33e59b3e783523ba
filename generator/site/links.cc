#include "site/links.h"

#include <filesystem>

#include "render/url.h"
#include "site/routes.h"

namespace trustpage {

ContentLinks::ContentLinks(const Content& content) {
  for (const Checklist& c : content.checklists) {
    Target checklist{checklist_route("", c), true};
    targets_["checklists/" + c.id + "/checklist.yaml"] = checklist;
    targets_["checklists/" + c.id] = checklist;
    for (const Section& s : c.sections) {
      for (const Item& item : s.items) targets_[item.path] = {item_route("", c, item), true};
    }
  }
  for (const Page& p : content.pages) targets_[p.path] = {page_route("", p), true};
  for (const Document& d : content.documents) {
    targets_["documents/" + d.path] = {document_route(d.path), false};
  }
}

Result<std::string> ContentLinks::resolve(const std::string& from_file,
                                          const std::string& destination, const std::string& prefix,
                                          const std::string& from_route) const {
  if (destination.empty() || destination[0] == '#' || destination.rfind("//", 0) == 0) {
    return destination;
  }
  size_t cut = destination.find_first_of("?#");
  std::string path = destination.substr(0, cut);
  std::string fragment = cut == std::string::npos ? "" : destination.substr(cut);
  if (fragment.rfind('?', 0) == 0)
    fragment = fragment.substr(fragment.find('#') == std::string::npos ? fragment.size()
                                                                       : fragment.find('#'));

  namespace fs = std::filesystem;
  fs::path base = path.rfind('/', 0) == 0 ? fs::path() : fs::path(from_file).parent_path();
  std::string resolved =
      (base / fs::path(path).relative_path()).lexically_normal().generic_string();
  while (!resolved.empty() && resolved.back() == '/') resolved.pop_back();

  auto it = targets_.find(resolved);
  if (it == targets_.end()) {
    return Status::Error("link to \"" + destination + "\" points to " +
                         (resolved.rfind("..", 0) == 0
                              ? "a file outside content/"
                              : "content/" + resolved + ", which is not published") +
                         " — link to an item's .md file, pages/*.md or a file under documents/, "
                         "as a path from this file");
  }
  std::string route = (it->second.localized ? prefix : "") + it->second.route;
  return relative_url(from_route, route + fragment);
}

}  // namespace trustpage
