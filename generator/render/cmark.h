// cmark-gfm behind RAII handles, and parsing with GFM extensions: shared by the HTML
// renderer (render/markdown.cc) and the PDF's Markdown reader (pdf/markdown_paragraphs.cc).
#pragma once

#include <cmark-gfm.h>

#include <initializer_list>
#include <memory>
#include <string_view>

#include "common/status.h"

namespace trustpage::cmark {

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
// Rendered strings come from cmark's default allocator and must go back to it.
struct StringFree {
  void operator()(char* text) const { cmark_get_default_mem_allocator()->free(text); }
};

using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;
using StringPtr = std::unique_ptr<char, StringFree>;

struct Parsed {
  ParserPtr parser;  // owns the extension list the HTML renderer needs
  NodePtr root;
};

// Parses with CMARK_OPT_VALIDATE_UTF8 (invalid UTF-8 becomes U+FFFD) and the named GFM
// extensions ("table", "autolink", …). Fails only if cmark-gfm itself does.
Result<Parsed> parse(std::string_view markdown, std::initializer_list<const char*> extensions);

}  // namespace trustpage::cmark
