#include "answer/citation.h"

#include <sstream>

#include "common/unicode.h"
#include "import/text.h"
#include "site/routes.h"

namespace trustpage::answer_detail {
namespace {

// A customer's cell shows a few lines; the item page has the rest.
constexpr size_t kRemarksExcerpt = 160;
constexpr int kRemarksLines = 2;

// Markdown markers at the start of a line that mean nothing in a spreadsheet cell.
std::string plain_line(std::string line) {
  line = import_detail::trim(line);
  for (const char* marker : {"#", "- ", "* ", "> "}) {
    while (line.rfind(marker, 0) == 0)
      line = import_detail::trim(line.substr(std::string(marker).size()));
  }
  // [text](url) reads as text（url） in a cell, where nothing is a link.
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '*' || c == '`') continue;
    if (c == '[') {
      size_t close = line.find("](", i);
      size_t end = close == std::string::npos ? close : line.find(')', close);
      if (end != std::string::npos && line.find('\n', i) > end) {
        out += line.substr(i + 1, close - i - 1) + "（" + line.substr(close + 2, end - close - 2) +
               "）";
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string item_url(const Site& site, const Checklist& checklist, const Item& item) {
  std::string base = site.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  return base +
         item_route(language_prefix(site, site.languages.empty() ? "" : site.languages.front()),
                    checklist, item);
}

std::string remarks_excerpt(const std::string& markdown, size_t max_code_points) {
  std::istringstream in(markdown);
  std::string text;
  int lines = 0;
  for (std::string line; lines < kRemarksLines && std::getline(in, line);) {
    line = plain_line(line);
    if (line.empty() || line.rfind("|", 0) == 0) continue;
    text += (text.empty() ? "" : "\n") + line;
    ++lines;
  }
  std::vector<char32_t> points = code_points(text);
  if (points.size() > max_code_points) {
    points.resize(max_code_points);
    points.push_back(U'…');
    return to_utf8(points);
  }
  return text;
}

std::string citation_text(const Site& site, const Checklist& checklist, const Item& item,
                          const std::string& release) {
  std::string text = item.answer;
  std::string remarks = remarks_excerpt(item.remarks, kRemarksExcerpt);
  if (!remarks.empty()) text += (text.empty() ? "" : "\n") + remarks;
  text += (text.empty() ? "" : "\n") + std::string("出典: ") + item.id + " " +
          item_url(site, checklist, item);
  if (!release.empty()) text += "（" + release + "）";
  return text;
}

}  // namespace trustpage::answer_detail
