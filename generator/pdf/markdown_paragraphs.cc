#include "pdf/markdown_paragraphs.h"

#include <cmark-gfm-core-extensions.h>  // table rows

#include <array>
#include <cctype>
#include <memory>

#include "render/cjk.h"
#include "render/cmark.h"

namespace trustpage::pdf {

namespace {

constexpr std::string_view kLineSeparator = "\u2028";  // a line break inside a paragraph
constexpr std::string_view kCellSeparator = " ｜ ";
constexpr std::uint32_t kSeparatorColor = 0x8a94a3;
constexpr std::uint32_t kQuoteColor = 0x5b6573;

char32_t last_char(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return decode_utf8_at(s, i);
}

bool is_break_tag(const char* html) {
  if (html == nullptr) return false;
  std::string tag;
  for (const char* c = html; *c; ++c) {
    if (*c != ' ' && *c != '/')
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
  }
  return tag == "<br>";
}

class Walker {
 public:
  explicit Walker(const LinkTarget& link_target) : link_target_(link_target) {}

  void enter(cmark_node* node) {
    const std::string_view type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        if (!in_table_) start(lists_.empty() ? 3.0 : 1.0);
        return;
      case CMARK_NODE_HEADING:
        start(4.0);
        ++bold_;
        return;
      case CMARK_NODE_CODE_BLOCK: {
        start(3.0);
        std::string code = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        while (!code.empty() && code.back() == '\n') code.pop_back();
        // Lines of code stay lines, inside one paragraph (so they keep its indentation).
        size_t at = 0;
        while ((at = code.find('\n', at)) != std::string::npos) {
          code.replace(at, 1, kLineSeparator);
          at += kLineSeparator.size();
        }
        append(code, kCode);
        return;
      }
      case CMARK_NODE_LIST:
        lists_.push_back({cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                          cmark_node_get_list_start(node),
                          cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."});
        return;
      case CMARK_NODE_ITEM: {
        List& list = lists_.back();
        marker_ = list.ordered ? std::to_string(list.next++) + list.delim : "•";
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        ++quotes_;
        return;
      case CMARK_NODE_TEXT:
        append(cmark_node_get_literal(node));
        return;
      case CMARK_NODE_CODE:
        append(cmark_node_get_literal(node), kCode);
        return;
      case CMARK_NODE_SOFTBREAK:
        pending_space_ = true;
        return;
      case CMARK_NODE_LINEBREAK:
        append(kLineSeparator);
        return;
      case CMARK_NODE_HTML_INLINE:
        if (is_break_tag(cmark_node_get_literal(node))) append(kLineSeparator);
        return;  // other raw HTML is dropped, as on the site
      case CMARK_NODE_EMPH:
        ++italic_;
        return;
      case CMARK_NODE_STRONG:
        ++bold_;
        return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        links_.push_back(url && *url && link_target_ ? link_target_(url) : "");
        return;
      }
      default:
        break;
    }
    if (type == "table") {
      in_table_ = true;
    } else if (type == "table_row" || type == "table_header") {
      start(1.0);
      if (type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(node)) {
        ++bold_;
        header_row_ = true;
      }
      first_cell_ = true;
    } else if (type == "table_cell") {
      if (!first_cell_) append(kCellSeparator, kPlain, kSeparatorColor);
      first_cell_ = false;
    } else if (type == "strikethrough") {
      ++strike_;
    }
  }

  void exit(cmark_node* node) {
    const std::string_view type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        --bold_;
        return;
      case CMARK_NODE_LIST:
        lists_.pop_back();
        return;
      case CMARK_NODE_ITEM:
        if (!marker_.empty()) start(1.0);  // an empty item still shows its number
        marker_.clear();
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        --quotes_;
        return;
      case CMARK_NODE_EMPH:
        --italic_;
        return;
      case CMARK_NODE_STRONG:
        --bold_;
        return;
      case CMARK_NODE_LINK:
        links_.pop_back();
        return;
      default:
        break;
    }
    if (type == "table") {
      in_table_ = false;
    } else if ((type == "table_row" || type == "table_header") && header_row_) {
      --bold_;
      header_row_ = false;
    } else if (type == "strikethrough") {
      --strike_;
    }
  }

  std::vector<Paragraph> take() {
    std::erase_if(out_, [](const Paragraph& p) { return p.empty() && p.marker.empty(); });
    if (!out_.empty()) out_.front().space_before = 0;
    return std::move(out_);
  }

 private:
  struct List {
    bool ordered;
    int next;
    std::string delim;
  };

  void start(double space_before) {
    Paragraph p;
    p.level = static_cast<int>(lists_.size()) + quotes_;
    p.marker = std::move(marker_);
    marker_.clear();
    p.space_before = space_before;
    out_.push_back(std::move(p));
    pending_space_ = false;
  }

  void append(std::string_view text, unsigned extra = kPlain,
              std::optional<std::uint32_t> color = std::nullopt) {
    if (text.empty()) return;
    if (out_.empty()) start(0);
    Paragraph& p = out_.back();
    if (pending_space_) {
      pending_space_ = false;
      if (!(is_cjk(last_char(p.text)) && is_cjk(decode_utf8_at(text, 0)))) p.append(" ");
    }
    unsigned style = extra;
    if (bold_ > 0) style |= kBold;
    if (italic_ > 0) style |= kItalic;
    if (strike_ > 0) style |= kStrike;
    if (!color && quotes_ > 0) color = kQuoteColor;
    std::string link;
    for (auto it = links_.rbegin(); it != links_.rend() && link.empty(); ++it) link = *it;
    p.append(text, style, std::move(link), color);
  }

  const LinkTarget& link_target_;
  std::vector<Paragraph> out_;
  std::vector<List> lists_;
  std::vector<std::string> links_;
  std::string marker_;
  int quotes_ = 0, bold_ = 0, italic_ = 0, strike_ = 0;
  bool in_table_ = false, first_cell_ = false, header_row_ = false, pending_space_ = false;
};

}  // namespace

Result<std::vector<Paragraph>> markdown_paragraphs(std::string_view markdown,
                                                   const LinkTarget& link_target) {
  Result<cmark::Parsed> parsed = cmark::parse(markdown, {"table", "autolink", "strikethrough"});
  if (!parsed.ok()) return parsed.status();

  Walker walker(link_target);
  cmark::IterPtr iter(cmark_iter_new(parsed->root.get()));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER) walker.enter(node);
    if (event == CMARK_EVENT_EXIT) walker.exit(node);
  }
  return walker.take();
}

}  // namespace trustpage::pdf
