#include "content/urls.h"

namespace trustpage::content_detail {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "https" for "https://x", "" when the text has no scheme (a relative path).
std::string scheme_of(std::string_view url) {
  if (url.empty() || !is_alpha(url.front())) return "";
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return lower(url.substr(0, i));
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return "";
  }
  return "";
}

}  // namespace

LinkCheck check_link(std::string_view url) {
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7F) {
      return {std::nullopt, "contains a space or control character — encode spaces as %20"};
    }
  }
  if (url.empty()) return {std::nullopt, "is empty"};
  std::string scheme = scheme_of(url);
  if (scheme.empty()) return {LinkKind::kRelative, ""};
  if (scheme == "http" || scheme == "https") {
    std::string_view rest = url.substr(scheme.size() + 1);
    if (!rest.starts_with("//") || rest.size() == 2 || rest[2] == '/' || rest[2] == '?' ||
        rest[2] == '#') {
      return {std::nullopt, "has no host — write a full URL such as https://example.com/"};
    }
    return {LinkKind::kWeb, ""};
  }
  if (scheme == "mailto") {
    if (url.size() == scheme.size() + 1) return {std::nullopt, "has no address after mailto:"};
    return {LinkKind::kMailto, ""};
  }
  return {std::nullopt, "uses \"" + scheme +
                            ":\" — only http://, https:// and mailto: links "
                            "are allowed"};
}

}  // namespace trustpage::content_detail
