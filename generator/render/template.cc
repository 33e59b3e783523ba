#include "render/template.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "render/html5.h"
#include "render/url.h"

namespace trustpage {

namespace {

constexpr std::string_view kNamespaceUri = "urn:trustpage:template";
constexpr std::string_view kPrefix = "tp:";
constexpr std::string_view kAttrPrefix = "tp:attr-";
// Deep enough for any sane theme, shallow enough to stop a partial including itself.
constexpr int kMaxIncludeDepth = 16;
// Elements a page may visit while rendering. A tp:each nested in another over the same list
// repeats what it holds: eleven levels over four entries are four million elements, and the
// page (and the memory holding it) grows past any use. A 10,000-item checklist page, the
// largest benchmarked, visits about 300,000.
constexpr size_t kMaxPageElements = 1'000'000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDirective(std::string_view name) {
  return name.starts_with(kPrefix);
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string Quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string TypeName(const Value& v) {
  if (v.is_string()) return "a string";
  if (v.is_bool()) return "a boolean";
  if (v.is_list()) return "a list";
  if (v.is_map()) return "a map";
  if (v.is_markup()) return "markup";
  return "empty";
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

// Elements the serializer is strict about; checked right after rendering so the error can
// name the template line.
bool NeedsSerializerCheck(std::string_view name) {
  static const char* const kNames[] = {"script", "style", "area",   "base",  "br",
                                       "col",    "embed", "hr",     "img",   "input",
                                       "link",   "meta",  "source", "track", "wbr"};
  const std::string lower = Lower(name);
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

// One template file, parsed once and then only read, so renders can share it.
struct Template {
  std::string name;
  pugi::xml_document doc;
  std::vector<size_t> line_starts;  // offsets at which each line begins

  // An element's offset is that of its name, just after the '<' the column should show.
  Location where(const pugi::xml_node& node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return where(offset > 0 ? offset - 1 : offset);
  }

  Location where(std::ptrdiff_t offset) const {
    if (offset < 0) return Location{name};
    const auto next =
        std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<size_t>(offset));
    const int line = static_cast<int>(next - line_starts.begin());
    const size_t column = static_cast<size_t>(offset) - line_starts[line - 1] + 1;
    return Location{name, line, static_cast<int>(column)};
  }
};

Result<std::shared_ptr<const Template>> ParseTemplate(const std::string& name, std::string text) {
  // Line ends are normalized here rather than by pugixml so that offsets it reports still
  // match the text the lines are counted in.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalized += text[i];
    }
  }

  auto parsed = std::make_shared<Template>();
  parsed->name = name;
  parsed->line_starts.push_back(0);
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (normalized[i] == '\n') parsed->line_starts.push_back(i + 1);
  }
  // parse_ws_pcdata keeps the space in "<a>x</a> <b>y</b>"; comments are not parsed, so
  // template notes never reach the page.
  const pugi::xml_parse_result result =
      parsed->doc.load_buffer(normalized.data(), normalized.size(),
                              pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    return Status::Error(parsed->where(result.offset),
                         std::string("malformed XML: ") + result.description());
  }
  if (!parsed->doc.document_element()) {
    return Status::Error(Location{name}, "template has no root element");
  }
  return std::shared_ptr<const Template>(std::move(parsed));
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

// A scope level created by tp:each. References into a std::deque stay valid as it grows.
struct Frame {
  std::string name;
  const Value* item = nullptr;
  Value index, first, last;

  const Value* find(std::string_view key) const {
    if (key == name) return item;
    if (!key.starts_with(name) || key.size() <= name.size() || key[name.size()] != '_') {
      return nullptr;
    }
    const std::string_view suffix = key.substr(name.size() + 1);
    if (suffix == "index") return &index;
    if (suffix == "first") return &first;
    if (suffix == "last") return &last;
    return nullptr;
  }
};

}  // namespace

struct TemplateCache {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> templates;
};

namespace {

class Renderer {
 public:
  Renderer(const TemplateLoader& loader, TemplateCache& cache, const Map& context,
           const std::string& page_route)
      : loader_(loader), cache_(cache), context_(context), page_route_(page_route) {}

  Status Render(const RenderRequest& request, pugi::xml_document& out) {
    if (request.body.empty()) {
      return Status::Error("no page template given to insert at <tp:body/>");
    }
    Result<std::shared_ptr<const Template>> layout = Load(request.layout);
    if (!layout.ok()) return layout.status();
    Result<std::shared_ptr<const Template>> body = Load(request.body);
    if (!body.ok()) return body.status();
    body_ = body->get();

    if (Status s = RenderChildren(**layout, (*layout)->doc, out); !s.ok()) return s;
    if (!body_inserted_) {
      return Status::Error(Location{request.layout},
                           "the layout never reached <tp:body/>, so the page would be empty");
    }
    return Status::Ok();
  }

