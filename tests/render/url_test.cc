#include <catch2/catch.hpp>
#include <string>

#include "render/url.h"

using trustpage::relative_url;

TEST_CASE("relative_url walks between site routes") {
  CHECK(relative_url("checklists/meti/items/x.html", "assets/style.css") ==
        "../../../assets/style.css");
  CHECK(relative_url("checklists/meti/x.html", "checklists/meti/index.html") == "index.html");
  CHECK(relative_url("index.html", "checklists/meti/index.html") == "checklists/meti/index.html");
  CHECK(relative_url("checklists/meti/index.html", "checklists/ismap/index.html") ==
        "../ismap/index.html");
  CHECK(relative_url("index.html", "index.html") == "index.html");
  CHECK(relative_url("checklists/meti/index.html", "/assets/app.js") == "../../assets/app.js");
}

TEST_CASE("relative_url turns folder routes into their index.html") {
  CHECK(relative_url("checklists/meti/index.html", "") == "../../index.html");
  CHECK(relative_url("index.html", "") == "index.html");
  CHECK(relative_url("a/b.html", "checklists/meti/") == "../checklists/meti/index.html");
  CHECK(relative_url("checklists/meti/", "assets/x.css") == "../../assets/x.css");
}

TEST_CASE("relative_url keeps fragments and queries") {
  CHECK(relative_url("checklists/meti/items/x.html", "checklists/meti/index.html#item-3") ==
        "../index.html#item-3");
  CHECK(relative_url("a/x.html", "#top") == "#top");
  CHECK(relative_url("a/x.html", "search.html?q=a") == "../search.html?q=a");
}

TEST_CASE("relative_url leaves web and mail addresses alone") {
  CHECK(relative_url("a/b/c.html", "https://example.com/x?y=1#z") == "https://example.com/x?y=1#z");
  CHECK(relative_url("a/b/c.html", "http://example.com/") == "http://example.com/");
  CHECK(relative_url("a/b/c.html", "HTTPS://EXAMPLE.COM/") == "HTTPS://EXAMPLE.COM/");
  CHECK(relative_url("a/b/c.html", "mailto:security@example.com") == "mailto:security@example.com");
}

TEST_CASE("relative_url drops every other scheme, however it is spelled") {
  for (const std::string target :
       {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "\x01javascript:alert(1)", "\t\njavascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "file:///etc/passwd", "x-custom:thing"}) {
    INFO(target);
    CHECK(relative_url("a/b.html", target).empty());
  }
}
