// documents/**: attachments published byte for byte.
#include "content/load_context.h"
#include "source/source.h"

namespace trustpage::content_detail {
namespace {

// What `git lfs` commits in place of a tracked file when the file itself is not fetched.
constexpr std::string_view kLfsPointer = "version https://git-lfs.github.com/spec/v1";

// Extensions a browser renders as a page or runs as script. Published under the trust
// center's own origin, such a file could script that origin (its pages, its links), so it
// is refused whatever it contains.
bool is_active_content(std::string_view name) {
  static constexpr std::string_view kActive[] = {".html", ".htm", ".xhtml", ".shtml", ".svg",
                                                 ".svgz", ".xml", ".xsl",   ".js",    ".mjs"};
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string extension;
  for (char c : name.substr(dot)) {
    extension += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view active : kActive) {
    if (extension == active) return true;
  }
  return false;
}

void walk(LoadContext& context, const std::string& dir, const std::string& relative,
          std::vector<Document>& out) {
  for (const Entry& entry : context.list(dir)) {
    std::string path = join_path(dir, entry.name);
    std::string document = join_path(relative, entry.name);
    if (!context.check_kind(path, entry)) continue;
    context.check_name(path, entry.name);
    if (entry.kind == EntryKind::kDirectory) {
      walk(context, path, document, out);
      continue;
    }
    // Known even when refused, so evidence naming it does not report it missing too.
    context.documents.insert(document);
    std::string shown = context.source.display_path(path);
    bool refused = false;
    if (is_active_content(entry.name)) {
      context.diagnostics.error(context.at_path(path),
                                shown +
                                    " would run as a web page on the trust center's own site; "
                                    "publish it as PDF, or link to it with an https URL");
      refused = true;
    }
    Result<std::string> bytes = context.source.read(path);
    if (!bytes.ok()) {
      context.diagnostics.add(bytes.status());
      continue;
    }
    if (bytes->starts_with(kLfsPointer)) {
      context.diagnostics.error(context.at_path(path),
                                shown +
                                    " is a Git LFS pointer: the file itself is not committed — "
                                    "run `git lfs pull` before building, or commit the file "
                                    "without LFS");
      refused = true;
    }
    if (!refused) out.push_back({document, std::move(bytes).value()});
  }
}

}  // namespace

std::vector<Document> load_documents(LoadContext& context) {
  std::vector<Document> out;
  walk(context, "documents", "", out);
  return out;
}

}  // namespace trustpage::content_detail
