#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>  // cmark_parser_get_syntax_extensions

#include <array>
#include <cctype>
#include <memory>
#include <vector>

#include "render/cjk.h"
#include "render/cmark.h"
#include "render/url.h"

namespace trustpage {

namespace {

using cmark::IterPtr;
using cmark::Parsed;
using cmark::StringPtr;

// Safe mode (no CMARK_OPT_UNSAFE): raw HTML becomes a comment and javascript:, vbscript:,
// file: and most data: link targets become "".
constexpr int kRenderOptions = CMARK_OPT_DEFAULT;

Result<Parsed> Parse(std::string_view markdown) {
  return cmark::parse(markdown, {"table", "autolink", "strikethrough", "tagfilter"});
}

bool IsBlock(cmark_node* node) {
  return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

void EndLine(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

std::string Trim(const std::string& text) {
  const char* kSpace = " \t\r\n";
  const size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

// Checks and rewrites link and image destinations in the tree, before rendering. cmark's
// safe mode empties javascript:, vbscript:, file: and data: but lets any other scheme
// through (ms-msdt:, intent:, blob: ...): only http, https and mailto are published, the
// same rule as for URLs in YAML. Others are emptied like cmark's own, so they stay inert.
// An image from another site would be loaded by every reader's browser (a tracker, or a
// picture changed after signing), against "nothing is loaded from another site": it becomes
// a plain link to the same address, its alt text (else the address) as the link's text.
void ImageToLink(cmark_node* image) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  cmark_node_set_url(link, cmark_node_get_url(image));
  if (const char* title = cmark_node_get_title(image)) cmark_node_set_title(link, title);
  while (cmark_node* child = cmark_node_first_child(image)) {
    cmark_node_unlink(child);
    cmark_node_append_child(link, child);
  }
  if (cmark_node_first_child(link) == nullptr) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, cmark_node_get_url(image));
    cmark_node_append_child(link, text);
  }
  cmark_node_insert_before(image, link);
  cmark_node_free(image);  // unlinks it too
}

Status CheckLinks(cmark_node* root, const LinkResolver& resolve_link) {
  std::vector<cmark_node*> remote_images;
  Status status = Status::Ok();
  IterPtr iter(cmark_iter_new(root));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) {
      continue;
    }
    const char* url = cmark_node_get_url(node);
    if (url == nullptr || *url == '\0') continue;
    const Location at{"", cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
    if (!is_safe_url(url)) {
      cmark_node_set_url(node, "");
      continue;
    }
    // "//host/x.png" has no scheme but another host all the same.
    const bool remote = !url_scheme(url).empty() || std::string_view(url).starts_with("//");
    if (type == CMARK_NODE_IMAGE && remote) {
      remote_images.push_back(node);  // changed once the walk is over
      continue;
    }
    if (!resolve_link || !url_scheme(url).empty()) continue;
    Result<std::string> resolved = resolve_link(url);
    if (!resolved.ok()) {
      status = Status::Error(at, resolved.status().message());
      break;
    }
    cmark_node_set_url(node, resolved->c_str());
  }
  iter.reset();
  for (cmark_node* image : remote_images) ImageToLink(image);
  return status;
}

// Japanese is written without spaces, so the line breaks a vendor types inside a paragraph
// must vanish, not turn into the space a browser shows for a newline ("沿って、 ミナト").

// The text that ends (`last`) or starts (`!last`) an inline node, descending into emphasis
// and links: "**契約**" ends with 約.
const char* EdgeText(cmark_node* node, bool last) {
  while (node != nullptr && cmark_node_get_type(node) != CMARK_NODE_TEXT) {
    node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
  }
  return node == nullptr ? nullptr : cmark_node_get_literal(node);
}

bool BetweenCjk(cmark_node* soft_break) {
  const char* before = EdgeText(cmark_node_previous(soft_break), true);
  const char* after = EdgeText(cmark_node_next(soft_break), false);
  if (before == nullptr || after == nullptr || *before == '\0' || *after == '\0') return false;
  std::string_view b(before);
  size_t start = b.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(b[start]) & 0xC0) == 0x80) --start;
  return is_cjk(decode_utf8_at(b, start)) && is_cjk(decode_utf8_at(after, 0));
}

