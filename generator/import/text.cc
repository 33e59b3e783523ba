#include "import/text.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
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
std::optional<std::string> convert(std::string_view bytes, const char* from, size_t* bad,
                                   const char* to = "UTF-8") {
  iconv_t raw = iconv_open(to, from);
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

// "_x000D_" (any case of the D).
bool is_excel_cr(std::string_view at) {
  return at.size() >= 7 && at.substr(0, 5) == "_x000" && (at[5] == 'D' || at[5] == 'd') &&
         at[6] == '_';
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The length of a tag at the start of `at` that strip_markup removes or turns into a line
// break (`*line_break`), or 0. Hand-written rather than std::regex: the regex engine recurses
// per character and overflows the stack on a long cell (a 50,000-character "<b …").
// Each call reads up to the next '<' or '>', so a cell is scanned in linear time.
size_t tag_length(std::string_view at, bool* line_break) {
  static const std::set<std::string, std::less<>> kInline = {
      "b", "i",   "u",   "s",   "em",    "strong", "span", "font",
      "p", "div", "sup", "sub", "small", "big",    "mark"};
  size_t i = 1;
  bool closing = i < at.size() && at[i] == '/';
  if (closing) ++i;
  std::string name;
  while (i < at.size() && name.size() < 8 &&
         ((at[i] >= 'a' && at[i] <= 'z') || (at[i] >= 'A' && at[i] <= 'Z'))) {
    name += lower_ascii(at[i++]);
  }
  if (!closing && name == "br") {
    while (i < at.size() && is_ascii_space(at[i])) ++i;
    if (i < at.size() && at[i] == '/') ++i;
    *line_break = true;
    return i < at.size() && at[i] == '>' ? i + 1 : 0;
  }
  if (!kInline.count(name) || i >= at.size()) return 0;
  *line_break = false;
  if (at[i] == '>') return i + 1;
  if (!is_ascii_space(at[i])) return 0;  // <bold>, <span2> are not these tags
  size_t end = at.find_first_of("<>", i);
  return end != std::string_view::npos && at[end] == '>' ? end + 1 : 0;
}

std::string strip_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    bool line_break = false;
    size_t n = text[i] == '<' ? tag_length(text.substr(i), &line_break) : 0;
    if (n == 0) {
      out += text[i];
      continue;
    }
    if (line_break) out += '\n';
    i += n - 1;
  }
  return out;
}

// The few HTML entities such markup carries, in one pass.
std::string decode_entities(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&nbsp;", " "},  {"&lt;", "<"},  {"&gt;", ">"},
      {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, plain] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out += plain;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i];
  }
  return out;
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

std::string encode(std::string_view utf8, const std::string& encoding, size_t* replaced) {
  if (encoding == "UTF-8") return std::string(utf8);
  const char* to = encoding == "UTF-16" ? "UTF-16LE" : encoding.c_str();
  size_t bad = 0;
  if (auto whole = convert(utf8, "UTF-8", &bad, to)) return *whole;
  // Character by character: JIS's wave dash and its kin are spelled the way Windows maps
  // them, and what the encoding cannot hold becomes 〓 (the geta mark Japanese text uses for
  // a missing character), counted in *replaced.
  static const std::vector<std::pair<char32_t, char32_t>> kWindowsForms = {
      {0x301C, 0xFF5E}, {0x2016, 0x2225}, {0x2212, 0xFF0D}, {0x00A2, 0xFFE0},
      {0x00A3, 0xFFE1}, {0x00AC, 0xFFE2}, {0x2014, 0x2015}};
  std::string out;
  for (char32_t c : code_points(utf8)) {
    for (const auto& [from, windows] : kWindowsForms) {
      if (c == from) c = windows;
    }
    std::optional<std::string> one = convert(to_utf8({c}), "UTF-8", &bad, to);
    if (!one) {
      one = convert(to_utf8({0x3013}), "UTF-8", &bad, to);
      if (replaced != nullptr) ++*replaced;
    }
    out += one.value_or("?");
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
  return similarity(bigrams_of(std::string(a_key)), bigrams_of(std::string(b_key)));
}

Bigrams bigrams_of(std::string key) {
  Bigrams out;
  std::vector<char32_t> points = code_points(key);
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    out.sorted.push_back(static_cast<uint64_t>(points[i]) << 32 | points[i + 1]);
  }
  std::sort(out.sorted.begin(), out.sorted.end());
  out.key = std::move(key);
  return out;
}

double similarity(const Bigrams& a, const Bigrams& b) {
  if (a.key == b.key) return a.key.empty() ? 0 : 1;
  if (a.sorted.empty() || b.sorted.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.sorted.size() && j < b.sorted.size();) {
    if (a.sorted[i] == b.sorted[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a.sorted[i] < b.sorted[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.sorted.size() + b.sorted.size());
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
  // Excel's XML escape for a carriage return, and CRLF/CR line ends.
  std::string lf;
  lf.reserve(cell.size());
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '_' && is_excel_cr(cell.substr(i))) {
      i += 6;
    } else if (cell[i] == '\r') {
      lf += '\n';
      if (i + 1 < cell.size() && cell[i + 1] == '\n') ++i;
    } else {
      lf += cell[i];
    }
  }
  // Markup pasted from web pages or exported by other tools: <br> is a line break, the
  // usual inline tags are dropped; an autolink like <https://…> is kept.
  lf = strip_markup(lf);
  lf = decode_entities(lf);
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
