// A page template compiled once per build (layout + page + partials inlined) into runs of
// HTML written ahead of time and typed slots filled from the page's variables: the way
// ninja parses `$var` strings once into an EvalString and evaluates it many times.
// Internal to render/; the public face is TemplateEngine (template.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "render/value.h"

namespace trustpage {

// Where a value comes from, resolved at compile time: a variable of the page, or the
// entry of an enclosing tp:each (by depth) with its _index/_first/_last.
struct ValuePath {
  enum class Root : uint8_t { kVariable, kEntry, kIndex, kFirst, kLast };
  Root root = Root::kVariable;
  size_t frame = 0;               // kEntry…kLast: which tp:each, outermost 0
  std::string head;               // kVariable: the variable's name
  std::vector<std::string> keys;  // ".a.b" after the head
};

// A directive as the theme wrote it, for messages: tp:text="item.answr" at file:line:col.
struct Site {
  Location where;
  std::string directive;  // "tp:text", "tp:attr-title", …
  std::string path;       // as written, "item.answr"
};

// One attribute of an element whose attributes are not all known ahead of time.
struct AttributeSlot {
  enum class Kind : uint8_t {
    kStatic,   // written in the template
    kValue,    // tp:attr-NAME: the string as it is; "" removes the attribute
    kSafeUrl,  // tp:attr-NAME on a URL attribute: dropped unless is_safe_url()
    kRoute,    // tp:href / tp:src: made relative to the page
  };
  Kind kind = Kind::kStatic;
  std::string name;
  std::string value;  // kStatic
  size_t path = 0;    // the others: index into TemplateProgram::paths
  size_t site = 0;    // index into TemplateProgram::sites
};

struct Op {
  enum class Kind : uint8_t {
    kLiteral,     // text: HTML written at compile time
    kText,        // path: a string, escaped as text
    kRawText,     // path: a string inside script/style, checked by kRawEnd
    kHtml,        // path: Markup (rendered Markdown), inserted as it is
    kAttributes,  // attributes: an element's attributes, some from variables
    kIf,          // path: continue at `next` unless truthy
    kUnless,      // path: continue at `next` if truthy
    kEach,        // path: run [this + 1, next) once per entry of a list, then go on at next
    kBody,        // marks that the layout reached <tp:body/>
    kPreBegin,    // pre/textarea/listing: remember where its content starts…
    kPreEnd,      // …and double a leading newline, which the browser drops
    kRawBegin,    // script/style: remember where its content starts…
    kRawEnd,      // …and refuse content that would end it early (site: the element)
  };
  Kind kind = Kind::kLiteral;
  std::string text;       // kLiteral; kRawEnd: the element's name; kEach: "x in path"
  size_t path = 0;        // index into TemplateProgram::paths
  size_t site = 0;        // index into TemplateProgram::sites
  size_t next = 0;        // kIf, kUnless, kEach: index of the op after the element
  size_t attributes = 0;  // kAttributes: index into TemplateProgram::attribute_sets
  size_t frame = 0;       // kEach: the depth of the entry it binds, outermost 0
  size_t elements = 0;    // kEach: elements its body writes per entry (nested ones once)
};

// Elements a page may write. A tp:each nested in another over the same list repeats what it
// holds: eleven levels over four entries are four million elements, and the page (and the
// memory holding it) grows past any use. A 10,000-item checklist page, the largest
// benchmarked, writes about 300,000.
inline constexpr size_t kMaxPageElements = 1'000'000;

struct TemplateProgram {
  std::string layout;  // file names, for messages
  std::vector<Op> ops;
  std::vector<ValuePath> paths;
  std::vector<Site> sites;
  std::vector<std::vector<AttributeSlot>> attribute_sets;
  size_t max_depth = 0;  // deepest tp:each nesting

  // The page as an HTML5 document. Errors (a missing variable, a value of the wrong type, a
  // value that would end a script) name the template, line and directive.
  Result<std::string> render(const Map& variables, const std::string& page_route) const;
};

}  // namespace trustpage
