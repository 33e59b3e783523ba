#include "import/text.h"

#include <iconv.h>
#include <uninorm.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <regex>
#include <set>

namespace trustpage::import_detail {
namespace {

struct IconvCloser {
  void operator()(iconv_t* cd) const {
    iconv_close(*cd);
    delete cd;
  }
};

// Converts with iconv; nullopt and the offset of the first byte it could not convert.
std::optional<std::string> convert(const std::string& bytes, const char* from, size_t* bad) {
  iconv_t raw = iconv_open("UTF-8", from);
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    *bad = 0;
    return std::nullopt;
  }
  std::unique_ptr<iconv_t, IconvCloser> cd(new iconv_t(raw));
  std::string out(bytes.size() * 3 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(*cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        size_t used = out.size() - out_left;
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      *bad = bytes.size() - in_left;
      return std::nullopt;
    }
  }
  out.resize(out.size() - out_left);
  return out;
}

int line_of(const std::string& bytes, size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}

// Punctuation, brackets and symbols that sheets sprinkle differently around the same words.
bool is_ignorable(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  static const std::u32string kMarks =
      U"、。・，．：；？！「」『』【】〔〕［］（）｛｝〈〉《》“”‘’…‥ー―－〜～／＼※＊";
  return kMarks.find(c) != std::u32string::npos || (c >= 0x2010 && c <= 0x2027) || c == 0x30FB;
}

}  // namespace

bool is_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    if (n == 2 && c < 0xC2) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string to_utf8(const std::vector<char32_t>& points) {
  std::string out;
  for (char32_t c : points) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

Result<std::string> decode(const std::string& bytes, Encoding encoding, const std::string& file,
                           std::string* used) {
  const std::string kBom = "\xEF\xBB\xBF";
  if (encoding != Encoding::kCp932) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
      // Excel's "Unicode text" (UTF-16 with BOM).
      size_t bad = 0;
      if (auto text = convert(bytes, "UTF-16", &bad)) {
        *used = "UTF-16";
        return *text;
      }
      return Status::Error(Location{file},
                           "the file starts like UTF-16 but is not valid "
                           "UTF-16 — save it again as CSV UTF-8");
    }
    bool bom = bytes.compare(0, kBom.size(), kBom) == 0;
    std::string_view body(bytes);
    if (bom) body.remove_prefix(kBom.size());
    if (bom || encoding == Encoding::kUtf8 || is_utf8(body)) {
      if (!is_utf8(body)) {
        size_t good = 0;
        while (good < body.size() && is_utf8(body.substr(0, good + 1))) ++good;
        return Status::Error(Location{file, line_of(bytes, good + (bom ? 3 : 0))},
                             "not valid UTF-8 — if Excel saved it as CSV (Shift_JIS), pass "
                             "--encoding cp932");
      }
      *used = "UTF-8";
      return std::string(body);
    }
  }
  size_t bad = 0;
  if (auto text = convert(bytes, "CP932", &bad)) {
    *used = "CP932";
    return *text;
  }
  return Status::Error(Location{file, line_of(bytes, bad)},
                       "neither UTF-8 nor Shift_JIS (CP932) — in Excel choose \"Save as\" › "
                       "\"CSV UTF-8\", or pass --encoding for the file's encoding");
}

std::string nfkc(std::string_view text) {
  size_t length = 0;
  uint8_t* out = u8_normalize(UNINORM_NFKC, reinterpret_cast<const uint8_t*>(text.data()),
                              text.size(), nullptr, &length);
  if (out == nullptr) return std::string(text);
  std::string result(reinterpret_cast<char*>(out), length);
  std::free(out);
  return result;
}

std::string match_key(std::string_view text) {
  std::vector<char32_t> kept;
  for (char32_t c : code_points(nfkc(text))) {
    if (is_space(c) || is_ignorable(c)) continue;
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    kept.push_back(c);
  }
  return to_utf8(kept);
}

double similarity(std::string_view a_key, std::string_view b_key) {
  if (a_key == b_key) return a_key.empty() ? 0 : 1;
  std::vector<char32_t> a = code_points(a_key), b = code_points(b_key);
  if (a.size() < 2 || b.size() < 2) return 0;
  std::multiset<std::u32string> bigrams;
  for (size_t i = 0; i + 1 < a.size(); ++i) bigrams.insert(std::u32string{a[i], a[i + 1]});
  size_t shared = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    auto it = bigrams.find(std::u32string{b[i], b[i + 1]});
    if (it != bigrams.end()) {
      ++shared;
      bigrams.erase(it);
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - 2);
}

std::string trim(std::string_view text) {
  size_t start = 0, end = text.size();
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (start < end && space(text[start])) ++start;
  while (end > start && space(text[end - 1])) --end;
  // Ideographic spaces (U+3000, E3 80 80) at either end too.
  std::string out(text.substr(start, end - start));
  while (out.rfind("\xE3\x80\x80", 0) == 0) out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xE3\x80\x80") == 0)
    out.resize(out.size() - 3);
  if (out.size() != end - start) return trim(out);
  return out;
}

std::string clean_cell(std::string_view cell) {
  std::string text(cell);
  // Excel's XML escape for a carriage return, and CRLF/CR line ends.
  static const std::regex kExcelCr("_x000[Dd]_");
  text = std::regex_replace(text, kExcelCr, "");
  std::string lf;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      lf += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      lf += text[i];
    }
  }
  // Markup pasted from web pages or exported by other tools: <br> is a line break, the
  // usual inline tags are dropped; an autolink like <https://…> is kept.
  static const std::regex kBreak("<br\\s*/?>", std::regex::icase);
  static const std::regex kTags(
      "</?(b|i|u|s|em|strong|span|font|p|div|sup|sub|small|big|mark)(\\s[^<>]*)?>",
      std::regex::icase);
  lf = std::regex_replace(lf, kBreak, "\n");
  lf = std::regex_replace(lf, kTags, "");
  for (auto [entity, plain] : {std::pair{"&nbsp;", " "},
                               {"&lt;", "<"},
                               {"&gt;", ">"},
                               {"&quot;", "\""},
                               {"&#39;", "'"},
                               {"&amp;", "&"}}) {
    for (size_t at = lf.find(entity); at != std::string::npos; at = lf.find(entity, at)) {
      lf.replace(at, std::string_view(entity).size(), plain);
      at += std::string_view(plain).size();
    }
  }
  // Kangxi radicals (U+2F00–U+2FD5) are what PDF copy-paste leaves for common ideographs.
  std::vector<char32_t> points = code_points(lf);
  bool radicals = std::any_of(points.begin(), points.end(),
                              [](char32_t c) { return c >= 0x2F00 && c <= 0x2FDF; });
  if (radicals) {
    std::vector<char32_t> fixed;
    for (char32_t c : points) {
      if (c >= 0x2F00 && c <= 0x2FDF) {
        for (char32_t d : code_points(nfkc(to_utf8({c})))) fixed.push_back(d);
      } else {
        fixed.push_back(c);
      }
    }
    lf = to_utf8(fixed);
  }
  // Trailing spaces on each line, and more than one empty line in a row.
  std::string out;
  size_t start = 0;
  int blank = 0;
  while (start <= lf.size()) {
    size_t end = lf.find('\n', start);
    if (end == std::string::npos) end = lf.size();
    std::string line = lf.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    blank = line.empty() ? blank + 1 : 0;
    if (blank < 2) out += line + "\n";
    start = end + 1;
  }
  return trim(out);
}

}  // namespace trustpage::import_detail
