#include "history/readable_text.h"

#include "common/utf8.h"
#include "history/history.h"

namespace trustpage {

const std::string kUnreadableNotUtf8 = "this revision could not be read (not UTF-8)";
const std::string kUnreadableTooLarge = "this revision could not be read (over 64 KiB)";

bool is_unreadable(std::string_view value) {
  return value == kUnreadableNotUtf8 || value == kUnreadableTooLarge;
}

namespace history_detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_control(unsigned char c, bool multiline) {
  if (c == '\t') return false;
  if (multiline && (c == '\n' || c == '\r')) return false;
  return c < 0x20 || c == 0x7F;
}

}  // namespace

bool is_clean_text(std::string_view text) {
  while (!text.empty()) {
    size_t n = utf8_sequence_length(text);
    if (n == 0 || (n == 1 && is_control(static_cast<unsigned char>(text[0]), true))) return false;
    text.remove_prefix(n);
  }
  return true;
}

std::string readable_text(std::string_view text, size_t max_bytes, bool multiline, bool* changed) {
  std::string out;
  bool replaced = false;
  while (!text.empty()) {
    size_t n = utf8_sequence_length(text);
    bool control = n == 1 && is_control(static_cast<unsigned char>(text[0]), multiline);
    std::string_view piece = n == 0 || control ? kReplacement : text.substr(0, n);
    if (out.size() + piece.size() > max_bytes) {
      out += "…";
      replaced = true;
      break;
    }
    out += piece;
    replaced = replaced || n == 0 || control;
    text.remove_prefix(n == 0 ? 1 : n);
  }
  if (changed) *changed = replaced;
  return out;
}

std::string checked_value(std::string_view value) {
  if (value.size() > kMaxValueBytes) return kUnreadableTooLarge;
  bool changed = false;
  std::string text = readable_text(value, kMaxValueBytes * 3, true, &changed);
  if (!changed) return text;
  // Only control characters replaced: still the revision's text. An invalid byte means the
  // file was in another encoding, and any "repair" would show words nobody wrote.
  for (size_t i = 0; i < value.size();) {
    size_t n = utf8_sequence_length(value.substr(i));
    if (n == 0) return kUnreadableNotUtf8;
    i += n;
  }
  return text;
}

}  // namespace history_detail
}  // namespace trustpage
