#include "pdf/text_block.h"

#include <charconv>

namespace trustpage::pdf {

void set_color(cairo_t* cr, std::uint32_t rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

std::string number(double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 2);
  return ec == std::errc() ? std::string(buf, end) : "0";
}

std::string tag_string(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

namespace {

constexpr std::uint32_t kLinkColor = 0x1f5fa8;
constexpr std::uint32_t kMutedColor = 0x5b6573;
constexpr std::uint32_t kCodeBackground = 0xeef1f5;

guint16 channel(std::uint32_t rgb, int shift) {
  return static_cast<guint16>(((rgb >> shift) & 0xFF) * 257);
}

void insert(PangoAttrList* list, PangoAttribute* attr, size_t start, size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attr);
}

AttrListPtr attributes(const std::vector<Span>& spans, size_t offset, size_t length) {
  AttrListPtr list(pango_attr_list_new());
  // Pango would otherwise add a hyphen where it breaks inside a Latin word or a URL: text
  // that is not in the content, and that a search or a copy would pick up.
  insert(list.get(), pango_attr_insert_hyphens_new(FALSE), 0, offset + length);
  for (const Span& s : spans) {
    const size_t a = s.start + offset, b = s.end + offset;
    if (s.style & kBold) insert(list.get(), pango_attr_weight_new(PANGO_WEIGHT_BOLD), a, b);
    if (s.style & kItalic) insert(list.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), a, b);
    if (s.style & kStrike) insert(list.get(), pango_attr_strikethrough_new(TRUE), a, b);
    if (s.style & kCode) {
      insert(list.get(),
             pango_attr_background_new(channel(kCodeBackground, 16), channel(kCodeBackground, 8),
                                       channel(kCodeBackground, 0)),
             a, b);
    }
    std::optional<std::uint32_t> color = s.color;
    if (!color && (s.style & kMuted)) color = kMutedColor;
    if (!s.link.empty()) {
      if (!color) color = kLinkColor;
      if (!(s.style & kNoUnderline)) {
        insert(list.get(), pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), a, b);
      }
    }
    if (color) {
      insert(list.get(),
             pango_attr_foreground_new(channel(*color, 16), channel(*color, 8), channel(*color, 0)),
             a, b);
    }
  }
  return list;
}

}  // namespace

TextBlock::TextBlock(const Fonts& fonts, const Paragraph& p, const TextSettings& settings,
                     double width)
    : layout_(pango_layout_new(fonts.context())),
      space_before_(p.space_before),
      color_(settings.color) {
  const double size = p.size > 0 ? p.size : settings.size;
  const bool hanging = !p.marker.empty();
  const int steps = hanging ? p.level - 1 : p.level;
  x_ = settings.indent_step * (steps > 0 ? steps : 0);

  std::string text = p.text;
  size_t offset = 0;
  if (hanging) {
    text = p.marker + "\t" + text;
    offset = p.marker.size() + 1;
    // The marker hangs in the indent step; the text and its continuation lines align after it.
    const int step = static_cast<int>(settings.indent_step * PANGO_SCALE);
    PangoTabArray* tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT, step);
    pango_layout_set_tabs(layout_.get(), tabs);
    pango_tab_array_free(tabs);
    pango_layout_set_indent(layout_.get(), -step);
  }
  FontDescriptionPtr font(pango_font_description_from_string(fonts.families().c_str()));
  pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
  pango_layout_set_font_description(layout_.get(), font.get());
  const double available = width - x_ > size ? width - x_ : size;
  pango_layout_set_width(layout_.get(), static_cast<int>(available * PANGO_SCALE));
  pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing(layout_.get(), static_cast<float>(settings.line_spacing));
  pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
  AttrListPtr attrs = attributes(p.spans, offset, text.size() - offset);
  pango_layout_set_attributes(layout_.get(), attrs.get());

  for (const Span& s : p.spans) {
    if (!s.link.empty())
      links_.push_back({s.start + offset, s.end + offset, s.style, s.color, s.link});
  }
  LayoutIterPtr iter(pango_layout_get_iter(layout_.get()));
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter.get(), &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    lines_.push_back({static_cast<double>(y0) / PANGO_SCALE, static_cast<double>(y1) / PANGO_SCALE,
                      static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE,
                      static_cast<double>(logical.x) / PANGO_SCALE,
                      static_cast<double>(logical.width) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(iter.get()));
}

std::string TextBlock::line_text(size_t i) const {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), static_cast<int>(i));
  if (line == nullptr) return "";
  return std::string(pango_layout_get_text(layout_.get()) + line->start_index,
                     static_cast<size_t>(line->length));
}

int TextBlock::unknown_glyphs() const {
  return pango_layout_get_unknown_glyphs_count(layout_.get());
}

void TextBlock::draw_line(cairo_t* cr, size_t i, double left, double top) const {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), static_cast<int>(i));
  if (line == nullptr) return;
  const LineBox& box = lines_[i];
  set_color(cr, color_);
  cairo_move_to(cr, left + x_ + box.x, top + box.baseline);
  pango_cairo_show_layout_line(cr, line);

  const size_t line_start = static_cast<size_t>(line->start_index);
  const size_t line_end = line_start + static_cast<size_t>(line->length);
  const char* text = pango_layout_get_text(layout_.get());
  for (const Span& link : links_) {
    const size_t a = std::max(link.start, line_start), b = std::min(link.end, line_end);
    if (a >= b) continue;
    int x0 = 0, x1 = 0;
    pango_layout_line_index_to_x(line, static_cast<int>(a), FALSE, &x0);
    const char* last = g_utf8_find_prev_char(text + a, text + b);
    pango_layout_line_index_to_x(line, static_cast<int>(last ? last - text : a), TRUE, &x1);
    if (x1 < x0) std::swap(x0, x1);
    const std::string attributes =
        "rect=[" + number(left + x_ + box.x + x0 / static_cast<double>(PANGO_SCALE)) + " " +
        number(top + box.top) + " " + number((x1 - x0) / static_cast<double>(PANGO_SCALE)) + " " +
        number(box.bottom - box.top) + "] uri=" + tag_string(link.link);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

}  // namespace trustpage::pdf
