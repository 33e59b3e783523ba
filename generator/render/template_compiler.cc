#include "render/template_compiler.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "render/html5.h"

namespace trustpage {

namespace {

constexpr std::string_view kNamespaceUri = "urn:trustpage:template";
constexpr std::string_view kPrefix = "tp:";
constexpr std::string_view kAttrPrefix = "tp:attr-";
// Deep enough for any sane theme, shallow enough to stop a partial including itself.
constexpr int kMaxIncludeDepth = 16;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDirective(std::string_view name) {
  return name.starts_with(kPrefix);
}

bool IsXmlns(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:");
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsText(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

std::string Quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// Attributes whose value is a URL: a value put there must not carry javascript: & co.
bool IsUrlAttribute(const std::string& lower_name) {
  static const char* const kNames[] = {"href", "src",      "action",   "formaction", "poster",
                                       "cite", "data",     "srcset",   "background", "ping",
                                       "icon", "manifest", "longdesc", "codebase",   "xlink:href"};
  return std::find(std::begin(kNames), std::end(kNames), lower_name) != std::end(kNames);
}

// Attributes whose value is code or markup: escaping cannot make a value safe there.
bool IsScriptAttribute(const std::string& lower_name) {
  return (lower_name.starts_with("on") && lower_name != "open") || lower_name == "srcdoc";
}

// The directives on one element, split by kind.
struct Directives {
  const char* each = nullptr;
  const char* if_ = nullptr;
  const char* unless = nullptr;
  const char* include = nullptr;
  const char* href = nullptr;
  const char* src = nullptr;
  const char* text = nullptr;
  const char* html = nullptr;
  std::vector<std::pair<std::string, const char*>> attrs;  // NAME of tp:attr-NAME, path

  bool sets_attributes() const { return href || src || !attrs.empty(); }
};

class Compiler {
 public:
  explicit Compiler(const TemplateFileLoader& load) : load_(load) {}

  Result<TemplateProgram> run(const std::string& layout_name, const std::string& body_name) {
    if (body_name.empty()) return Status::Error("no page template given to insert at <tp:body/>");
    Result<std::shared_ptr<const TemplateFile>> layout = load_(layout_name);
    if (!layout.ok()) return layout.status();
    Result<std::shared_ptr<const TemplateFile>> body = load_(body_name);
    if (!body.ok()) return body.status();
    body_ = body->get();
    program_.layout = layout_name;

    for (const pugi::xml_node& child : (*layout)->doc.children()) {
      if (Status s = node(**layout, child); !s.ok()) return s;
    }
    if (bodies_ == 0) {
      return Status::Error(Location{layout_name},
                           "the layout never reached <tp:body/>, so the page would be empty");
    }
    return std::move(program_);
  }

 private:
  // ---- emitting ---------------------------------------------------------------------

  // HTML known at compile time. Runs merge, but never across the end of a tp:if or
  // tp:each, where a jump lands.
  void literal(std::string_view html) {
    if (html.empty()) return;
    if (program_.ops.size() > barrier_ && program_.ops.back().kind == Op::Kind::kLiteral) {
      program_.ops.back().text += html;
      return;
    }
    Op op;
    op.kind = Op::Kind::kLiteral;
    op.text = std::string(html);
    program_.ops.push_back(std::move(op));
  }

  size_t emit(Op op) {
    program_.ops.push_back(std::move(op));
    return program_.ops.size() - 1;
  }

  // The op at `at` continues at whatever comes next.
  void land(size_t at) {
    program_.ops[at].next = program_.ops.size();
    barrier_ = program_.ops.size();
  }

  size_t site(const TemplateFile& t, const pugi::xml_node& node, std::string directive,
              std::string path) {
    program_.sites.push_back(Site{t.where(node), std::move(directive), std::move(path)});
    return program_.sites.size() - 1;
  }

  // Resolves the head of `path` against the enclosing tp:each names (innermost first),
  // then the page's variables, once per template rather than once per use.
  Result<size_t> path(const TemplateFile& t, const pugi::xml_node& node, std::string_view directive,
                      std::string_view text) {
    if (text.empty()) {
      return Status::Error(t.where(node),
                           std::string(directive) + "=" + Quoted(text) + ": needs a variable path");
    }
    ValuePath resolved;
    size_t dot = text.find('.');
    const std::string_view head = text.substr(0, dot);
    bool found = false;
    for (size_t depth = frames_.size(); depth-- > 0 && !found;) {
      const std::string& name = frames_[depth];
      found = true;
      resolved.frame = depth;
      if (head == name) {
        resolved.root = ValuePath::Root::kEntry;
      } else if (head.size() > name.size() + 1 && head.starts_with(name) &&
                 head[name.size()] == '_') {
        const std::string_view suffix = head.substr(name.size() + 1);
        if (suffix == "index") {
          resolved.root = ValuePath::Root::kIndex;
        } else if (suffix == "first") {
          resolved.root = ValuePath::Root::kFirst;
        } else if (suffix == "last") {
          resolved.root = ValuePath::Root::kLast;
        } else {
          found = false;
        }
      } else {
        found = false;
      }
    }
    if (!found) {
      resolved.root = ValuePath::Root::kVariable;
      resolved.frame = 0;
      resolved.head = std::string(head);
    }
    while (dot != std::string_view::npos) {
      const size_t next = text.find('.', dot + 1);
      resolved.keys.emplace_back(text.substr(dot + 1, next - dot - 1));
      dot = next;
    }
    program_.paths.push_back(std::move(resolved));
    return program_.paths.size() - 1;
  }

  // An op reading the value at `path_text` for `directive`.
  Result<Op> read(Op::Kind kind, const TemplateFile& t, const pugi::xml_node& node,
                  const std::string& directive, const char* path_text) {
    Result<size_t> p = path(t, node, directive, path_text);
    if (!p.ok()) return p.status();
    Op op;
    op.kind = kind;
    op.path = *p;
    op.site = site(t, node, directive, path_text);
    return op;
  }

  // ---- nodes ------------------------------------------------------------------------

  Status node(const TemplateFile& t, const pugi::xml_node& n) {
    if (n.type() == pugi::node_element) return element(t, n, false);
    if (IsText(n)) {
      if (raw_) {
        literal(n.value());
      } else {
        std::string escaped;
        append_escaped_text(escaped, n.value());
        literal(escaped);
      }
    }
    // Doctype, comments, processing instructions: the page gets its own doctype.
    return Status::Ok();
  }

  Status children(const TemplateFile& t, const pugi::xml_node& n) {
    for (const pugi::xml_node& child : n.children()) {
      if (Status s = node(t, child); !s.ok()) return s;
    }
    return Status::Ok();
  }

  // Body and partials contribute their root's children; directives on that root would be
  // silently ignored, so they are refused.
  Status root_children(const TemplateFile& t) {
    const pugi::xml_node root = t.doc.document_element();
    for (const pugi::xml_attribute& attr : root.attributes()) {
      if (std::string_view(attr.name()) == "xmlns:tp" && attr.value() != kNamespaceUri) {
        return Status::Error(t.where(root), "xmlns:tp must be " + Quoted(kNamespaceUri));
      }
      if (IsDirective(attr.name())) {
        return Status::Error(t.where(root), std::string(attr.name()) +
                                                " on a template's root element has no effect; "
                                                "put it on an element inside");
      }
    }
    return children(t, root);
  }

  Status collect(const TemplateFile& t, const pugi::xml_node& n, Directives& d) {
    for (const pugi::xml_attribute& attr : n.attributes()) {
      const std::string_view name = attr.name();
      if (name == "xmlns:tp" && attr.value() != kNamespaceUri) {
        return Status::Error(t.where(n), "xmlns:tp must be " + Quoted(kNamespaceUri));
      }
      if (!IsDirective(name)) continue;
      const char* value = attr.value();
      if (name == "tp:each") {
        d.each = value;
      } else if (name == "tp:if") {
        d.if_ = value;
      } else if (name == "tp:unless") {
        d.unless = value;
      } else if (name == "tp:include") {
        d.include = value;
      } else if (name == "tp:href") {
        d.href = value;
      } else if (name == "tp:src") {
        d.src = value;
      } else if (name == "tp:text") {
        d.text = value;
      } else if (name == "tp:html") {
        d.html = value;
      } else if (name.starts_with(kAttrPrefix) && name.size() > kAttrPrefix.size()) {
        d.attrs.emplace_back(std::string(name.substr(kAttrPrefix.size())), value);
      } else {
        return Status::Error(t.where(n), "unknown directive " + std::string(name));
      }
    }
    if (d.text && d.html) {
      return Status::Error(t.where(n), "tp:text and tp:html both replace the children; use one");
    }
    if (d.include && (d.text || d.html || d.sets_attributes())) {
      return Status::Error(t.where(n),
                           "tp:include replaces the whole element, so its tp:text, tp:html, "
                           "tp:attr-*, tp:href and tp:src would be lost");
    }
    return Status::Ok();
  }

  Status element(const TemplateFile& t, const pugi::xml_node& n, bool each_done) {
    const std::string_view name = n.name();
    if (name == "tp:body") return body(t, n);
    const bool block = name == "tp:block";
    if (IsDirective(name) && !block) {
      return Status::Error(t.where(n), "unknown element <" + std::string(name) + ">");
    }
    Directives d;
    if (Status s = collect(t, n, d); !s.ok()) return s;
    if (d.each && !each_done) return each(t, n, d.each);
    ++elements_;

    std::vector<size_t> conditions;
    for (const auto& [kind, directive, value] :
         {std::tuple{Op::Kind::kIf, "tp:if", d.if_},
          std::tuple{Op::Kind::kUnless, "tp:unless", d.unless}}) {
      if (!value) continue;
      Result<Op> op = read(kind, t, n, directive, value);
      if (!op.ok()) return op.status();
      conditions.push_back(emit(std::move(*op)));
    }
    Status s = d.include ? include(t, n, d.include) : content(t, n, d, block);
    if (!s.ok()) return s;
    for (size_t at : conditions) land(at);
    return Status::Ok();
  }

  Status content(const TemplateFile& t, const pugi::xml_node& n, const Directives& d, bool block) {
    const std::string_view name = n.name();
    if (block) {
      if (d.sets_attributes() || has_static_attributes(n)) {
        return Status::Error(t.where(n), "<tp:block> leaves no element behind to carry attributes");
      }
      return fill(t, n, d);
    }
    if (raw_) {
      return Status::Error(
          t.where(n), "<" + raw_element_ + "> can only hold text, not <" + std::string(name) + ">");
    }
    const bool is_void = is_void_element(name);
    if (is_void) {
      bool has_content = d.text || d.html;
      for (const pugi::xml_node& child : n.children()) {
        has_content = has_content || IsText(child) || child.type() == pugi::node_element;
      }
      if (has_content) {
        return Status::Error(
            t.where(n), "<" + std::string(name) + "> is a void element and cannot have content");
      }
    }
    const bool raw = is_raw_text_element(name);
    if (raw && d.html) {
      return Status::Error(t.where(n),
                           "<" + std::string(name) + "> can only hold text, not markup (tp:html)");
    }

    literal("<" + std::string(name));
    if (Status s = attributes(t, n, d); !s.ok()) return s;
    literal(">");
    if (is_void) return Status::Ok();

    const bool pre = drops_leading_newline(name);
    Op begin;
    begin.kind = raw ? Op::Kind::kRawBegin : Op::Kind::kPreBegin;
    if (raw || pre) emit(begin);
    if (raw) {
      raw_ = true;
      raw_element_ = std::string(name);
    }
    Status s = fill(t, n, d);
    raw_ = false;
    if (!s.ok()) return s;
    if (raw) {
      Op end;
      end.kind = Op::Kind::kRawEnd;
      end.text = std::string(name);
      end.site = site(t, n, "", "");
      emit(std::move(end));
    } else if (pre) {
      Op end;
      end.kind = Op::Kind::kPreEnd;
      emit(std::move(end));
    }
    literal("</" + std::string(name) + ">");
    return Status::Ok();
  }

  Status fill(const TemplateFile& t, const pugi::xml_node& n, const Directives& d) {
    if (d.text) {
      Result<Op> op = read(raw_ ? Op::Kind::kRawText : Op::Kind::kText, t, n, "tp:text", d.text);
      if (!op.ok()) return op.status();
      emit(std::move(*op));
      return Status::Ok();
    }
    if (d.html) {
      if (raw_) {
        return Status::Error(t.where(n),
                             "<" + raw_element_ + "> can only hold text, not markup (tp:html)");
      }
      Result<Op> op = read(Op::Kind::kHtml, t, n, "tp:html", d.html);
      if (!op.ok()) return op.status();
      emit(std::move(*op));
      return Status::Ok();
    }
    return children(t, n);
  }

  static bool has_static_attributes(const pugi::xml_node& n) {
    for (const pugi::xml_attribute& attr : n.attributes()) {
      const std::string_view name = attr.name();
      if (!IsDirective(name) && name != "xmlns:tp") return true;
    }
    return false;
  }

  // Static attributes are written ahead of time; an element with attributes from variables
  // gets a kAttributes op holding them all, in order.
  Status attributes(const TemplateFile& t, const pugi::xml_node& n, const Directives& d) {
    std::vector<AttributeSlot> slots;
    for (const pugi::xml_attribute& attr : n.attributes()) {
      if (IsDirective(attr.name()) || IsXmlns(attr.name())) continue;
      slots.push_back({AttributeSlot::Kind::kStatic, attr.name(), attr.value()});
    }
    if (!d.sets_attributes()) {
      std::string html;
      for (const AttributeSlot& slot : slots) {
        html += ' ' + slot.name + "=\"";
        append_escaped_attribute(html, slot.value);
        html += '"';
      }
      literal(html);
      return Status::Ok();
    }
    for (const auto& [name, path_text] : d.attrs) {
      const std::string directive = std::string(kAttrPrefix) + name;
      const std::string lower = Lower(name);
      if (IsScriptAttribute(lower)) {
        return Status::Error(t.where(n),
                             directive + ": " + name + " holds code, so it cannot take a value");
      }
      Result<size_t> p = path(t, n, directive, path_text);
      if (!p.ok()) return p.status();
      // Not made relative (that is what tp:href is for), but never javascript: and the like.
      const auto kind =
          IsUrlAttribute(lower) ? AttributeSlot::Kind::kSafeUrl : AttributeSlot::Kind::kValue;
      slots.push_back({kind, name, "", *p, site(t, n, directive, path_text)});
    }
    for (const auto& [name, path_text] : {std::pair{"href", d.href}, std::pair{"src", d.src}}) {
      if (!path_text) continue;
      const std::string directive = std::string("tp:") + name;
      Result<size_t> p = path(t, n, directive, path_text);
      if (!p.ok()) return p.status();
      slots.push_back(
          {AttributeSlot::Kind::kRoute, name, "", *p, site(t, n, directive, path_text)});
    }
    program_.attribute_sets.push_back(std::move(slots));
    Op op;
    op.kind = Op::Kind::kAttributes;
    op.attributes = program_.attribute_sets.size() - 1;
    emit(std::move(op));
    return Status::Ok();
  }

  Status each(const TemplateFile& t, const pugi::xml_node& n, std::string_view spec) {
    // "x in path"
    std::vector<std::string_view> words;
    for (size_t i = 0; i < spec.size();) {
      const size_t begin = spec.find_first_not_of(" \t\n", i);
      if (begin == std::string_view::npos) break;
      const size_t end = std::min(spec.find_first_of(" \t\n", begin), spec.size());
      words.push_back(spec.substr(begin, end - begin));
      i = end;
    }
    const auto valid_name = [](std::string_view name) {
      return !name.empty() &&
             (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
             std::all_of(name.begin(), name.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
             });
    };
    if (words.size() != 3 || words[1] != "in" || !valid_name(words[0])) {
      return Status::Error(t.where(n), "tp:each=" + Quoted(spec) + " must read \"name in path\"");
    }
    Result<Op> op = read(Op::Kind::kEach, t, n, "tp:each", std::string(words[2]).c_str());
    if (!op.ok()) return op.status();
    op->text = std::string(spec);
    op->frame = frames_.size();
    const size_t at = emit(std::move(*op));
    const size_t elements_before = elements_;
    frames_.emplace_back(words[0]);
    program_.max_depth = std::max(program_.max_depth, frames_.size());
    barrier_ = program_.ops.size();
    Status s = element(t, n, true);
    frames_.pop_back();
    if (!s.ok()) return s;
    program_.ops[at].elements = elements_ - elements_before;
    land(at);
    return Status::Ok();
  }

  Status include(const TemplateFile& t, const pugi::xml_node& n, std::string_view name) {
    const std::string where = "tp:include=" + Quoted(name);
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name == ".." || name.starts_with("../") || name.find("/../") != std::string_view::npos ||
        name.ends_with("/..")) {
      return Status::Error(t.where(n), where + ": name a file inside the templates folder");
    }
    if (depth_ >= kMaxIncludeDepth) {
      return Status::Error(t.where(n), where + ": includes nest deeper than " +
                                           std::to_string(kMaxIncludeDepth) +
                                           " levels; does a partial include itself?");
    }
    Result<std::shared_ptr<const TemplateFile>> partial = load_(std::string(name));
    if (!partial.ok()) {
      // A missing file is the including line's fault; a broken one is the partial's.
      if (partial.status().where().line > 0) return partial.status();
      return Status::Error(t.where(n), where + ": " + partial.status().message());
    }
    ++depth_;
    Status s = root_children(**partial);
    --depth_;
    return s;
  }

  Status body(const TemplateFile& t, const pugi::xml_node& n) {
    if (in_body_) {
      return Status::Error(t.where(n), "<tp:body/> belongs in the layout, not in a page template");
    }
    if (bodies_ > 0 || !frames_.empty()) {
      return Status::Error(t.where(n), "the layout reaches <tp:body/> more than once");
    }
    for (const pugi::xml_attribute& attr : n.attributes()) {
      if (!std::string_view(attr.name()).starts_with("xmlns")) {
        return Status::Error(t.where(n),
                             "<tp:body/> takes no attributes; wrap it in "
                             "<tp:block> for tp:if and the like");
      }
    }
    for (const pugi::xml_node& child : n.children()) {
      if (child.type() == pugi::node_element || (IsText(child) && !IsBlank(child.value()))) {
        return Status::Error(t.where(n), "<tp:body/> must be empty");
      }
    }
    ++bodies_;
    Op reached;
    reached.kind = Op::Kind::kBody;
    emit(reached);
    in_body_ = true;
    Status s = root_children(*body_);
    in_body_ = false;
    return s;
  }

  const TemplateFileLoader& load_;
  TemplateProgram program_;
  const TemplateFile* body_ = nullptr;
  std::vector<std::string> frames_;  // the names tp:each binds, outermost first
  size_t barrier_ = 0;               // literals never merge into ops before this one
  int depth_ = 0;                    // include nesting
  size_t elements_ = 0;              // elements compiled so far
  int bodies_ = 0;
  bool in_body_ = false;
  bool raw_ = false;  // inside script/style: text is written as it is, and checked at the end
  std::string raw_element_;
};

}  // namespace

Result<TemplateProgram> compile_template(const std::string& layout, const std::string& body,
                                         const TemplateFileLoader& load) {
  return Compiler(load).run(layout, body);
}

}  // namespace trustpage
