// documents/**: attachments published byte for byte.
#include "content/load_context.h"
#include "source/source.h"

namespace trustpage::content_detail {
namespace {

// What `git lfs` commits in place of a tracked file when the file itself is not fetched.
constexpr std::string_view kLfsPointer = "version https://git-lfs.github.com/spec/v1";

// The types published under documents/, by extension (any case). An allowlist, because a
// refusal list always misses one: a static host serves .xht, .xhtm, .svgz, .shtml … as a
// page or script, which would then run on the trust center's own origin (its pages, its
// links, its verify page). These are shown, downloaded or opened by another program.
constexpr std::string_view kPublishedTypes[] = {
    "pdf",  "png",  "jpg",  "jpeg", "gif", "webp", "txt", "md",  "csv", "tsv",    "json",
    "xlsx", "docx", "pptx", "odt",  "ods", "odp",  "zip", "asc", "sig", "minisig"};

std::string lowercase_extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string extension;
  for (char c : name.substr(dot + 1)) {
    extension += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return extension;
}

bool is_published_type(std::string_view name) {
  std::string extension = lowercase_extension(name);
  for (std::string_view type : kPublishedTypes) {
    if (extension == type) return true;
  }
  return false;
}

std::string published_types() {
  std::string out;
  for (std::string_view type : kPublishedTypes) {
    if (!out.empty()) out += ", ";
    out += type;
  }
  return out;
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
    if (!is_published_type(entry.name)) {
      context.diagnostics.error(
          context.at_path(path),
          shown + " is not a type documents/ publishes (" + published_types() +
              "): a browser could run another type as a web page on the trust center's own "
              "site — convert it to one of these (PDF, say), or link to it with an https URL");
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
