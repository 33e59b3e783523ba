#include "render/url.h"

#include <cctype>
#include <vector>

namespace trustpage {

namespace {

bool IsSpaceOrControl(char c) {
  return static_cast<unsigned char>(c) <= 0x20;
}
bool IsTabOrNewline(char c) {
  return c == '\t' || c == '\n' || c == '\r';
}

// What a browser actually parses: leading spaces/controls and every tab or newline removed.
std::string Cleaned(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && IsSpaceOrControl(url[i])) ++i;
  std::string out;
  for (; i < url.size(); ++i) {
    if (!IsTabOrNewline(url[i])) out += url[i];
  }
  return out;
}

struct Route {
  std::vector<std::string> dirs;  // folders from the site root
  std::string file;               // never empty: a folder route means its index.html
};

// Parses a '/'-separated path from the site root; "." and ".." are resolved, and a folder
// ("", "checklists/", "a/..") becomes its index.html so links also work from file://.
Route ParseRoute(std::string_view path) {
  std::vector<std::string> segments;
  bool folder = true;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    folder = segment.empty() || segment == "." || segment == "..";
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!folder) {
      segments.emplace_back(segment);
    }
    start = end + 1;
  }
  Route route;
  if (folder) {
    route.file = "index.html";
  } else {
    route.file = std::move(segments.back());
    segments.pop_back();
  }
  route.dirs = std::move(segments);
  return route;
}

}  // namespace

std::string url_scheme(std::string_view url) {
  std::string scheme;
  for (char c : Cleaned(url)) {
    if (c == ':') return scheme;
    const unsigned char u = static_cast<unsigned char>(c);
    const bool valid = std::isalpha(u) ||
                       (!scheme.empty() && (std::isdigit(u) || c == '+' || c == '-' || c == '.'));
    if (!valid) return "";
    scheme += static_cast<char>(std::tolower(u));
  }
  return "";
}

bool is_safe_url(std::string_view url) {
  const std::string scheme = url_scheme(url);
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::string relative_url(const std::string& from_route, const std::string& target) {
  if (!url_scheme(target).empty()) return is_safe_url(target) ? target : "";
  const std::string cleaned = Cleaned(target);
  // "//host/x" (and "\\host", which browsers read the same) leaves the site: it is an
  // absolute URL without a scheme, not a route. "#x" and "?x" stay on the current page.
  if (cleaned.size() >= 2 && (cleaned[0] == '/' || cleaned[0] == '\\') &&
      (cleaned[1] == '/' || cleaned[1] == '\\')) {
    return target;
  }
  if (!cleaned.empty() && (cleaned[0] == '#' || cleaned[0] == '?')) return target;

  const size_t suffix_at = cleaned.find_first_of("?#");
  const std::string_view path = std::string_view(cleaned).substr(0, suffix_at);
  const std::string suffix = suffix_at == std::string::npos ? "" : cleaned.substr(suffix_at);

  const std::string_view from =
      std::string_view(from_route).substr(0, from_route.find_first_of("?#"));
  const Route here = ParseRoute(from);
  const Route there = ParseRoute(path);

  size_t common = 0;
  while (common < here.dirs.size() && common < there.dirs.size() &&
         here.dirs[common] == there.dirs[common]) {
    ++common;
  }
  std::string out;
  for (size_t i = common; i < here.dirs.size(); ++i) out += "../";
  for (size_t i = common; i < there.dirs.size(); ++i) out += there.dirs[i] + '/';
  out += there.file;
  return out + suffix;
}

}  // namespace trustpage
