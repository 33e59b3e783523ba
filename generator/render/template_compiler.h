// Compiles a layout, a page template and the partials they include into one
// TemplateProgram. Every error a theme can make in its files (unknown directive, a script
// attribute set from a variable, content in a void element, markup in a script, a missing
// or self-including partial) is found here, naming file:line:col, before any page renders.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "render/template_file.h"
#include "render/template_program.h"

namespace trustpage {

// A parsed template by name; errors name the file.
using TemplateFileLoader =
    std::function<Result<std::shared_ptr<const TemplateFile>>(const std::string& name)>;

Result<TemplateProgram> compile_template(const std::string& layout, const std::string& body,
                                         const TemplateFileLoader& load);

}  // namespace trustpage
