// XHTML templates with attribute directives (namespace urn:trustpage:template, prefix tp).
// Values are inserted as text nodes or attribute values, so escaping is done by the
// serializer and cannot be forgotten. See themes/README.md for the directive reference.
#pragma once

#include <functional>
#include <memory>
#include <pugixml.hpp>
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

struct TemplateCache;  // parsed templates by name (internal to template.cc)

class TemplateEngine {
 public:
  explicit TemplateEngine(TemplateLoader loader);
  // Renders the request to an HTML5 document (DOCTYPE included).
  Result<std::string> render(const RenderRequest& request) const;

 private:
  TemplateLoader loader_;
  std::shared_ptr<TemplateCache> cache_;  // shared by copies of the engine
};

}  // namespace trustpage
