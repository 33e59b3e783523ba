#include "render/template.h"

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <string>

#include "render/markdown.h"

namespace trustpage {
namespace {

// Templates held in memory; counts reads so tests can see the engine's cache at work.
struct Files {
  std::map<std::string, std::string> files;
  std::shared_ptr<std::map<std::string, int>> reads =
      std::make_shared<std::map<std::string, int>>();

  TemplateLoader loader() const {
    return [files = files, reads = reads](const std::string& name) -> Result<std::string> {
      ++(*reads)[name];
      auto it = files.find(name);
      if (it == files.end()) return Status::Error("no such template");
      return it->second;
    };
  }
};

constexpr const char* kLayout =
    "<html xmlns:tp=\"urn:trustpage:template\"><body><tp:body/></body></html>";

// Renders `page` (the children of a page template's root) inside a minimal layout.
Result<std::string> RenderPage(const std::string& page, Map context,
                               std::map<std::string, std::string> partials = {},
                               std::string route = "index.html") {
  Files files{std::move(partials)};
  files.files["layout.xhtml"] = kLayout;
  files.files["page.xhtml"] =
      "<tp:block xmlns:tp=\"urn:trustpage:template\">" + page + "</tp:block>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.body = "page.xhtml";
  request.context = std::move(context);
  request.page_route = std::move(route);
  return engine.render(request);
}

// What ended up inside <body>: the page's own output.
std::string Body(const Result<std::string>& html) {
  REQUIRE(html.ok());
  const std::string& s = *html;
  const size_t begin = s.find("<body>");
  const size_t end = s.rfind("</body>");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return s.substr(begin + 6, end - begin - 6);
}

Markup MarkupOf(const std::string& xhtml) {
  Markup m;
  std::string error;
  REQUIRE(MarkupBuilder::parse(xhtml, m, &error));
  return m;
}

}  // namespace

TEST_CASE("the layout becomes an HTML5 document without template traces") {
  Files files;
  files.files["layout.xhtml"] =
      "<!DOCTYPE html>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:tp=\"urn:trustpage:template\" "
      "lang=\"ja\">\n"
      "<head><meta charset=\"utf-8\"/><script src=\"app.js\"/><!-- theme note --></head>\n"
      "<body><tp:body/></body>\n"
      "</html>\n";
  files.files["page.xhtml"] = "<main xmlns:tp=\"urn:trustpage:template\"><p>hi</p></main>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.body = "page.xhtml";
  const Result<std::string> html = engine.render(request);
  REQUIRE(html.ok());
  CHECK(*html ==
        "<!DOCTYPE html>\n"
        "<html lang=\"ja\">\n"
        "<head><meta charset=\"utf-8\"><script src=\"app.js\"></script></head>\n"
        "<body><p>hi</p></body>\n"
        "</html>\n");
}

TEST_CASE("tp:text inserts strings as text, never as markup") {
  const std::string body = Body(RenderPage("<p tp:text=\"remark\">placeholder</p>",
                                           Map{{"remark", "<script>alert(1)</script>"}}));
  CHECK(body == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}

TEST_CASE("tp:attr-* values are escaped inside the attribute") {
  const std::string body = Body(RenderPage("<a class=\"x\" tp:attr-title=\"t\">y</a>",
                                           Map{{"t", "\"><svg onload=alert(1)>"}}));
  CHECK(body == "<a class=\"x\" title=\"&quot;&gt;&lt;svg onload=alert(1)&gt;\">y</a>");
}

TEST_CASE("tp:attr-* sets, replaces and removes attributes") {
  const Map context{{"cls", "answer yes"}, {"none", ""}};
  CHECK(Body(RenderPage("<p class=\"old\" tp:attr-class=\"cls\"/>", context)) ==
        "<p class=\"answer yes\"></p>");
  CHECK(Body(RenderPage("<p class=\"old\" id=\"k\" tp:attr-class=\"none\"/>", context)) ==
        "<p id=\"k\"></p>");
  CHECK(Body(RenderPage("<p tp:attr-data-status=\"cls\"/>", context)) ==
        "<p data-status=\"answer yes\"></p>");
}

TEST_CASE("tp:attr-* refuses event handlers and drops script URLs") {
  const Map context{
      {"v", "alert(1)"}, {"js", " JaVaScRiPt:alert(1)"}, {"web", "https://a.example/"}};
  const Result<std::string> handler = RenderPage("\n<p tp:attr-onclick=\"v\"/>", context);
  REQUIRE_FALSE(handler.ok());
  CHECK(handler.status().where().file == "page.xhtml");
  CHECK(handler.status().where().line == 2);
  CHECK(Body(RenderPage("<a tp:attr-href=\"js\">x</a>", context)) == "<a>x</a>");
  CHECK(Body(RenderPage("<details tp:attr-open=\"v\"/>", context)) ==
        "<details open=\"alert(1)\"></details>");
  CHECK_FALSE(RenderPage("<iframe tp:attr-srcdoc=\"v\"/>", context).ok());
  CHECK(Body(RenderPage("<a tp:attr-href=\"web\">x</a>", context)) ==
        "<a href=\"https://a.example/\">x</a>");
}

TEST_CASE("tp:each repeats the element with index, first and last") {
  const Map context{{"items", List{"a", "b", "c"}}};
  const std::string body = Body(
      RenderPage("<li tp:each=\"x in items\" tp:attr-data-n=\"x_index\"><b tp:if=\"x_first\">F</b>"
                 "<span tp:text=\"x\"/><i tp:if=\"x_last\">L</i></li>",
                 context));
  CHECK(body ==
        "<li data-n=\"1\"><b>F</b><span>a</span></li>"
        "<li data-n=\"2\"><span>b</span></li>"
        "<li data-n=\"3\"><span>c</span><i>L</i></li>");
  CHECK(Body(RenderPage("<li tp:each=\"x in items\">x</li>", Map{{"items", List{}}})).empty());
}

TEST_CASE("tp:each scopes nest, shadow and end with the element") {
  const Map context{{"name", "outer"},
                    {"groups", List{Map{{"title", "G1"}, {"items", List{"a", "b"}}},
                                    Map{{"title", "G2"}, {"items", List{"c"}}}}}};
  const std::string body =
      Body(RenderPage("<section tp:each=\"g in groups\"><p tp:each=\"name in g.items\">"
                      "<tp:block tp:text=\"g.title\"/>:<tp:block tp:text=\"name\"/></p></section>"
                      "<span tp:text=\"name\"/>",
                      context));
  CHECK(body ==
        "<section><p>G1:a</p><p>G1:b</p></section><section><p>G2:c</p></section>"
        "<span>outer</span>");
}

TEST_CASE("tp:each is evaluated before tp:if on the same element") {
  const Map context{{"rows", List{Map{{"show", true}, {"v", "1"}}, Map{{"show", false}, {"v", "2"}},
                                  Map{{"show", true}, {"v", "3"}}}}};
  CHECK(Body(RenderPage("<td tp:each=\"r in rows\" tp:if=\"r.show\" tp:text=\"r.v\"/>", context)) ==
        "<td>1</td><td>3</td>");
}

TEST_CASE("tp:each needs a list and a 'name in path' form") {
  const Result<std::string> not_list = RenderPage("<p tp:each=\"x in s\"/>", Map{{"s", "abc"}});
  REQUIRE_FALSE(not_list.ok());
  CHECK_THAT(not_list.status().message(), Catch::Contains("needs a list"));
  const Result<std::string> bad_form = RenderPage("<p tp:each=\"x of s\"/>", Map{{"s", List{}}});
  REQUIRE_FALSE(bad_form.ok());
  CHECK_THAT(bad_form.status().message(), Catch::Contains("name in path"));
}

TEST_CASE("tp:if and tp:unless follow truthiness") {
  Markup empty_markup;
  const Map context{{"yes", true},
                    {"no", false},
                    {"word", "x"},
                    {"blank", ""},
                    {"items", List{"a"}},
                    {"none", List{}},
                    {"map", Map{{"k", "v"}}},
                    {"nomap", Map{}},
                    {"md", MarkupOf("<p>x</p>")},
                    {"nomd", empty_markup}};
  std::string page;
  for (const char* key :
       {"yes", "no", "word", "blank", "items", "none", "map", "nomap", "md", "nomd"}) {
    page += std::string("<i tp:if=\"") + key + "\">" + key + "</i>";
    page += std::string("<u tp:unless=\"") + key + "\">" + key + "</u>";
  }
  CHECK(Body(RenderPage(page, context)) ==
        "<i>yes</i><u>no</u><i>word</i><u>blank</u><i>items</i><u>none</u><i>map</i><u>nomap</u>"
        "<i>md</i><u>nomd</u>");
}

TEST_CASE("tp:block leaves only its children") {
  const Map context{{"show", true}, {"t", "hello"}};
  CHECK(Body(RenderPage("<ul><tp:block tp:if=\"show\"><li>a</li> <li>b</li></tp:block></ul>",
                        context)) == "<ul><li>a</li> <li>b</li></ul>");
  CHECK(Body(RenderPage("<p>x <tp:block tp:text=\"t\"/> y</p>", context)) == "<p>x hello y</p>");
  const Result<std::string> with_attr = RenderPage("<tp:block tp:attr-id=\"t\"/>", context);
  CHECK_FALSE(with_attr.ok());
}

TEST_CASE("tp:include renders a partial's root children in the current scope") {
  const std::map<std::string, std::string> partials{
      {"partials/item.xhtml",
       "<tp:block xmlns:tp=\"urn:trustpage:template\"><em tp:text=\"it.name\"/>"
       "<small tp:text=\"site\"/></tp:block>"}};
  const Map context{{"site", "S"}, {"list", List{Map{{"name", "A"}}, Map{{"name", "B"}}}}};
  CHECK(Body(RenderPage("<li tp:each=\"it in list\"><div tp:include=\"partials/item.xhtml\"/></li>",
                        context, partials)) ==
        "<li><em>A</em><small>S</small></li><li><em>B</em><small>S</small></li>");
}

TEST_CASE("tp:include of a missing template names the including line") {
  const Result<std::string> html =
      RenderPage("\n\n<div tp:include=\"partials/nope.xhtml\"/>", Map{});
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "page.xhtml");
  CHECK(html.status().where().line == 3);
  CHECK_THAT(html.status().message(), Catch::Contains("partials/nope.xhtml"));
}

TEST_CASE("a partial including itself stops with an error") {
  const std::map<std::string, std::string> partials{
      {"partials/loop.xhtml",
       "<tp:block xmlns:tp=\"urn:trustpage:template\">\n<p tp:include=\"partials/loop.xhtml\"/>"
       "</tp:block>"}};
  const Result<std::string> html =
      RenderPage("<div tp:include=\"partials/loop.xhtml\"/>", Map{}, partials);
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "partials/loop.xhtml");
  CHECK(html.status().where().line == 2);
  CHECK_THAT(html.status().message(), Catch::Contains("include itself"));
}

