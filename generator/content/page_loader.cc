// pages/<slug>.md: free pages with a small front matter.
#include "content/front_matter.h"
#include "content/load_context.h"

namespace trustpage::content_detail {
namespace {

std::optional<Page> load_page(LoadContext& context, const std::string& path,
                              std::string_view slug) {
  std::optional<TextFile> file = context.read_text(path);
  if (!file) return std::nullopt;
  Result<FrontMatter> front =
      split_front_matter(*file, "\"title: ...\" (optionally summary and order)");
  if (!front.ok()) {
    context.diagnostics.add(front.status());
    return std::nullopt;
  }
  YamlText yaml{&*file, front->yaml_offset};
  std::optional<YAML::Node> root = parse_yaml(yaml, front->yaml, context.diagnostics);
  if (!root) return std::nullopt;
  MapReader map(yaml, *root, file->at_line(1), "a page", {"title", "summary", "order"},
                context.diagnostics);
  if (!map.is_map()) return std::nullopt;
  Page page;
  page.slug = std::string(slug);
  page.title = map.text("title", true);
  page.summary = map.text("summary", false);
  page.order = map.integer("order", -1000000, 1000000).value_or(0);
  page.body = normalize_newlines(front->body);
  check_markdown_size(context.diagnostics, file->at_line(front->body_line), "the page text is",
                      page.body);
  page.path = path;
  page.body_line = front->body_line;
  return page;
}

}  // namespace

std::vector<Page> load_pages(LoadContext& context) {
  std::vector<Page> out;
  for (const Entry& entry : context.list("pages")) {
    std::string path = join_path("pages", entry.name);
    if (!context.check_kind(path, entry)) continue;
    if (entry.kind == EntryKind::kDirectory) {
      context.diagnostics.error(
          context.at_path(path),
          "unexpected folder — pages are files directly in pages/, named <slug>.md");
      continue;
    }
    if (!entry.name.ends_with(".md")) {
      context.diagnostics.error(context.at_path(path),
                                "this is not a page — page files end in .md (attachments go in "
                                "documents/)");
      continue;
    }
    context.check_name(path, entry.name);
    std::string_view slug(entry.name);
    slug.remove_suffix(3);
    try {
      if (auto page = load_page(context, path, slug)) out.push_back(std::move(*page));
    } catch (const std::exception& e) {  // yaml-cpp: no exception leaves the library
      context.diagnostics.error(context.at_path(path), std::string("cannot read: ") + e.what());
    }
  }
  return out;
}

}  // namespace trustpage::content_detail
