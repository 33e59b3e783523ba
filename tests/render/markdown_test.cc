#include "render/markdown.h"

#include <catch2/catch.hpp>
#include <string>

#include "render/html5.h"

using trustpage::markdown_to_text;
using trustpage::render_markdown;

namespace {

// What a page gets of the Markup: its HTML, serialized once.
trustpage::Result<std::string> HtmlOf(const trustpage::Markup& markup) {
  trustpage::Result<std::string_view> html = markup.html();
  if (!html.ok()) return html.status();
  return std::string(*html);
}

std::string Html(const std::string& markdown) {
  const auto markup = render_markdown(markdown);
  REQUIRE(markup.ok());
  const auto html = HtmlOf(*markup);
  REQUIRE(html.ok());
  return *html;
}

}  // namespace

TEST_CASE("Markdown renders paragraphs, emphasis and code") {
  CHECK(Html("Hello *world* and `a<b`") == "<p>Hello <em>world</em> and <code>a&lt;b</code></p>\n");
  CHECK(Html("```js\nif (a < b) {}\n```") ==
        "<pre><code class=\"language-js\">if (a &lt; b) {}\n</code></pre>\n");
  CHECK(Html("データは**国内**で保管") == "<p>データは<strong>国内</strong>で保管</p>\n");
}