TEST_CASE("tp:each nested over the same list stops with an error before the page explodes") {
  // Eleven levels over four entries: four million <i> elements before this was bounded.
  std::string page = "<b tp:text=\"x\"/>";
  for (int level = 0; level < 11; ++level) page = "<i tp:each=\"e in list\">" + page + "</i>";
  const Result<std::string> html =
      RenderPage("\n" + page, Map{{"x", "x"}, {"list", List{"a", "b", "c", "d"}}});
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "page.xhtml");
  CHECK(html.status().where().line == 2);
  CHECK_THAT(html.status().message(), Catch::Contains("grows past 1000000 elements"));
}

TEST_CASE("errors inside a partial name the partial's file and line") {
  const std::map<std::string, std::string> partials{
      {"partials/bad.xhtml",
       "<tp:block xmlns:tp=\"urn:trustpage:template\">\n\n\n<p tp:text=\"missing\"/></tp:block>"}};
  const Result<std::string> html =
      RenderPage("<div tp:include=\"partials/bad.xhtml\"/>", Map{}, partials);
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "partials/bad.xhtml");
  CHECK(html.status().where().line == 4);
}

TEST_CASE("tp:href and tp:src make site routes relative to the page") {
  const Map context{{"css", "assets/style.css"},
                    {"home", ""},
                    {"item", "checklists/meti/items/y.html#remarks"},
                    {"ext", "https://example.com/a?b=1&c=2"},
                    {"js", "javascript:alert(1)"},
                    {"logo", "assets/logo.png"}};
  const std::string body = Body(RenderPage(
      "<link tp:href=\"css\"/><a tp:href=\"home\">h</a><a tp:href=\"item\">i</a>"
      "<a tp:href=\"ext\">e</a><a href=\"#fallback\" tp:href=\"js\">j</a><img tp:src=\"logo\"/>",
      context, {}, "checklists/meti/items/x.html"));
  CHECK(body ==
        "<link href=\"../../../assets/style.css\"><a href=\"../../../index.html\">h</a>"
        "<a href=\"y.html#remarks\">i</a><a href=\"https://example.com/a?b=1&amp;c=2\">e</a>"
        "<a>j</a><img src=\"../../../assets/logo.png\">");
}

