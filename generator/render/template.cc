#include "render/template.h"

#include <map>
#include <mutex>
#include <utility>

#include "render/template_compiler.h"
#include "render/template_file.h"
#include "render/template_program.h"

namespace trustpage {

struct TemplateCache {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const TemplateFile>, std::less<>> files;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const TemplateProgram>> programs;
};

namespace {

// The program for (layout, body), compiled on first use. Holds the cache's lock while
// compiling: every page of a kind waits for the one compilation it needs anyway.
Result<std::shared_ptr<const TemplateProgram>> Program(const TemplateLoader& loader,
                                                       TemplateCache& cache,
                                                       const std::string& layout,
                                                       const std::string& body) {
  std::lock_guard<std::mutex> lock(cache.mutex);
  auto key = std::make_pair(layout, body);
  if (auto it = cache.programs.find(key); it != cache.programs.end()) return it->second;
  const TemplateFileLoader load =
      [&](const std::string& name) -> Result<std::shared_ptr<const TemplateFile>> {
    if (auto it = cache.files.find(name); it != cache.files.end()) return it->second;
    Result<std::string> text = loader(name);
    if (!text.ok()) {
      Status why = text.status();
      if (why.where().file.empty()) return Status::Error(Location{name}, why.message());
      return why;
    }
    Result<std::shared_ptr<const TemplateFile>> parsed =
        parse_template_file(name, std::move(*text));
    if (parsed.ok()) cache.files.emplace(name, *parsed);
    return parsed;
  };
  Result<TemplateProgram> compiled = compile_template(layout, body, load);
  if (!compiled.ok()) return compiled.status();
  auto program = std::make_shared<const TemplateProgram>(std::move(*compiled));
  cache.programs.emplace(std::move(key), program);
  return program;
}

}  // namespace

TemplateEngine::TemplateEngine(TemplateLoader loader)
    : loader_(std::move(loader)), cache_(std::make_shared<TemplateCache>()) {}

Status TemplateEngine::compile(const std::string& layout, const std::string& body) const {
  Result<std::shared_ptr<const TemplateProgram>> program = Program(loader_, *cache_, layout, body);
  return program.ok() ? Status::Ok() : program.status();
}

Result<std::string> TemplateEngine::render(const RenderRequest& request) const {
  Result<std::shared_ptr<const TemplateProgram>> program =
      Program(loader_, *cache_, request.layout, request.body);
  if (!program.ok()) return program.status();
  return (*program)->render(request.context, request.page_route);
}

}  // namespace trustpage
