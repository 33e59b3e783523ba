// Remarks as the PDF sets them: structure kept, text kept verbatim, nothing read as markup.
#include "pdf/markdown_paragraphs.h"

#include <catch2/catch.hpp>

using namespace trustpage;
using namespace trustpage::pdf;

namespace {

std::vector<Paragraph> parse(const std::string& md) {
  Result<std::vector<Paragraph>> r = markdown_paragraphs(md, [](const std::string& d) {
    return d.rfind("https://", 0) == 0 ? d : "https://trust.example/" + d;
  });
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("paragraphs, and Japanese lines joined without a space") {
  auto p = parse("定期メンテナンスは\n月1回です。\n\nSecond paragraph\nwith a soft break.");
  REQUIRE(p.size() == 2);
  REQUIRE(p[0].text == "定期メンテナンスは月1回です。");
  REQUIRE(p[1].text == "Second paragraph with a soft break.");
  REQUIRE(p[1].space_before > 0);
}

TEST_CASE("lists keep markers, numbering and nesting") {
  auto p = parse("- 管理者へのメール\n- 管理画面\n  1. 通知\n  2. 履歴\n\n3. 三番目\n4. 四番目\n");
  REQUIRE(p.size() == 6);
  REQUIRE(p[0].marker == "•");
  REQUIRE(p[0].level == 1);
  REQUIRE(p[2].marker == "1.");
  REQUIRE(p[2].level == 2);
  REQUIRE(p[3].text == "履歴");
  REQUIRE(p[4].marker == "3.");
  REQUIRE(p[5].marker == "4.");
}

TEST_CASE("links become absolute clickable spans over their text") {
  auto p = parse("詳しくは[SLA](https://example.jp/sla/)と[項目5](05-availability.md)を参照。");
  REQUIRE(p.size() == 1);
  REQUIRE(p[0].text == "詳しくはSLAと項目5を参照。");
  std::vector<std::string> links;
  for (const Span& s : p[0].spans) {
    if (s.link.empty()) continue;
    links.push_back(s.link);
    if (s.link == "https://example.jp/sla/")
      REQUIRE(p[0].text.substr(s.start, s.end - s.start) == "SLA");
  }
  REQUIRE(links == std::vector<std::string>{"https://example.jp/sla/",
                                            "https://trust.example/05-availability.md"});
}

TEST_CASE("a table becomes one line per row, header in bold") {
  auto p = parse("| 月間稼働率 | 返金額 |\n|---|---|\n| 99.0%以上 | 10% |\n| 95.0%未満 | 50% |\n");
  REQUIRE(p.size() == 3);
  REQUIRE(p[0].text == "月間稼働率 ｜ 返金額");
  REQUIRE(p[1].text == "99.0%以上 ｜ 10%");
  REQUIRE(p[2].text == "95.0%未満 ｜ 50%");
  bool bold_header = false;
  for (const Span& s : p[0].spans) bold_header = bold_header || (s.style & kBold);
  REQUIRE(bold_header);
  for (const Span& s : p[1].spans) REQUIRE_FALSE(s.style & kBold);
}

TEST_CASE("markup characters are text; raw HTML is dropped; <br> breaks the line") {
  auto p = parse("A &lt;b&gt; tag, 1 < 2 & \"q\" <span>x</span><script>alert(1)</script>y<br>z");
  REQUIRE(p.size() == 1);
  REQUIRE(p[0].text == "A <b> tag, 1 < 2 & \"q\" xalert(1)y\u2028z");
}

TEST_CASE("a javascript: link is not a link") {
  Result<std::vector<Paragraph>> r =
      markdown_paragraphs("[x](javascript:alert(1))", [](const std::string&) { return ""; });
  REQUIRE(r.ok());
  for (const Span& s : r->front().spans) REQUIRE(s.link.empty());
}
