// documents/**: attachments published byte for byte.
#include "content/load_context.h"
#include "source/source.h"

namespace trustpage::content_detail {
namespace {

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
    // Known even when refused above, so evidence naming it does not report it missing too.
    context.documents.insert(document);
    Result<std::string> bytes = context.source.read(path);
    if (!bytes.ok()) {
      context.diagnostics.add(bytes.status());
      continue;
    }
    out.push_back({document, std::move(bytes).value()});
  }
}

}  // namespace

std::vector<Document> load_documents(LoadContext& context) {
  std::vector<Document> out;
  walk(context, "documents", "", out);
  return out;
}

}  // namespace trustpage::content_detail