 private:
  Result<std::shared_ptr<const Template>> Load(const std::string& name) {
    std::lock_guard<std::mutex> lock(cache_.mutex);
    if (auto it = cache_.templates.find(name); it != cache_.templates.end()) return it->second;
    Result<std::string> text = loader_(name);
    if (!text.ok()) {
      Status why = text.status();
      if (why.where().file.empty()) return Status::Error(Location{name}, why.message());
      return why;
    }
    Result<std::shared_ptr<const Template>> parsed = ParseTemplate(name, std::move(*text));
    if (parsed.ok()) cache_.templates.emplace(name, *parsed);
    return parsed;
  }

  Status RenderChildren(const Template& t, const pugi::xml_node& src, pugi::xml_node out) {
    for (const pugi::xml_node& child : src.children()) {
      switch (child.type()) {
        case pugi::node_element:
          if (Status s = RenderElement(t, child, out, false); !s.ok()) return s;
          break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
          out.append_child(child.type()).set_value(child.value());
          break;
        default:
          break;  // doctype, comments, processing instructions: the serializer writes its own
      }
    }
    return Status::Ok();
  }

  // Body and partials contribute their root's children; directives on that root would be
  // silently ignored, so they are refused.
  Status RenderRootChildren(const Template& t, pugi::xml_node out) {
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
    return RenderChildren(t, root, out);
  }

  Status Collect(const Template& t, const pugi::xml_node& node, Directives& d) {
    for (const pugi::xml_attribute& attr : node.attributes()) {
      const std::string_view name = attr.name();
      if (name == "xmlns:tp" && attr.value() != kNamespaceUri) {
        return Status::Error(t.where(node), "xmlns:tp must be " + Quoted(kNamespaceUri));
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
        return Status::Error(t.where(node), "unknown directive " + std::string(name));
      }
    }
    if (d.text && d.html) {
      return Status::Error(t.where(node), "tp:text and tp:html both replace the children; use one");
    }
    if (d.include && (d.text || d.html || d.sets_attributes())) {
      return Status::Error(t.where(node),
                           "tp:include replaces the whole element, so its tp:text, tp:html, "
                           "tp:attr-*, tp:href and tp:src would be lost");
    }
    return Status::Ok();
  }

  Result<const Value*> Lookup(const Template& t, const pugi::xml_node& node,
                              std::string_view directive, std::string_view path) {
    const auto fail = [&](const std::string& why) {
      return Status::Error(t.where(node), std::string(directive) + "=" + Quoted(path) + ": " + why);
    };
    if (path.empty()) return fail("needs a variable path");
    size_t dot = path.find('.');
    const std::string_view head = path.substr(0, dot);
    const Value* value = nullptr;
    for (auto frame = frames_.rbegin(); frame != frames_.rend() && !value; ++frame) {
      value = frame->find(head);
    }
    if (!value) {
      if (auto it = context_.find(head); it != context_.end()) value = &it->second;
    }
    if (!value) return fail("no variable " + Quoted(head));
    while (dot != std::string_view::npos) {
      const size_t next = path.find('.', dot + 1);
      const std::string_view key = path.substr(dot + 1, next - dot - 1);
      const std::string_view so_far = path.substr(0, dot);
      if (!value->is_map()) return fail(Quoted(so_far) + " is " + TypeName(*value) + ", not a map");
      const auto it = value->as_map().find(key);
      if (it == value->as_map().end()) return fail(Quoted(so_far) + " has no " + Quoted(key));
      value = &it->second;
      dot = next;
    }
    return value;
  }

  Result<const std::string*> LookupString(const Template& t, const pugi::xml_node& node,
                                          std::string_view directive, std::string_view path) {
    Result<const Value*> value = Lookup(t, node, directive, path);
    if (!value.ok()) return value.status();
    if (!(*value)->is_string()) {
      return Status::Error(t.where(node), std::string(directive) + "=" + Quoted(path) +
                                              " needs a string, but it is " + TypeName(**value));
    }
    return &(*value)->as_string();
  }

