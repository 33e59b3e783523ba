#include "render/value.h"

#include <string_view>
#include <type_traits>
#include <variant>

namespace trustpage {

namespace {

// The wrapper element that holds a fragment: XML needs one document element, and an
// empty Markup still has a valid root() to walk.
constexpr const char* kWrapper = "div";

}  // namespace

Markup::Markup() : doc_(std::make_shared<pugi::xml_document>()) {
  doc_->append_child(kWrapper);
}

bool MarkupBuilder::parse(const std::string& xhtml, Markup& out, std::string* error) {
  auto doc = std::make_shared<pugi::xml_document>();
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
  out.doc_ = std::move(doc);
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