TEST_CASE("tp:html inserts rendered Markdown, and refuses strings") {
  Result<Markup> md = render_markdown("**bold** and [x](javascript:alert(1))");
  REQUIRE(md.ok());
  const Map context{{"md", *md}, {"s", "<b>not markup</b>"}};
  CHECK(Body(RenderPage("<div tp:html=\"md\">old</div>", context)) ==
        "<div><p><strong>bold</strong> and <a href=\"\">x</a></p>\n</div>");
  const Result<std::string> from_string = RenderPage("\n<div tp:html=\"s\"/>", context);
  REQUIRE_FALSE(from_string.ok());
  CHECK(from_string.status().where().file == "page.xhtml");
  CHECK(from_string.status().where().line == 2);
  CHECK_THAT(from_string.status().message(), Catch::Contains("tp:html"));
}

TEST_CASE("tp:text refuses values that are not strings") {
  const Result<std::string> html = RenderPage("<p tp:text=\"items\"/>", Map{{"items", List{"a"}}});
  REQUIRE_FALSE(html.ok());
  CHECK_THAT(html.status().message(), Catch::Contains("needs a string") && Catch::Contains("list"));
}

TEST_CASE("a missing variable path names the template file, line and the missing key") {
  const Map context{{"item", Map{{"answer", "yes"}}}};
  const Result<std::string> html = RenderPage("\n<p>ok</p>\n<p tp:text=\"item.answr\"/>", context);
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "page.xhtml");
  CHECK(html.status().where().line == 3);
  CHECK(html.status().where().column == 1);
  CHECK_THAT(html.status().message(), Catch::Contains("\"item\" has no \"answr\""));
  CHECK_THAT(html.status().to_string(), Catch::StartsWith("page.xhtml:3:1: error: "));

  const Result<std::string> top = RenderPage("<p tp:if=\"nothing\"/>", context);
  REQUIRE_FALSE(top.ok());
  CHECK_THAT(top.status().message(), Catch::Contains("no variable \"nothing\""));
}

