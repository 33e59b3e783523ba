// A hostile theme's XHTML page template (and, through tp:include, its partials) rendered
// with a typical context. Uses only render/template.h's public entry points.
#include <cstddef>
#include <cstdint>
#include <string>

#include "render/markdown.h"
#include "render/template.h"

namespace {

using namespace trustpage;

Map context() {
  Markup remarks = std::move(render_markdown("**備考** [link](https://example.com/)").value());
  Map item = {{"id", "meti-01"},
              {"title", "サービス時間"},
              {"answered", true},
              {"url", "checklists/meti/01.html"},
              {"remarks", remarks}};
  Map site = {{"title", "Trust <Center>"},
              {"base_url", "https://trust.example.com/"},
              {"languages", List{"ja", "en"}}};
  return {{"site", site},
          {"item", item},
          {"items", List{item, Map{{"id", "x"}, {"title", ""}}, "text", true}},
          {"empty", ""},
          {"no", false},
          {"script", "javascript:alert(1)"}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Map kContext = context();
  const std::string page(reinterpret_cast<const char*>(data), size);
  // tp:each nested in tp:each repeats what it holds; the engine stops at a million elements
  // (a render test checks that), but a page that large outlasts the fuzzer's timeout under
  // the sanitizers, so inputs that could nest deeper than three levels are skipped.
  int loops = 0;
  for (size_t at = page.find("tp:each"); at != std::string::npos; at = page.find("tp:each", at + 1))
    ++loops;
  if (loops > 3) return -1;
  // Every name but the layout is the input, so includes reach it (and include themselves).
  TemplateEngine engine([&page](const std::string& name) -> Result<std::string> {
    if (name == "layout.xhtml") {
      return std::string(
          "<html xmlns:tp=\"urn:trustpage:template\"><head><title tp:text=\"site.title\"/>"
          "</head><body><tp:body/></body></html>");
    }
    return page;
  });
  RenderRequest request;
  request.body = "page.xhtml";
  request.context = kContext;
  request.page_route = "checklists/meti/index.html";
  (void)engine.render(request);
  return 0;
}
