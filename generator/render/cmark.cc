#include "render/cmark.h"

#include <cmark-gfm-core-extensions.h>

#include <string>

namespace trustpage::cmark {

Result<Parsed> parse(std::string_view markdown, std::initializer_list<const char*> extensions) {
  // ensure_registered() guards itself with a plain flag, not a lock; a function-local
  // static makes the first call thread-safe.
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;

  ParserPtr parser(cmark_parser_new(CMARK_OPT_VALIDATE_UTF8));
  if (!parser) return Status::Error("cmark-gfm could not create a parser");
  for (const char* name : extensions) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension == nullptr || !cmark_parser_attach_syntax_extension(parser.get(), extension)) {
      return Status::Error(std::string("cmark-gfm extension \"") + name + "\" is not available");
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr root(cmark_parser_finish(parser.get()));
  if (!root) return Status::Error("cmark-gfm could not parse the Markdown");
  return Parsed{std::move(parser), std::move(root)};
}

}  // namespace trustpage::cmark
