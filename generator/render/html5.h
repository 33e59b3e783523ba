// Writes a pugixml DOM as HTML5: void elements without end tags, every other element
// closed explicitly (never <script/>), text and attributes escaped.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "common/status.h"

namespace trustpage {

// Serializes `root`'s children (typically a document whose element is <html>), preceded
// by <!DOCTYPE html>. Fails if a <script> or <style> holds "</" (it would end early).
Result<std::string> serialize_html5(const pugi::xml_node& root);

// Same, without the doctype: for fragments.
Result<std::string> serialize_html5_fragment(const pugi::xml_node& node);

}  // namespace trustpage
