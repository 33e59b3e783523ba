// The fonts a PDF is set in: a Pango context whose font map knows only the theme's
// families, so fontconfig can never pick a different fallback font on another machine.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "pdf/handles.h"

namespace trustpage::pdf {

class Fonts {
 public:
  // `families`: Pango's comma-separated family list, e.g. "Noto Sans CJK JP, DejaVu Sans";
  // the first sets the text, the others only supply characters it lacks. `language` (BCP 47)
  // picks the line-breaking rules and glyph forms, whatever the process locale.
  static Result<Fonts> open(const std::string& families, const std::string& language);

  PangoContext* context() const { return context_.get(); }
  const std::string& families() const { return families_; }
  // The font files the families resolved to, sorted (for messages and tests).
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::string families_;
  std::vector<std::string> files_;
  FcConfigPtr config_;  // declared before the font map, which references it: freed last
  FontMapPtr font_map_;
  ContextPtr context_;
};

// "Noto Sans CJK JP, DejaVu Sans" -> {"Noto Sans CJK JP", "DejaVu Sans"}.
std::vector<std::string> split_families(const std::string& families);

}  // namespace trustpage::pdf