TEST_CASE("directives on a page template's root or a foreign tp namespace are errors") {
  Files files;
  files.files["layout.xhtml"] = kLayout;
  files.files["root.xhtml"] = "<main xmlns:tp=\"urn:trustpage:template\" tp:if=\"x\"/>";
  files.files["ns.xhtml"] = "<main xmlns:tp=\"urn:other\"><p/></main>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.context = Map{{"x", true}};
  request.body = "root.xhtml";
  const Result<std::string> root = engine.render(request);
  REQUIRE_FALSE(root.ok());
  CHECK(root.status().where().file == "root.xhtml");
  CHECK_THAT(root.status().message(), Catch::Contains("root element"));
  request.body = "ns.xhtml";
  const Result<std::string> ns = engine.render(request);
  REQUIRE_FALSE(ns.ok());
  CHECK_THAT(ns.status().message(), Catch::Contains("urn:trustpage:template"));
}

TEST_CASE("unknown directives and elements are errors") {
  const Result<std::string> attr = RenderPage("\n\n<p tp:txet=\"x\"/>", Map{{"x", "y"}});
  REQUIRE_FALSE(attr.ok());
  CHECK(attr.status().where().line == 3);
  CHECK_THAT(attr.status().message(), Catch::Contains("tp:txet"));
  const Result<std::string> element = RenderPage("<tp:blok/>", Map{});
  REQUIRE_FALSE(element.ok());
  CHECK_THAT(element.status().message(), Catch::Contains("tp:blok"));
}

