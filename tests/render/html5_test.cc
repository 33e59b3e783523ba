#include "render/html5.h"

#include <catch2/catch.hpp>
#include <string>

using trustpage::serialize_html5;
using trustpage::serialize_html5_fragment;

namespace {

std::string Fragment(const char* xml) {
  pugi::xml_document doc;
  const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments |
                         pugi::parse_pi | pugi::parse_declaration | pugi::parse_doctype;
  REQUIRE(doc.load_string(xml, flags));
  const auto html = serialize_html5_fragment(doc);
  REQUIRE(html.ok());
  return *html;
}

}  // namespace

TEST_CASE("void elements have no end tag") {
  CHECK(
      Fragment("<p>a<br/>b<img src=\"x.png\" alt=\"\"/><hr></hr><input type=\"checkbox\"/></p>") ==
      "<p>a<br>b<img src=\"x.png\" alt=\"\"><hr><input type=\"checkbox\"></p>");
  CHECK(
      Fragment("<head><meta charset=\"utf-8\"/><link rel=\"stylesheet\" href=\"a.css\"/></head>") ==
      "<head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"a.css\"></head>");
}

TEST_CASE("every other element is closed explicitly, even when empty") {
  CHECK(Fragment("<div><script src=\"a.js\"/><span/><textarea/><i></i></div>") ==
        "<div><script src=\"a.js\"></script><span></span><textarea></textarea><i></i></div>");
}

TEST_CASE("a void element with content is an error") {
  pugi::xml_document doc;
  doc.append_child("br").append_child(pugi::node_pcdata).set_value("x");
  CHECK_FALSE(serialize_html5_fragment(doc).ok());
}

TEST_CASE("text and attribute values are escaped") {
  pugi::xml_document doc;
  pugi::xml_node p = doc.append_child("p");
  p.append_attribute("title").set_value("\"><svg onload=alert(1)> & 'q'");
  p.append_child(pugi::node_pcdata).set_value("<script>alert(1)</script> & \"x\"");
  const auto html = serialize_html5_fragment(doc);
  REQUIRE(html.ok());
  CHECK(*html ==
        "<p title=\"&quot;&gt;&lt;svg onload=alert(1)&gt; &amp; 'q'\">"
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"</p>");
}

TEST_CASE("script and style text is written raw") {
  CHECK(Fragment("<script>if (a &lt; b &amp;&amp; c) go();</script>") ==
        "<script>if (a < b && c) go();</script>");
  CHECK(Fragment("<style>a > b { color: red }</style>") == "<style>a > b { color: red }</style>");
}

TEST_CASE("script or style text that could close the element is refused") {
  for (const char* text :
       {"x</script><img src=x onerror=alert(1)>", "x</SCRIPT >", "a</b", "<!--<script>"}) {
    INFO(text);
    pugi::xml_document doc;
    doc.append_child("script").append_child(pugi::node_pcdata).set_value(text);
    CHECK_FALSE(serialize_html5_fragment(doc).ok());
  }
  pugi::xml_document style;
  style.append_child("STYLE").append_child(pugi::node_cdata).set_value("</style><b>");
  CHECK_FALSE(serialize_html5_fragment(style).ok());
  pugi::xml_document nested;
  nested.append_child("script").append_child("b");
  CHECK_FALSE(serialize_html5_fragment(nested).ok());
}

TEST_CASE("comments, processing instructions and xmlns declarations are dropped") {
  CHECK(Fragment("<?xml version=\"1.0\"?><div xmlns=\"http://www.w3.org/1999/xhtml\" "
                 "xmlns:tp=\"urn:trustpage:template\" id=\"a\"><!-- raw HTML omitted -->"
                 "<?php echo 1 ?>x</div>") == "<div id=\"a\">x</div>");
}

TEST_CASE("documents start with the HTML5 doctype") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string("<!DOCTYPE html SYSTEM \"about:legacy-compat\"><html><body/></html>",
                          pugi::parse_default | pugi::parse_doctype));
  const auto first = serialize_html5(doc);
  REQUIRE(first.ok());
  CHECK(*first == "<!DOCTYPE html>\n<html><body></body></html>\n");
  const auto second = serialize_html5(doc);
  REQUIRE(second.ok());
  CHECK(*first == *second);
}

TEST_CASE("a leading newline in pre survives the browser's parser") {
  CHECK(Fragment("<pre>\ncode</pre>") == "<pre>\n\ncode</pre>");
  CHECK(Fragment("<pre>code</pre>") == "<pre>code</pre>");
}
