#include "render/template_program.h"

#include <string_view>
#include <utility>

#include "render/html5.h"
#include "render/url.h"

namespace trustpage {

namespace {

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

// The entry a tp:each is at.
struct Frame {
  const Value* entry = nullptr;
  Value index, first, last;
};

class Run {
 public:
  Run(const TemplateProgram& program, const Map& variables, const std::string& page_route)
      : program_(program), variables_(variables), page_route_(page_route) {
    frames_.resize(program.max_depth);
  }

  Status ops(size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      const Op& op = program_.ops[i];
      switch (op.kind) {
        case Op::Kind::kLiteral:
          out_ += op.text;
          break;
        case Op::Kind::kText:
        case Op::Kind::kRawText: {
          Result<const std::string*> text = string_at(op);
          if (!text.ok()) return text.status();
          if (op.kind == Op::Kind::kText) {
            append_escaped_text(out_, **text);
          } else {
            out_ += **text;
          }
          break;
        }
        case Op::Kind::kHtml:
          if (Status s = html(op); !s.ok()) return s;
          break;
        case Op::Kind::kAttributes:
          if (Status s = attributes(program_.attribute_sets[op.attributes]); !s.ok()) return s;
          break;
        case Op::Kind::kIf:
        case Op::Kind::kUnless: {
          Result<const Value*> v = lookup(op.path, op.site);
          if (!v.ok()) return v.status();
          if ((*v)->truthy() != (op.kind == Op::Kind::kIf)) {
            i = op.next;
            continue;
          }
          break;
        }
        case Op::Kind::kEach:
          if (Status s = each(i, op); !s.ok()) return s;
          i = op.next;
          continue;
        case Op::Kind::kBody:
          body_reached_ = true;
          break;
        case Op::Kind::kPreBegin:
        case Op::Kind::kRawBegin:
          starts_.push_back(out_.size());
          break;
        case Op::Kind::kPreEnd: {
          const size_t start = starts_.back();
          starts_.pop_back();
          if (start < out_.size() && out_[start] == '\n') out_.insert(start, 1, '\n');
          break;
        }
        case Op::Kind::kRawEnd: {
          const size_t start = starts_.back();
          starts_.pop_back();
          Status s = check_raw_text(op.text, std::string_view(out_).substr(start));
          if (!s.ok()) return Status::Error(program_.sites[op.site].where, s.message());
          break;
        }
      }
      ++i;
    }
    return Status::Ok();
  }

  bool body_reached() const { return body_reached_; }
  std::string& out() { return out_; }

 private:
  Status fail(size_t site, const std::string& why) const {
    const Site& s = program_.sites[site];
    return Status::Error(s.where, s.directive + "=" + Quoted(s.path) + ": " + why);
  }

  Result<const Value*> lookup(size_t path_index, size_t site) const {
    const ValuePath& path = program_.paths[path_index];
    const Value* value = nullptr;
    switch (path.root) {
      case ValuePath::Root::kVariable: {
        auto it = variables_.find(path.head);
        if (it == variables_.end()) return fail(site, "no variable " + Quoted(path.head));
        value = &it->second;
        break;
      }
      case ValuePath::Root::kEntry:
        value = frames_[path.frame].entry;
        break;
      case ValuePath::Root::kIndex:
        value = &frames_[path.frame].index;
        break;
      case ValuePath::Root::kFirst:
        value = &frames_[path.frame].first;
        break;
      case ValuePath::Root::kLast:
        value = &frames_[path.frame].last;
        break;
    }
    const std::string& written = program_.sites[site].path;
    size_t so_far = written.find('.');
    for (const std::string& key : path.keys) {
      const std::string_view before = std::string_view(written).substr(0, so_far);
      if (!value->is_map()) {
        return fail(site, Quoted(before) + " is " + TypeName(*value) + ", not a map");
      }
      const auto it = value->as_map().find(key);
      if (it == value->as_map().end()) return fail(site, Quoted(before) + " has no " + Quoted(key));
      value = &it->second;
      so_far = written.find('.', so_far + 1);
    }
    return value;
  }

  Result<const std::string*> string_at(const Op& op) const { return string_at(op.path, op.site); }

