#include "render/html5.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace trustpage {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsXmlns(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:");
}

bool IsText(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

class Writer {
 public:
  // Walks the tree without recursion: deeply nested Markdown (">>>>>>...") must not be
  // able to exhaust the stack.
  Status Children(const pugi::xml_node& root) {
    pugi::xml_node cur = root.first_child();
    while (cur) {
      bool descend = false;
      if (Status s = Open(cur, descend); !s.ok()) return s;
      if (descend) {
        cur = cur.first_child();
        continue;
      }
      Close(cur);
      while (!cur.next_sibling()) {
        cur = cur.parent();
        if (cur == root) return Status::Ok();
        Close(cur);
      }
      cur = cur.next_sibling();
    }
    return Status::Ok();
  }

  std::string& out() { return out_; }

 private:
  Status Open(const pugi::xml_node& node, bool& descend) {
    if (IsText(node)) {
      append_escaped_text(out_, node.value());
      return Status::Ok();
    }
    // Comments (template notes, cmark-gfm's "raw HTML omitted"), processing instructions
    // and declarations carry nothing a reader needs.
    if (node.type() != pugi::node_element) return Status::Ok();

    const std::string_view name = node.name();
    out_ += '<';
    out_ += node.name();
    for (const pugi::xml_attribute& attr : node.attributes()) {
      if (IsXmlns(attr.name())) continue;  // HTML5 infers namespaces; xmlns is noise there
      out_ += ' ';
      out_ += attr.name();
      out_ += "=\"";
      append_escaped_attribute(out_, attr.value());
      out_ += '"';
    }
    out_ += '>';

    if (is_void_element(name)) {
      for (const pugi::xml_node& child : node.children()) {
        if (IsText(child) || child.type() == pugi::node_element) {
          return Status::Error("<" + std::string(node.name()) +
                               "> is a void element and cannot have content");
        }
      }
      return Status::Ok();
    }
    if (is_raw_text_element(name)) return RawText(node);
    if (drops_leading_newline(name)) {
      for (const pugi::xml_node& child : node.children()) {
        if (child.type() == pugi::node_element) break;
        if (!IsText(child)) continue;
        if (*child.value() == '\n') out_ += '\n';
        break;
      }
    }
    descend = static_cast<bool>(node.first_child());
    return Status::Ok();
  }

  Status RawText(const pugi::xml_node& node) {
    std::string text;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element) {
        return Status::Error("<" + std::string(node.name()) + "> can only hold text, not <" +
                             child.name() + ">");
      }
      if (IsText(child)) text += child.value();
    }
    if (Status s = check_raw_text(node.name(), text); !s.ok()) return s;
    out_ += text;
    return Status::Ok();
  }

  void Close(const pugi::xml_node& node) {
    if (node.type() != pugi::node_element || is_void_element(node.name())) return;
    out_ += "</";
    out_ += node.name();
    out_ += '>';
  }

  std::string out_;
};

}  // namespace

namespace {

// &, < and > everywhere; " too inside an attribute value (always written in double quotes).
void AppendEscaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

void append_escaped_text(std::string& out, std::string_view text) {
  AppendEscaped(out, text, false);
}

void append_escaped_attribute(std::string& out, std::string_view value) {
  AppendEscaped(out, value, true);
}

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kVoid = {
      "area",  "base", "br",   "col",    "embed", "hr", "img",
      "input", "link", "meta", "source", "track", "wbr"};
  const std::string lower = Lower(name);
  return std::find(kVoid.begin(), kVoid.end(), lower) != kVoid.end();
}

bool is_raw_text_element(std::string_view name) {
  const std::string lower = Lower(name);
  return lower == "script" || lower == "style";
}

bool drops_leading_newline(std::string_view name) {
  const std::string lower = Lower(name);
  return lower == "pre" || lower == "textarea" || lower == "listing";
}

// script and style content is not parsed for entities, so it cannot be escaped; instead
// refuse anything that would let the content end the element or change how the browser
// tokenizes it ("<!--" inside a script makes a later "</script>" not count).
Status check_raw_text(std::string_view element, std::string_view text) {
  if (text.find("</") != std::string_view::npos) {
    return Status::Error("<" + std::string(element) +
                         "> content contains \"</\", which could end the element early");
  }
  if (text.find("<!--") != std::string_view::npos) {
    return Status::Error("<" + std::string(element) +
                         "> content contains \"<!--\", which changes how browsers find its end");
  }
  return Status::Ok();
}

Result<std::string> serialize_html5(const pugi::xml_node& root) {
  Writer writer;
  writer.out() = "<!DOCTYPE html>\n";
  if (Status s = writer.Children(root); !s.ok()) return s;
  writer.out() += '\n';
  return std::move(writer.out());
}

Result<std::string> serialize_html5_fragment(const pugi::xml_node& node) {
  Writer writer;
  if (Status s = writer.Children(node); !s.ok()) return s;
  return std::move(writer.out());
}

}  // namespace trustpage