  Status RenderElement(const Template& t, const pugi::xml_node& src, pugi::xml_node out,
                       bool each_done) {
    if (++elements_ > kMaxPageElements) {
      return Status::Error(t.where(src), "the page grows past " +
                                             std::to_string(kMaxPageElements) +
                                             " elements here; does a tp:each repeat inside "
                                             "another over the same list?");
    }
    const std::string_view name = src.name();
    if (name == "tp:body") return InsertBody(t, src, out);
    const bool block = name == "tp:block";
    if (IsDirective(name) && !block) {
      return Status::Error(t.where(src), "unknown element <" + std::string(name) + ">");
    }

    Directives d;
    if (Status s = Collect(t, src, d); !s.ok()) return s;
    if (d.each && !each_done) return RenderEach(t, src, d.each, out);

    if (d.if_) {
      Result<const Value*> v = Lookup(t, src, "tp:if", d.if_);
      if (!v.ok()) return v.status();
      if (!(*v)->truthy()) return Status::Ok();
    }
    if (d.unless) {
      Result<const Value*> v = Lookup(t, src, "tp:unless", d.unless);
      if (!v.ok()) return v.status();
      if ((*v)->truthy()) return Status::Ok();
    }
    if (d.include) return Include(t, src, d.include, out);

    pugi::xml_node target = out;
    if (block) {
      if (d.sets_attributes() || HasStaticAttributes(src)) {
        return Status::Error(t.where(src),
                             "<tp:block> leaves no element behind to carry attributes");
      }
    } else {
      target = out.append_child(src.name());
      for (const pugi::xml_attribute& attr : src.attributes()) {
        if (IsDirective(attr.name()) || std::string_view(attr.name()) == "xmlns:tp") continue;
        target.append_attribute(attr.name()).set_value(attr.value());
      }
      if (Status s = SetAttributes(t, src, d, target); !s.ok()) return s;
    }

    Status filled = Fill(t, src, d, target);
    if (filled.ok() && !block && NeedsSerializerCheck(name))
      filled = CheckSerializable(t, src, target);
    return filled;
  }

  static bool HasStaticAttributes(const pugi::xml_node& node) {
    for (const pugi::xml_attribute& attr : node.attributes()) {
      const std::string_view name = attr.name();
      if (!IsDirective(name) && name != "xmlns:tp") return true;
    }
    return false;
  }

  Status RenderEach(const Template& t, const pugi::xml_node& src, std::string_view spec,
                    pugi::xml_node out) {
    // "x in path"
    std::vector<std::string_view> words;
    for (size_t i = 0; i < spec.size();) {
      const size_t begin = spec.find_first_not_of(" \t\n", i);
      if (begin == std::string_view::npos) break;
      const size_t end = std::min(spec.find_first_of(" \t\n", begin), spec.size());
      words.push_back(spec.substr(begin, end - begin));
      i = end;
    }
    const auto valid_name = [](std::string_view n) {
      return !n.empty() && (std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_') &&
             std::all_of(n.begin(), n.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
             });
    };
    if (words.size() != 3 || words[1] != "in" || !valid_name(words[0])) {
      return Status::Error(t.where(src), "tp:each=" + Quoted(spec) + " must read \"name in path\"");
    }
    Result<const Value*> list = Lookup(t, src, "tp:each", words[2]);
    if (!list.ok()) return list.status();
    if (!(*list)->is_list()) {
      return Status::Error(t.where(src), "tp:each=" + Quoted(spec) + " needs a list, but " +
                                             Quoted(words[2]) + " is " + TypeName(**list));
    }
    const List& entries = (*list)->as_list();
    for (size_t i = 0; i < entries.size(); ++i) {
      frames_.push_back(Frame{std::string(words[0]), &entries[i], Value(static_cast<int>(i + 1)),
                              Value(i == 0), Value(i + 1 == entries.size())});
      Status s = RenderElement(t, src, out, true);
      frames_.pop_back();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Include(const Template& t, const pugi::xml_node& src, std::string_view name,
                 pugi::xml_node out) {
    const std::string where = "tp:include=" + Quoted(name);
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name == ".." || name.starts_with("../") || name.find("/../") != std::string_view::npos ||
        name.ends_with("/..")) {
      return Status::Error(t.where(src), where + ": name a file inside the templates folder");
    }
    if (depth_ >= kMaxIncludeDepth) {
      return Status::Error(t.where(src), where + ": includes nest deeper than " +
                                             std::to_string(kMaxIncludeDepth) +
                                             " levels; does a partial include itself?");
    }
    Result<std::shared_ptr<const Template>> partial = Load(std::string(name));
    if (!partial.ok()) {
      // A missing file is the including line's fault; a broken one is the partial's.
      if (partial.status().where().line > 0) return partial.status();
      return Status::Error(t.where(src), where + ": " + partial.status().message());
    }
    ++depth_;
    Status s = RenderRootChildren(**partial, out);
    --depth_;
    return s;
  }

  Status InsertBody(const Template& t, const pugi::xml_node& src, pugi::xml_node out) {
    if (rendering_body_) {
      return Status::Error(t.where(src),
                           "<tp:body/> belongs in the layout, not in a page template");
    }
    if (body_inserted_) {
      return Status::Error(t.where(src), "the layout reaches <tp:body/> more than once");
    }
    for (const pugi::xml_attribute& attr : src.attributes()) {
      if (!std::string_view(attr.name()).starts_with("xmlns")) {
        return Status::Error(t.where(src),
                             "<tp:body/> takes no attributes; wrap it in "
                             "<tp:block> for tp:if and the like");
      }
    }
    for (const pugi::xml_node& child : src.children()) {
      if (child.type() == pugi::node_element ||
          ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
           !IsBlank(child.value()))) {
        return Status::Error(t.where(src), "<tp:body/> must be empty");
      }
    }
    body_inserted_ = true;
    rendering_body_ = true;
    Status s = RenderRootChildren(*body_, out);
    rendering_body_ = false;
    return s;
  }