  Result<const std::string*> string_at(size_t path, size_t site) const {
    Result<const Value*> value = lookup(path, site);
    if (!value.ok()) return value.status();
    if (!(*value)->is_string()) {
      const Site& s = program_.sites[site];
      return Status::Error(s.where, s.directive + "=" + Quoted(s.path) +
                                        " needs a string, but it is " + TypeName(**value));
    }
    return &(*value)->as_string();
  }

  Status html(const Op& op) {
    Result<const Value*> value = lookup(op.path, op.site);
    if (!value.ok()) return value.status();
    const Site& s = program_.sites[op.site];
    if (!(*value)->is_markup()) {
      return Status::Error(s.where, "tp:html=" + Quoted(s.path) +
                                        " needs rendered Markdown, but it is " + TypeName(**value) +
                                        "; use tp:text for text");
    }
    Result<std::string_view> html = (*value)->as_markup().html();
    if (!html.ok()) return Status::Error(s.where, html.status().message());
    out_ += *html;
    return Status::Ok();
  }

  // The attributes in order: the template's own first, a
  // value replacing one in place, a new one appended, an empty one removed.
  Status attributes(const std::vector<AttributeSlot>& slots) {
    std::vector<std::pair<std::string_view, std::string>> written;
    written.reserve(slots.size());
    for (const AttributeSlot& slot : slots) {
      std::string value;
      if (slot.kind == AttributeSlot::Kind::kStatic) {
        written.emplace_back(slot.name, slot.value);
        continue;
      }
      Result<const std::string*> text = string_at(slot.path, slot.site);
      if (!text.ok()) return text.status();
      switch (slot.kind) {
        case AttributeSlot::Kind::kValue:
          value = **text;
          break;
        case AttributeSlot::Kind::kSafeUrl:
          if (is_safe_url(**text)) value = **text;
          break;
        case AttributeSlot::Kind::kRoute:
          value = relative_url(page_route_, **text);
          break;
        case AttributeSlot::Kind::kStatic:
          break;
      }
      auto it = written.begin();
      while (it != written.end() && it->first != slot.name) ++it;
      if (value.empty()) {
        if (it != written.end()) written.erase(it);
      } else if (it != written.end()) {
        it->second = std::move(value);
      } else {
        written.emplace_back(slot.name, std::move(value));
      }
    }
    for (const auto& [name, value] : written) {
      // HTML5 infers namespaces: the serializer never writes xmlns.
      if (name == "xmlns" || name.starts_with("xmlns:")) continue;
      out_ += ' ';
      out_ += name;
      out_ += "=\"";
      append_escaped_attribute(out_, value);
      out_ += '"';
    }
    return Status::Ok();
  }

  Status each(size_t at, const Op& op) {
    Result<const Value*> list = lookup(op.path, op.site);
    if (!list.ok()) return list.status();
    const Site& s = program_.sites[op.site];
    if (!(*list)->is_list()) {
      return Status::Error(s.where, "tp:each=" + Quoted(op.text) + " needs a list, but " +
                                        Quoted(s.path) + " is " + TypeName(**list));
    }
    const List& entries = (*list)->as_list();
    Frame& frame = frames_[op.frame];
    for (size_t i = 0; i < entries.size(); ++i) {
      elements_ += op.elements;
      if (elements_ > kMaxPageElements) {
        return Status::Error(s.where, "the page grows past " + std::to_string(kMaxPageElements) +
                                          " elements here; does a tp:each repeat inside "
                                          "another over the same list?");
      }
      frame = Frame{&entries[i], Value(static_cast<int>(i + 1)), Value(i == 0),
                    Value(i + 1 == entries.size())};
      if (Status st = ops(at + 1, op.next); !st.ok()) return st;
    }
    return Status::Ok();
  }

  const TemplateProgram& program_;
  const Map& variables_;
  const std::string& page_route_;
  std::vector<Frame> frames_;
  std::vector<size_t> starts_;
  size_t elements_ = 0;  // written by tp:each so far
  std::string out_;
  bool body_reached_ = false;
};

}  // namespace

Result<std::string> TemplateProgram::render(const Map& variables,
                                            const std::string& page_route) const {
  Run run(*this, variables, page_route);
  run.out() = "<!DOCTYPE html>\n";
  if (Status s = run.ops(0, ops.size()); !s.ok()) return s;
  if (!run.body_reached()) {
    return Status::Error(Location{layout},
                         "the layout never reached <tp:body/>, so the page would be empty");
  }
  run.out() += '\n';
  return std::move(run.out());
}

}  // namespace trustpage
