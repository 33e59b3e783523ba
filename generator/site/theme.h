// A theme: templates/, static/ and strings.yaml. The default theme is compiled in; an
// override folder replaces any of its files and inherits the rest.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "render/value.h"
#include "source/source.h"

namespace trustpage {

class Theme {
 public:
  static Theme builtin();
  // The built-in theme with the override's files laid over it. Symlinks are refused.
  static Result<Theme> with_override(const Source& override_files);
  static Result<Theme> with_override(const std::filesystem::path& dir);

  // A file of the theme, e.g. "templates/layout.xhtml".
  Result<std::string> file(const std::string& path) const;
  // Where a theme file came from, for messages: "themes/acme/templates/page.xhtml" or
  // "(built-in theme)/templates/page.xhtml".
  std::string origin(const std::string& path) const;
  // Paths under static/, sorted, without the "static/" prefix.
  std::vector<std::string> static_files() const;
  // The UI strings for `language` from strings.yaml, as a Map for templates (`t.key`).
  // Fails naming strings.yaml:line when a key is missing in one language but not another.
  Result<Map> strings(const std::string& language) const;
  // A string setting from theme.yaml, e.g. "pdf_font". Fails naming the file when missing.
  Result<std::string> setting(const std::string& key) const;

 private:
  std::map<std::string, std::string> files_;   // path -> bytes
  std::map<std::string, std::string> origin_;  // path -> where it came from, for errors
};

}  // namespace trustpage
