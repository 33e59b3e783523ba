#include "render/value.h"

#include <catch2/catch.hpp>
#include <string>

#include "render/html5.h"

using trustpage::List;
using trustpage::Map;
using trustpage::Markup;
using trustpage::MarkupBuilder;
using trustpage::Value;

TEST_CASE("truthiness follows the template reference") {
  CHECK_FALSE(Value().truthy());
  CHECK_FALSE(Value("").truthy());
  CHECK(Value("0").truthy());
  CHECK(Value(true).truthy());
  CHECK_FALSE(Value(false).truthy());
  CHECK(Value(0).truthy());  // numbers arrive as strings: "0" is something to show
  CHECK_FALSE(Value(List{}).truthy());
  CHECK(Value(List{Value()}).truthy());
  CHECK_FALSE(Value(Map{}).truthy());
  CHECK(Value(Map{{"k", ""}}).truthy());
  CHECK_FALSE(Value(Markup()).truthy());
}

TEST_CASE("MarkupBuilder keeps text and whitespace between elements") {
  Markup m;
  std::string error;
  REQUIRE(MarkupBuilder::parse("<em>a</em> <b>b</b>\n<p>x &amp; y</p>", m, &error));
  CHECK_FALSE(m.empty());
  CHECK(Value(m).truthy());
  const auto html = m.html();
  REQUIRE(html.ok());
  CHECK(*html == "<em>a</em> <b>b</b>\n<p>x &amp; y</p>");
  // Serialized, it keeps only the HTML: copies share it, and it stays the same.
  const Markup copy = m;
  CHECK(*copy.html() == *html);
  CHECK_FALSE(m.root());
}

TEST_CASE("MarkupBuilder refuses malformed XML and escaping its wrapper") {
  Markup m;
  std::string error;
  CHECK_FALSE(MarkupBuilder::parse("<p>unclosed", m, &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(MarkupBuilder::parse("</div><script>alert(1)</script><div>", m, &error));
  CHECK(m.empty());
}
