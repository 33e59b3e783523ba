// The data a template sees: strings, booleans, lists, maps, and Markup.
// There is deliberately no way to pass a string as markup: the only Markup comes from
// the Markdown renderer (safe mode) or from a theme's own template files.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace trustpage {

// A parsed XML fragment: the children of root() are what gets inserted. Once serialized
// (html(); the Markdown renderer does it before handing the Markup out) only the HTML is
// kept: a site holds every item's rendered remarks, and the DOM of each cost ten times its
// text. root() is then an empty node.
class Markup {
 public:
  Markup();
  pugi::xml_node root() const { return fragment_->doc.document_element(); }
  bool empty() const { return html_or_empty().empty(); }
  // The fragment as HTML5, serialized on first use and then shared by every page that
  // shows it (pages render in parallel). Fails like serialize_html5_fragment().
  Result<std::string_view> html() const;

 private:
  friend class MarkupBuilder;
  struct Fragment {
    pugi::xml_document doc;
    std::once_flag serialized;
    Status status = Status::Ok();
    std::string html;
  };
  std::string_view html_or_empty() const;
  std::shared_ptr<Fragment> fragment_;
};

// Only trusted producers (the Markdown renderer, tests) construct Markup.
class MarkupBuilder {
 public:
  // Parses `xhtml` (a sequence of XHTML elements/text) into Markup. Fails on malformed XML.
  static bool parse(const std::string& xhtml, Markup& out, std::string* error);
};

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

// Lists and maps inside a Value are immutable and shared: copying a Value (a page's
// context is mostly the same site-wide data) copies a pointer, not the data.
class Value {
 public:
  Value() = default;
  Value(std::string s) : v_(std::move(s)) {}                         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                       // NOLINT
  Value(bool b) : v_(b) {}                                           // NOLINT
  Value(int n) : v_(std::to_string(n)) {}                            // NOLINT
  Value(List l) : v_(std::make_shared<const List>(std::move(l))) {}  // NOLINT
  Value(Map m) : v_(std::make_shared<const Map>(std::move(m))) {}    // NOLINT
  Value(Markup m) : v_(std::move(m)) {}                              // NOLINT

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_list() const { return std::holds_alternative<std::shared_ptr<const List>>(v_); }
  bool is_map() const { return std::holds_alternative<std::shared_ptr<const Map>>(v_); }
  bool is_markup() const { return std::holds_alternative<Markup>(v_); }

  const std::string& as_string() const { return std::get<std::string>(v_); }
  bool as_bool() const { return std::get<bool>(v_); }
  const List& as_list() const { return *std::get<std::shared_ptr<const List>>(v_); }
  const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(v_); }
  const Markup& as_markup() const { return std::get<Markup>(v_); }

  // Truthiness for tp:if: non-empty string, true, non-empty list/map, non-empty markup.
  bool truthy() const;

 private:
  std::variant<std::monostate, std::string, bool, std::shared_ptr<const List>,
               std::shared_ptr<const Map>, Markup>
      v_;
};

}  // namespace trustpage
