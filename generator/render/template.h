// XHTML templates with attribute directives (namespace urn:trustpage:template, prefix tp).
// Values are inserted as text or attribute values, escaped by construction: the only
// markup a value can carry is rendered Markdown. See themes/README.md for the directives.
//
// Each (layout, page template) pair is compiled once into a program of pre-written HTML and
// typed slots (render/template_program.h); rendering a page fills the slots. Programs are
// immutable, so pages render in parallel from one engine.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "render/value.h"

namespace trustpage {

// Finds a template file by name ("layout.xhtml", "partials/nav.xhtml").
// Returns the file's bytes, or an error Status.
using TemplateLoader = std::function<Result<std::string>(const std::string& name)>;

struct RenderRequest {
  std::string layout = "layout.xhtml";  // the whole document, holding one <tp:body/>
  std::string body;                     // the page's template, inserted at <tp:body/>
  Map context;                          // variables
  std::string page_route;  // this page's path in the site, e.g. "checklists/meti/index.html";
                           // tp:href makes site routes relative to it
};

struct TemplateCache;  // parsed files and compiled programs (internal to template.cc)

class TemplateEngine {
 public:
  explicit TemplateEngine(TemplateLoader loader);
  // Compiles the layout and the page template (once; later calls reuse the program). Theme
  // errors are found here, before any page renders: call it to check a theme.
  Status compile(const std::string& layout, const std::string& body) const;
  // Renders the request to an HTML5 document (DOCTYPE included). Safe to call from several
  // threads at once.
  Result<std::string> render(const RenderRequest& request) const;

 private:
  TemplateLoader loader_;
  std::shared_ptr<TemplateCache> cache_;  // shared by copies of the engine
};

}  // namespace trustpage
