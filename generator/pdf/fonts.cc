#include "pdf/fonts.h"

#include <pango/pangofc-fontmap.h>

#include <algorithm>

namespace trustpage::pdf {

std::vector<std::string> split_families(const std::string& families) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= families.size()) {
    size_t end = families.find(',', start);
    if (end == std::string::npos) end = families.size();
    std::string name = families.substr(start, end - start);
    const char* kSpace = " \t";
    size_t b = name.find_first_not_of(kSpace);
    if (b != std::string::npos)
      out.push_back(name.substr(b, name.find_last_not_of(kSpace) - b + 1));
    start = end + 1;
  }
  return out;
}

namespace {

// fontconfig's own rule (90-synthetic.conf): a family without a bold face gets an emboldened
// regular one where bold is asked for, instead of silently losing the emphasis.
constexpr const char* kSyntheticBold = R"(<?xml version="1.0"?>
<fontconfig>
  <match target="font">
    <test name="weight" compare="less_eq"><const>medium</const></test>
    <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
    <edit name="embolden" mode="assign"><bool>true</bool></edit>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
</fontconfig>
)";

// The files that hold `family` in the system's fontconfig setup.
std::vector<std::string> family_files(const std::string& family) {
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSetPtr objects(FcObjectSetBuild(FC_FILE, nullptr));
  FcFontSetPtr set(FcFontList(nullptr, pattern.get(), objects.get()));
  std::vector<std::string> files;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch) {
      files.emplace_back(reinterpret_cast<const char*>(file));
    }
  }
  return files;
}

}  // namespace

Result<Fonts> Fonts::open(const std::string& families, const std::string& language) {
  Fonts fonts;
  fonts.families_ = families;
  const std::vector<std::string> names = split_families(families);
  if (names.empty()) return Status::Error("no PDF font family is set");
  for (const std::string& name : names) {
    std::vector<std::string> files = family_files(name);
    if (files.empty()) {
      return Status::Error("the PDF font \"" + name +
                           "\" is not installed — install Debian's fonts-noto-cjk and "
                           "fonts-dejavu-core, or set pdf_font in the theme's theme.yaml to "
                           "families that `fc-list : family` shows");
    }
    fonts.files_.insert(fonts.files_.end(), files.begin(), files.end());
  }
  std::sort(fonts.files_.begin(), fonts.files_.end());
  fonts.files_.erase(std::unique(fonts.files_.begin(), fonts.files_.end()), fonts.files_.end());

  // A configuration of its own holding only these files: no system fallback font (which
  // differs between machines) can ever be chosen, and no user configuration applies.
  fonts.config_.reset(FcConfigCreate());
  if (!fonts.config_ ||
      !FcConfigParseAndLoadFromMemory(fonts.config_.get(),
                                      reinterpret_cast<const FcChar8*>(kSyntheticBold), FcTrue)) {
    return Status::Error("fontconfig could not create a configuration");
  }
  for (const std::string& file : fonts.files_) {
    if (!FcConfigAppFontAddFile(fonts.config_.get(),
                                reinterpret_cast<const FcChar8*>(file.c_str()))) {
      return Status::Error("fontconfig could not read the font file " + file);
    }
  }
  fonts.font_map_.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  if (!fonts.font_map_) return Status::Error("pango has no FreeType font map");
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts.font_map_.get()), fonts.config_.get());

  fonts.context_.reset(pango_font_map_create_context(fonts.font_map_.get()));
  // One point per user-space unit, unhinted metrics and unrounded positions: the layout
  // depends on the font files alone, not on a screen's resolution or hinting settings.
  pango_cairo_context_set_resolution(fonts.context_.get(), 72.0);
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(fonts.context_.get(), options.get());
  pango_context_set_round_glyph_positions(fonts.context_.get(), FALSE);
  pango_context_set_language(fonts.context_.get(), pango_language_from_string(language.c_str()));
  return fonts;
}

}  // namespace trustpage::pdf
