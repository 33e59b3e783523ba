// Pango with the theme's fonts: Japanese line breaking (禁則), no invented hyphens, nothing
// lost when a long text wraps.
#include <catch2/catch.hpp>

#include "pdf/cell.h"
#include "pdf/fonts.h"
#include "site/theme.h"

using namespace trustpage;
using namespace trustpage::pdf;

namespace {

const Fonts& fonts() {
  static const Fonts* kFonts = [] {
    Result<std::string> families = Theme::builtin().setting("pdf_font");
    REQUIRE(families.ok());
    Result<Fonts> f = Fonts::open(*families, "ja");
    REQUIRE(f.ok());
    return new Fonts(std::move(*f));
  }();
  return *kFonts;
}

std::string first_char(const std::string& s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

std::string last_char(const std::string& s) {
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return s.substr(i);
}

}  // namespace

TEST_CASE("the theme's fonts are found and pinned to their files") {
  REQUIRE_FALSE(fonts().files().empty());
  for (const std::string& file : fonts().files()) REQUIRE(file.front() == '/');
}

TEST_CASE("an unknown font family is a clear error") {
  Result<Fonts> f = Fonts::open("No Such Family 42", "ja");
  REQUIRE_FALSE(f.ok());
  REQUIRE_THAT(f.status().message(),
               Catch::Contains("No Such Family 42") && Catch::Contains("not installed"));
}

TEST_CASE("Japanese wraps with kinsoku: no closing mark starts a line, no opening mark ends one") {
  Paragraph p;
  for (int i = 0; i < 12; ++i) {
    p.append(
        "障害発生時は、「ステータスページ」（status）で通知します。復旧後は『報告書』を公開。");
  }
  const std::vector<std::string> no_start = {"、", "。", "」", "』", "）"};
  const std::vector<std::string> no_end = {"「", "『", "（"};
  int lines_checked = 0;
  for (double width = 40; width <= 160; width += 3.5) {
    TextBlock block(fonts(), p, TextSettings{}, width);
    std::string joined;
    for (size_t i = 0; i < block.lines().size(); ++i) {
      const std::string line = block.line_text(i);
      joined += line;
      if (line.empty()) continue;
      ++lines_checked;
      INFO("width " << width << " line " << i << ": " << line);
      if (i > 0) {
        for (const auto& c : no_start) REQUIRE(first_char(line) != c);
      }
      if (i + 1 < block.lines().size()) {
        for (const auto& c : no_end) REQUIRE(last_char(line) != c);
      }
    }
    REQUIRE(joined == p.text);  // wrapping loses and adds nothing
  }
  REQUIRE(lines_checked > 200);
  REQUIRE(TextBlock(fonts(), p, TextSettings{}, 100).unknown_glyphs() == 0);
}

TEST_CASE("a long URL wraps inside the cell without an invented hyphen") {
  Paragraph p;
  p.append("https://minato-cloud.example.jp/security/certifications/very-long-path-segment/");
  TextBlock block(fonts(), p, TextSettings{}, 60);
  REQUIRE(block.lines().size() > 1);
  std::string joined;
  for (size_t i = 0; i < block.lines().size(); ++i) {
    joined += block.line_text(i);
    REQUIRE(block.lines()[i].x + block.lines()[i].width <= 60.5);
  }
  REQUIRE(joined == p.text);
}

TEST_CASE("a cell stacks its paragraphs and list items hang after their marker") {
  Paragraph first;
  first.append("一行目");
  Paragraph item;
  item.marker = "•";
  item.level = 1;
  item.space_before = 1;
  for (int i = 0; i < 10; ++i) item.append("箇条書きの長い項目です。");
  Cell cell(fonts(), {first, item}, TextSettings{}, 120);
  REQUIRE(cell.spans().size() > 3);
  for (size_t i = 1; i < cell.spans().size(); ++i) {
    REQUIRE(cell.spans()[i].top >= cell.spans()[i - 1].bottom - 1e-6);
  }
}
