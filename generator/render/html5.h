// Writes a pugixml DOM as HTML5: void elements without end tags, every other element
// closed explicitly (never <script/>), text and attributes escaped.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

// Serializes `root`'s children (typically a document whose element is <html>), preceded
// by <!DOCTYPE html>. Fails if a <script> or <style> holds "</" (it would end early).
Result<std::string> serialize_html5(const pugi::xml_node& root);

// Same, without the doctype: for fragments.
Result<std::string> serialize_html5_fragment(const pugi::xml_node& node);

// The rules the serializer follows, for the template compiler, which writes most of a page
// ahead of time. Element names are compared case-insensitively, as a browser reads them.
void append_escaped_text(std::string& out, std::string_view text);
void append_escaped_attribute(std::string& out, std::string_view value);
bool is_void_element(std::string_view name);      // br, img, meta, …: no content, no end tag
bool is_raw_text_element(std::string_view name);  // script, style: content is not escaped
// pre, textarea, listing: a browser drops one newline right after the start tag.
bool drops_leading_newline(std::string_view name);
// Content of a script or style element that could end it early ("</") or change how the
// browser finds its end ("<!--"): an error naming the element; Ok otherwise.
Status check_raw_text(std::string_view element, std::string_view text);

}  // namespace trustpage