// Cells of a GFM table hold one line; vendors pasting from Excel write <br> for a line break
// inside a cell. Safe mode drops raw HTML, and cmark will not put a line-break node in a
// table cell, so the tag becomes a marker character that is turned into <br> in the DOM.
// The marker is a control character, which the content loader refuses in any file, so it
// can only come from here (a "&#1;" reference also decodes to it: at worst a line break).
constexpr char kBreakMarker = '\x01';

bool IsBreakTag(const char* html) {
  if (html == nullptr) return false;
  std::string tag;
  for (const char* c = html; *c; ++c) {
    if (*c != ' ' && *c != '/')
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
  }
  return tag == "<br>";
}

void MarkBreakTags(cmark_node* root) {
  std::vector<cmark_node*> tags;
  IterPtr iter(cmark_iter_new(root));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE &&
        IsBreakTag(cmark_node_get_literal(node))) {
      tags.push_back(node);
    }
  }
  for (cmark_node* tag : tags) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, std::string(1, kBreakMarker).c_str());
    cmark_node_replace(tag, text);
    cmark_node_free(tag);
  }
}

void ExpandBreakMarkers(pugi::xml_node node) {
  for (pugi::xml_node child = node.first_child(); child;) {
    pugi::xml_node next = child.next_sibling();
    if (child.type() == pugi::node_element) {
      ExpandBreakMarkers(child);
    } else if (child.type() == pugi::node_pcdata) {
      std::string text = child.value();
      size_t at = text.find(kBreakMarker);
      if (at != std::string::npos) {
        child.set_value(text.substr(0, at).c_str());
        pugi::xml_node br = node.insert_child_after("br", child);
        pugi::xml_node rest = node.insert_child_after(pugi::node_pcdata, br);
        rest.set_value(text.substr(at + 1).c_str());
        next = rest;  // it may hold more markers
      }
    }
    child = next;
  }
}

void JoinCjkLines(cmark_node* root) {
  std::vector<cmark_node*> joins;
  IterPtr iter(cmark_iter_new(root));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK &&
        BetweenCjk(node)) {
      joins.push_back(node);
    }
  }
  for (cmark_node* node : joins) cmark_node_free(node);  // unlinks, then frees
}

}  // namespace

Result<Markup> render_markdown(std::string_view markdown, const LinkResolver& resolve_link) {
  Result<Parsed> parsed = Parse(markdown);
  if (!parsed.ok()) return parsed.status();
  if (Status s = CheckLinks(parsed->root.get(), resolve_link); !s.ok()) return s;
  JoinCjkLines(parsed->root.get());
  MarkBreakTags(parsed->root.get());
  StringPtr html(cmark_render_html(parsed->root.get(), kRenderOptions,
                                   cmark_parser_get_syntax_extensions(parsed->parser.get())));
  if (!html) return Status::Error("cmark-gfm could not render the Markdown");

  Markup markup;
  std::string error;
  if (!MarkupBuilder::parse(html.get(), markup, &error)) {
    return Status::Error("rendered Markdown is not well-formed XHTML: " + error);
  }
  ExpandBreakMarkers(markup.root());
  if (Result<std::string_view> serialized = markup.html(); !serialized.ok()) {
    return serialized.status();
  }
  return markup;
}

// Walks the tree rather than using cmark's plaintext renderer, which keeps list markers
// and table pipes that have no place in a summary or a search index.
std::string markdown_to_text(std::string_view markdown) {
  Result<Parsed> parsed = Parse(markdown);
  if (!parsed.ok()) return "";
  std::string out;
  IterPtr iter(cmark_iter_new(parsed->root.get()));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER) {
      switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          if (const char* literal = cmark_node_get_literal(node)) out += literal;
          break;
        case CMARK_NODE_SOFTBREAK:
          out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          EndLine(out);
          break;
        default:
          break;  // raw HTML is dropped, like in the rendered page
      }
      continue;
    }
    // Table cells are blocks to cmark, but a row reads better as one line.
    if (std::string_view(cmark_node_get_type_string(node)) == "table_cell") {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else if (IsBlock(node)) {
      EndLine(out);
    }
  }
  return Trim(out);
}

}  // namespace trustpage
