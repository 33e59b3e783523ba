// The first template engine, which walks the template DOM for every page. Kept only until
// the compiled engine (template.h) is shown to give the same bytes on the demo and the
// XSS fixture.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "render/template.h"

namespace trustpage {

struct InterpretedTemplateCache;

class InterpretedTemplateEngine {
 public:
  explicit InterpretedTemplateEngine(TemplateLoader loader);
  Result<std::string> render(const RenderRequest& request) const;

 private:
  TemplateLoader loader_;
  std::shared_ptr<InterpretedTemplateCache> cache_;
};

}  // namespace trustpage