  Status SetAttributes(const Template& t, const pugi::xml_node& src, const Directives& d,
                       pugi::xml_node target) {
    const auto set = [&target](const std::string& name, const std::string& value) {
      if (value.empty()) {
        target.remove_attribute(name.c_str());
        return;
      }
      pugi::xml_attribute attr = target.attribute(name.c_str());
      if (!attr) attr = target.append_attribute(name.c_str());
      attr.set_value(value.c_str());
    };
    for (const auto& [name, path] : d.attrs) {
      const std::string directive = std::string(kAttrPrefix) + name;
      const std::string lower = Lower(name);
      if (IsScriptAttribute(lower)) {
        return Status::Error(t.where(src),
                             directive + ": " + name + " holds code, so it cannot take a value");
      }
      Result<const std::string*> value = LookupString(t, src, directive, path);
      if (!value.ok()) return value.status();
      // Not made relative (that is what tp:href is for), but never javascript: and the like.
      set(name, IsUrlAttribute(lower) && !is_safe_url(**value) ? "" : **value);
    }
    for (const auto& [attr, path] : {std::pair{"href", d.href}, std::pair{"src", d.src}}) {
      if (!path) continue;
      Result<const std::string*> value = LookupString(t, src, std::string("tp:") + attr, path);
      if (!value.ok()) return value.status();
      set(attr, relative_url(page_route_, **value));
    }
    return Status::Ok();
  }

  Status Fill(const Template& t, const pugi::xml_node& src, const Directives& d,
              pugi::xml_node target) {
    if (d.text) {
      Result<const std::string*> value = LookupString(t, src, "tp:text", d.text);
      if (!value.ok()) return value.status();
      // A text node: whatever the string holds, the serializer escapes it.
      target.append_child(pugi::node_pcdata).set_value((*value)->c_str());
      return Status::Ok();
    }
    if (d.html) {
      Result<const Value*> value = Lookup(t, src, "tp:html", d.html);
      if (!value.ok()) return value.status();
      if (!(*value)->is_markup()) {
        return Status::Error(t.where(src), "tp:html=" + Quoted(d.html) +
                                               " needs rendered Markdown, but it is " +
                                               TypeName(**value) + "; use tp:text for text");
      }
      for (const pugi::xml_node& child : (*value)->as_markup().root().children()) {
        target.append_copy(child);
      }
      return Status::Ok();
    }
    return RenderChildren(t, src, target);
  }

  static Status CheckSerializable(const Template& t, const pugi::xml_node& src,
                                  const pugi::xml_node& rendered) {
    pugi::xml_document scratch;
    scratch.append_copy(rendered);
    Result<std::string> html = serialize_html5_fragment(scratch);
    if (!html.ok()) return Status::Error(t.where(src), html.status().message());
    return Status::Ok();
  }

  const TemplateLoader& loader_;
  TemplateCache& cache_;
  const Map& context_;
  const std::string& page_route_;
  const Template* body_ = nullptr;
  std::deque<Frame> frames_;
  int depth_ = 0;
  size_t elements_ = 0;
  bool body_inserted_ = false;
  bool rendering_body_ = false;
};

}  // namespace

TemplateEngine::TemplateEngine(TemplateLoader loader)
    : loader_(std::move(loader)), cache_(std::make_shared<TemplateCache>()) {}

Result<std::string> TemplateEngine::render(const RenderRequest& request) const {
  pugi::xml_document out;
  Renderer renderer(loader_, *cache_, request.context, request.page_route);
  if (Status s = renderer.Render(request, out); !s.ok()) return s;
  Result<std::string> html = serialize_html5(out);
  if (!html.ok()) return Status::Error(Location{request.body}, html.status().message());
  return html;
}

}  // namespace trustpage