TEST_CASE("javascript:, vbscript: and data: links become inert") {
  CHECK(Html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n");
  CHECK(Html("[x](JAVASCRIPT:alert(1))") == "<p><a href=\"\">x</a></p>\n");
  CHECK(Html("[x](vbscript:msgbox)") == "<p><a href=\"\">x</a></p>\n");
  CHECK(Html("[x](data:text/html,hi)") == "<p><a href=\"\">x</a></p>\n");
  CHECK(Html("<javascript:alert(1)>") == "<p><a href=\"\">javascript:alert(1)</a></p>\n");
}

TEST_CASE("raw HTML in Markdown produces no element") {
  const std::string html =
      Html("<script>alert(1)</script>\n\ntext <img src=x onerror=alert(1)> <b onclick=x>b</b>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("<!--") == std::string::npos);  // cmark's placeholders are dropped too
  CHECK(html == "\n<p>text  b</p>\n");
}

TEST_CASE("GFM tables, strikethrough and autolinks render") {
  CHECK(Html("| a | b |\n|---|:-:|\n| 1 | 2 |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td align=\"center\">2</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(Html("~~old~~ new") == "<p><del>old</del> new</p>\n");
  CHECK(Html("see www.example.com and https://example.org/?a=1&b=2") ==
        "<p>see <a href=\"http://www.example.com\">www.example.com</a> and "
        "<a href=\"https://example.org/?a=1&amp;b=2\">https://example.org/?a=1&amp;b=2</a></p>\n");
}

TEST_CASE("line breaks, images and rules become void elements") {
  CHECK(Html("a  \nb\n\n![logo](logo.png)\n\n---\n") ==
        "<p>a<br>\nb</p>\n<p><img src=\"logo.png\" alt=\"logo\"></p>\n<hr>\n");
}

TEST_CASE("empty Markdown is empty markup") {
  const auto markup = render_markdown("");
  REQUIRE(markup.ok());
  CHECK(markup->empty());
}

TEST_CASE("invalid UTF-8 does not break the markup") {
  const auto markup = render_markdown(std::string("bad \xff\xfe bytes"));
  REQUIRE(markup.ok());
  const auto html = HtmlOf(*markup);
  REQUIRE(html.ok());
  CHECK(*html == "<p>bad \xEF\xBF\xBD\xEF\xBF\xBD bytes</p>\n");
}

TEST_CASE("markdown_to_text keeps words, not markup") {
  CHECK(markdown_to_text("# Title\n\nSome *emphasis*\nand `code`.\n\n- one\n- two\n") ==
        "Title\nSome emphasis and code.\none\ntwo");
  CHECK(markdown_to_text("<script>x()</script>\n\n[link](https://a.example) text") == "link text");
  CHECK(markdown_to_text("| a | b |\n|---|---|\n| 1 | 2 |\n") == "a b\n1 2");
  CHECK(markdown_to_text("   \n\n").empty());
}

TEST_CASE("a line break inside Japanese text joins the lines without a space") {
  auto html = [](const char* md) {
    trustpage::Result<trustpage::Markup> m = render_markdown(md);
    REQUIRE(m.ok());
    trustpage::Result<std::string> out = HtmlOf(*m);
    REQUIRE(out.ok());
    return *out;
  };
  CHECK_THAT(html("契約書の作成から\n締結後の保管まで"), Catch::Contains("作成から締結後"));
  CHECK_THAT(html("**契約**\nの管理"), Catch::Contains("</strong>の管理"));
  CHECK_THAT(html("対応しています。\n（詳細は別紙）"), Catch::Contains("。（"));
  // Latin text keeps its word boundary; mixed boundaries too.
  CHECK_THAT(html("two\nwords"), Catch::Contains("two\nwords"));
  CHECK_THAT(html("ISO 27001\nを取得"), Catch::Contains("27001\nを"));
}

TEST_CASE("links with schemes other than http, https and mailto are emptied") {
  for (const char* md : {"[x](ms-msdt:/id)", "[x](intent://scan#Intent;end)", "[x](blob:https://a/b)",
                         "![x](ftp://example.com/a.png)", "[x](JAVASCRIPT:alert(1))"}) {
    INFO(md);
    trustpage::Result<trustpage::Markup> m = render_markdown(md);
    REQUIRE(m.ok());
    trustpage::Result<std::string> out = HtmlOf(*m);
    REQUIRE(out.ok());
    CHECK(out->find(":") == std::string::npos);
  }
  trustpage::Result<trustpage::Markup> ok = render_markdown("[a](https://e.com/) [b](mailto:a@e.com)");
  REQUIRE(ok.ok());
  CHECK_THAT(*HtmlOf(*ok), Catch::Contains("href=\"https://e.com/\""));
  CHECK_THAT(*HtmlOf(*ok), Catch::Contains("href=\"mailto:a@e.com\""));
}

TEST_CASE("<br> in a table cell, as pasted from Excel, becomes a line break; other HTML is dropped") {
  trustpage::Result<trustpage::Markup> m =
      render_markdown("| 項目 | 回答 |\n|---|---|\n| 暗号化 | TLS 1.2<br>TLS 1.3<BR/>AES-256 <b>x</b> |\n");
  REQUIRE(m.ok());
  trustpage::Result<std::string> out = HtmlOf(*m);
  REQUIRE(out.ok());
  CHECK_THAT(*out, Catch::Contains("TLS 1.2<br>"));
  CHECK_THAT(*out, Catch::Contains("TLS 1.3<br>"));
  CHECK(out->find("<b>") == std::string::npos);
}

TEST_CASE("an image from another site is not loaded: it becomes a plain link") {
  CHECK(Html("![t](https://tracker.example/t.png)\n") ==
        "<p><a href=\"https://tracker.example/t.png\">t</a></p>\n");
  CHECK(Html("![](http://tracker.example/t.png \"pixel\")\n") ==
        "<p><a href=\"http://tracker.example/t.png\" title=\"pixel\">"
        "http://tracker.example/t.png</a></p>\n");
  CHECK(Html("![*bold* alt](//tracker.example/t.png)\n") ==
        "<p><a href=\"//tracker.example/t.png\"><em>bold</em> alt</a></p>\n");
  CHECK(Html("[![badge](https://ci.example/b.svg)](https://ci.example/)\n").find("<img") ==
        std::string::npos);
  // A local image (a file under documents/) still renders, its path resolved as before.
  const auto markup = render_markdown("![図](../../../documents/fig.png)\n",
                                      [](const std::string&) -> trustpage::Result<std::string> {
                                        return std::string("../documents/fig.png");
                                      });
  REQUIRE(markup.ok());
  CHECK(*HtmlOf(*markup) ==
        "<p><img src=\"../documents/fig.png\" alt=\"図\"></p>\n");
}