TEST_CASE("malformed XML names the template file and line") {
  Files files;
  files.files["layout.xhtml"] =
      "<html xmlns:tp=\"urn:trustpage:template\">\n<body>\n<p>\n</body></html>";
  files.files["page.xhtml"] = "<main/>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.body = "page.xhtml";
  const Result<std::string> html = engine.render(request);
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().file == "layout.xhtml");
  CHECK(html.status().where().line == 4);
  CHECK_THAT(html.status().message(), Catch::Contains("malformed XML"));
}

TEST_CASE("the layout must insert the body exactly once, and only the layout may") {
  Files files;
  files.files["layout.xhtml"] =
      "<html xmlns:tp=\"urn:trustpage:template\"><body><tp:body tp:if=\"x\"/></body></html>";
  files.files["twice.xhtml"] =
      "<html xmlns:tp=\"urn:trustpage:template\"><body><tp:body/><tp:body/></body></html>";
  files.files["none.xhtml"] = "<html><body/></html>";
  files.files["page.xhtml"] = "<main xmlns:tp=\"urn:trustpage:template\"><tp:body/></main>";
  files.files["plain.xhtml"] = "<main><p>x</p></main>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.body = "plain.xhtml";
  for (const char* layout : {"layout.xhtml", "twice.xhtml", "none.xhtml"}) {
    request.layout = layout;
    CHECK_FALSE(engine.render(request).ok());
  }
  request.layout = "twice.xhtml";
  request.body = "page.xhtml";
  const Result<std::string> nested = engine.render(request);
  REQUIRE_FALSE(nested.ok());
  CHECK(nested.status().where().file == "page.xhtml");
}

TEST_CASE("a value ending a script early is refused at the template line") {
  const Result<std::string> html = RenderPage(
      "\n<script tp:text=\"data\"/>", Map{{"data", "x</script><img src=x onerror=alert(1)>"}});
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().where().line == 2);
  CHECK_THAT(html.status().message(), Catch::Contains("</"));
}

TEST_CASE("the engine parses each template once") {
  Files files;
  files.files["layout.xhtml"] = kLayout;
  files.files["page.xhtml"] =
      "<tp:block xmlns:tp=\"urn:trustpage:template\"><p tp:text=\"n\"/></tp:block>";
  TemplateEngine engine(files.loader());
  RenderRequest request;
  request.body = "page.xhtml";
  for (const char* n : {"1", "2", "3"}) {
    request.context = Map{{"n", n}};
    const Result<std::string> html = engine.render(request);
    REQUIRE(html.ok());
    CHECK_THAT(*html, Catch::Contains(std::string("<p>") + n + "</p>"));
  }
  CHECK((*files.reads)["layout.xhtml"] == 1);
  CHECK((*files.reads)["page.xhtml"] == 1);
}

TEST_CASE("template text keeps its whitespace and loses its comments") {
  CHECK(Body(RenderPage("<p><b>a</b> <i>b</i><!-- internal note --></p>\n", Map{})) ==
        "<p><b>a</b> <i>b</i></p>\n");
}

}  // namespace trustpage
