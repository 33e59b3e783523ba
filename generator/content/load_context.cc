#include "content/load_context.h"

#include "content/names.h"
#include "content/urls.h"
#include "content/utf8.h"

namespace trustpage::content_detail {

namespace {

// "control character U+0000 at line 6, column 13 (after "answer: 24時間") — remove it ...":
// the character is invisible, so the message says where it is in words an editor shows.
std::string control_character_message(std::string_view text, size_t offset) {
  static const char kHex[] = "0123456789ABCDEF";
  auto byte = static_cast<unsigned char>(text[offset]);
  LineColumn position = line_column(text, offset);
  std::string message = "control character U+00";
  message += kHex[byte >> 4];
  message += kHex[byte & 15];
  message +=
      " at line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
  // Up to 20 characters before it on its line, so it can be found in the editor.
  size_t line_start = text.rfind('\n', offset);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (starts_with_bom(text) && line_start == 0) line_start = 3;
  size_t begin = offset;
  for (int characters = 0; begin > line_start && characters < 20;) {
    --begin;
    if ((static_cast<unsigned char>(text[begin]) & 0xC0) != 0x80) ++characters;
  }
  if (begin < offset)
    message += " (after \"" + std::string(text.substr(begin, offset - begin)) + "\")";
  size_t more = 0;
  for (size_t i = offset + 1; i < text.size(); ++more) {
    size_t next = find_control_character(text.substr(i));
    if (next == std::string_view::npos) break;
    i += next + 1;
  }
  message += " — remove it (often pasted from Excel/PDF)";
  if (more > 0) message += "; there are " + std::to_string(more) + " more in this file";
  return message;
}

}  // namespace

bool NaturalLess::operator()(const std::string& a, const std::string& b) const {
  return natural_less(a, b);
}

std::vector<Entry> LoadContext::list(const std::string& dir) {
  Result<std::vector<Entry>> entries = source.list(dir);
  if (!entries.ok()) {
    diagnostics.add(entries.status());
    return {};
  }
  return std::move(entries).value();
}

bool LoadContext::check_kind(const std::string& path, const Entry& entry) {
  if (entry.kind == EntryKind::kSymlink) {
    diagnostics.error(at_path(path),
                      "this is a symlink — symlinks are refused; replace it with the real file or "
                      "folder");
    return false;
  }
  if (entry.kind == EntryKind::kOther) {
    diagnostics.error(at_path(path),
                      "this is neither a file nor a folder (a git submodule?) — replace it with "
                      "ordinary files");
    return false;
  }
  return true;
}

bool LoadContext::check_name(const std::string& path, std::string_view name) {
  if (is_valid_name(name)) return true;
  if (name.starts_with('.')) {
    diagnostics.error(at_path(path),
                      "hidden files and folders (names starting with \".\") are not content — "
                      "delete it, or rename it without the leading \".\"");
    return false;
  }
  std::string message = "the name \"" + std::string(name) + "\" " + std::string(kNameRule);
  std::string better = suggest_name(name);
  if (is_valid_name(better))
    message += " — rename it, e.g. to \"" + better + "\"";
  else
    message += " — rename it";
  diagnostics.error(at_path(path), message);
  return false;
}

std::optional<TextFile> LoadContext::read_text(const std::string& path) {
  Result<std::string> bytes = source.read(path);
  if (!bytes.ok()) {
    diagnostics.add(bytes.status());
    return std::nullopt;
  }
  TextFile file{path, source.display_path(path), std::move(bytes).value(), 0};
  size_t bad = find_invalid_utf8(file.text);
  if (bad != std::string_view::npos) {
    diagnostics.error(
        file.at(bad), "this file is not valid UTF-8 (byte 0x" +
                          [&] {
                            static const char kHex[] = "0123456789ABCDEF";
                            auto byte = static_cast<unsigned char>(file.text[bad]);
                            return std::string{kHex[byte >> 4], kHex[byte & 15]};
                          }() +
                          " here) — save it as UTF-8 (in Excel or Notepad: \"UTF-8\", not "
                          "Shift_JIS)");
    return std::nullopt;
  }
  size_t control = find_control_character(file.text);
  if (control != std::string_view::npos) {
    diagnostics.error(file.at(control), control_character_message(file.text, control));
    return std::nullopt;  // the text is not what the vendor sees in the editor
  }
  if (starts_with_bom(file.text)) {
    diagnostics.error(file.at_line(1),
                      "this file starts with a byte order mark (BOM) — save it as UTF-8 without "
                      "BOM (it breaks front matter in other tools)");
    file.start = 3;  // keep going: the rest of the file may have problems worth reporting
  }
  return file;
}

namespace {

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace

std::string read_web_url(MapReader& map, std::string_view key, bool required) {
  std::string url = map.text(key, required);
  if (url.empty()) return url;
  LinkCheck check = check_link(url);
  Location at = map.value_at(key);
  if (!check.kind) {
    map.diagnostics().error(at, in_quotes(key) + ": " + in_quotes(url) + " " + check.problem);
    return "";
  }
  if (*check.kind != LinkKind::kWeb) {
    map.diagnostics().error(at, in_quotes(key) + ": " + in_quotes(url) +
                                    " is not a web address — write a full URL starting with "
                                    "https://, e.g. https://example.com/");
    return "";
  }
  return url;
}

std::string read_link(MapReader& map, std::string_view key) {
  std::string url = map.text(key, false);
  if (url.empty()) return url;
  LinkCheck check = check_link(url);
  Location at = map.value_at(key);
  if (!check.kind) {
    map.diagnostics().error(at, in_quotes(key) + ": " + in_quotes(url) + " " + check.problem);
    return "";
  }
  if (*check.kind == LinkKind::kRelative) {
    map.diagnostics().error(at, in_quotes(key) + ": " + in_quotes(url) +
                                    " is not a full URL — write it with https:// (or mailto: "
                                    "for e-mail), e.g. https://example.com/contact");
    return "";
  }
  return url;
}

std::string read_date(MapReader& map, std::string_view key, bool required, Date* date) {
  std::string text = map.text(key, required);
  if (text.empty()) return text;
  std::optional<Date> parsed = Date::parse(text);
  if (!parsed) {
    map.diagnostics().error(map.value_at(key),
                            in_quotes(key) + ": " + in_quotes(text) +
                                " is not a real date — write it as YYYY-MM-DD, e.g. 2026-04-01");
    return "";
  }
  if (date) *date = *parsed;
  return parsed->iso();
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

}  // namespace trustpage::content_detail
