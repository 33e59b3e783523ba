#include "render/value.h"

#include <string_view>
#include <type_traits>
#include <variant>

#include "render/html5.h"

namespace trustpage {

namespace {

// The wrapper element that holds a fragment: XML needs one document element, and an
// empty Markup still has a valid root() to walk.
constexpr const char* kWrapper = "div";

}  // namespace

Markup::Markup() : fragment_(std::make_shared<Fragment>()) {
  fragment_->doc.append_child(kWrapper);
}

Result<std::string_view> Markup::html() const {
  Fragment& f = *fragment_;
  std::call_once(f.serialized, [&f] {
    Result<std::string> html = serialize_html5_fragment(f.doc.document_element());
    if (html.ok()) {
      f.html = std::move(*html);
      f.doc.reset();
    } else {
      f.status = html.status();
    }
  });
  if (!f.status.ok()) return f.status;
  return std::string_view(f.html);
}

std::string_view Markup::html_or_empty() const {
  Result<std::string_view> serialized = html();
  return serialized.ok() ? *serialized : std::string_view("x");  // unserializable: not empty
}

bool MarkupBuilder::parse(const std::string& xhtml, Markup& out, std::string* error) {
  auto fragment = std::make_shared<Markup::Fragment>();
  pugi::xml_document* doc = &fragment->doc;
  const std::string wrapped = std::string("<") + kWrapper + ">" + xhtml + "</" + kWrapper + ">";
  // parse_ws_pcdata keeps whitespace-only text such as the space in "<em>a</em> <b>b</b>",
  // which would otherwise glue words together. Comments are not parsed (parse_comments is
  // off), so cmark-gfm's "<!-- raw HTML omitted -->" placeholders vanish here.
  const pugi::xml_parse_result result =
      doc->load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                       pugi::encoding_utf8);
  if (!result) {
    if (error != nullptr) {
      // The offset counts the wrapper's start tag, which the caller never wrote.
      const std::ptrdiff_t prefix =
          static_cast<std::ptrdiff_t>(std::char_traits<char>::length(kWrapper)) + 2;
      const std::ptrdiff_t offset = result.offset > prefix ? result.offset - prefix : 0;
      *error = std::string(result.description()) + " at offset " + std::to_string(offset);
    }
    return false;
  }
  const pugi::xml_node root = doc->document_element();
  if (std::string_view(root.name()) != kWrapper || root.next_sibling()) {
    if (error != nullptr) *error = "markup is not a sequence of elements and text";
    return false;
  }
  out.fragment_ = std::move(fragment);
  return true;
}

bool Value::truthy() const {
  return std::visit(
      [](const auto& v) -> bool {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return false;
        } else if constexpr (std::is_same_v<T, bool>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::shared_ptr<const List>> ||
                             std::is_same_v<T, std::shared_ptr<const Map>>) {
          return !v->empty();
        } else {
          return !v.empty();  // string and Markup both say "nothing here" the same way
        }
      },
      v_);
}

}  // namespace trustpage
