// RAII owners for the C handles of cairo, pango, glib and fontconfig: each is freed by the
// library's own function, once, here.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>

namespace trustpage::pdf {

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectFree {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct AttrListFree {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
struct LayoutIterFree {
  void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};
struct FcConfigFree {
  void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
struct FcPatternFree {
  void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct FcObjectSetFree {
  void operator()(FcObjectSet* set) const { FcObjectSetDestroy(set); }
};
struct FcFontSetFree {
  void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct FontOptionsFree {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using CairoPtr = std::unique_ptr<cairo_t, CairoFree>;
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectFree>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectFree>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectFree>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListFree>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigFree>;
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternFree>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, FcObjectSetFree>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, FcFontSetFree>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsFree>;

}  // namespace trustpage::pdf
