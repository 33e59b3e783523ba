// load_content: walks content/ in a fixed order and hands each part to its step.
#include "content/loader.h"

#include <algorithm>
#include <tuple>

#include "common/stage.h"
#include "content/load_context.h"
#include "content/suggest.h"

namespace trustpage {
namespace {

using content_detail::LoadContext;

struct TopLevel {
  bool site = false;
  bool checklists = false;
  bool pages = false;
  bool documents = false;
};

// The top of content/: only the four known entries (plus README.md and dotfiles, which
// are not content). Anything else is reported, since a typo such as "page/" would
// otherwise silently drop a page.
TopLevel scan_top_level(LoadContext& context) {
  static const std::vector<std::string_view> kKnown = {"site.yaml", "checklists", "pages",
                                                       "documents", "README.md"};
  TopLevel top;
  for (const Entry& entry : context.list("")) {
    const std::string& name = entry.name;
    if (name.starts_with('.')) continue;
    if (name == "README.md" && entry.kind == EntryKind::kFile) continue;
    if (!context.check_kind(name, entry)) continue;
    bool is_file = entry.kind == EntryKind::kFile;
    bool is_dir = entry.kind == EntryKind::kDirectory;
    if (name == "site.yaml" && is_file) {
      top.site = true;
    } else if (name == "checklists" && is_dir) {
      top.checklists = true;
    } else if (name == "pages" && is_dir) {
      top.pages = true;
    } else if (name == "documents" && is_dir) {
      top.documents = true;
    } else if (name == "site.yaml" || name == "README.md") {
      context.diagnostics.error(context.at_path(name), name + " must be a file, not a folder");
    } else if (name == "checklists" || name == "pages" || name == "documents") {
      context.diagnostics.error(context.at_path(name), name + " must be a folder, not a file");
    } else {
      std::string message = "unexpected " + std::string(is_dir ? "folder" : "file") + " \"" + name +
                            "\" — the content folder holds only site.yaml, checklists/, pages/ "
                            "and documents/ (and README.md); rename, move or delete it";
      if (auto guess = content_detail::did_you_mean(name, kKnown)) {
        message += "; did you mean \"" + *guess + "\"?";
      }
      context.diagnostics.error(context.at_path(name), message);
    }
  }
  if (!top.site) {
    context.diagnostics.error(context.at_path("site.yaml"),
                              context.source.display_path("site.yaml") +
                                  " is missing — create it with at least organization, service "
                                  "and base_url");
  }
  return top;
}

void load_all(LoadContext& context, Content& content) {
  TopLevel top = scan_top_level(context);
  if (top.site) {
    try {
      content.site = content_detail::load_site(context);
    } catch (const std::exception& e) {  // yaml-cpp: no exception leaves the library
      context.diagnostics.error(context.at_path("site.yaml"),
                                std::string("cannot read: ") + e.what());
    }
  }
  context.stale_after_months =
      context.options.stale_after_months.value_or(content.site.stale_after_months);
  // Documents first: evidence in items must name one that exists.
  if (top.documents) content.documents = content_detail::load_documents(context);
  if (top.checklists) content.checklists = content_detail::load_checklists(context);
  if (top.pages) content.pages = content_detail::load_pages(context);

  std::sort(content.pages.begin(), content.pages.end(), [](const Page& a, const Page& b) {
    return std::tie(a.order, a.slug) < std::tie(b.order, b.slug);
  });
  std::sort(content.documents.begin(), content.documents.end(),
            [](const Document& a, const Document& b) { return a.path < b.path; });
}

}  // namespace

Content load_content(const Source& source, const LoadOptions& options, Diagnostics& diagnostics) {
  StageScope stage("content");
  Content content;
  content.site.languages = {"ja"};
  LoadContext context{source, options, diagnostics, {}, {}, {}, 12};
  try {
    load_all(context, content);
  } catch (const std::exception& e) {
    // Each file's YAML errors are caught where they happen; this is the last guard so
    // nothing escapes the library whatever a Source or yaml-cpp throws.
    diagnostics.error(Location{source.display_path("")},
                      std::string("internal error while reading content: ") + e.what());
  } catch (...) {
    diagnostics.error(Location{source.display_path("")}, "internal error while reading content");
  }
  diagnostics.sort();
  return content;
}

}  // namespace trustpage
