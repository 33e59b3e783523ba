// History values made safe to publish (private to the history library). Old commits were
// never validated: an item saved as Shift_JIS, a stray \xff byte, a 48 MB paste or a
// Shift_JIS commit message would otherwise reach item pages, history.json and the Atom
// feed as raw bytes, or make memory and pages grow without bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trustpage::history_detail {

// Like the loader's limit for current content: a Markdown body or field holds 64 KiB.
inline constexpr size_t kMaxValueBytes = 64 * 1024;

// A field value as read from an old revision: unchanged when it is UTF-8 of at most
// kMaxValueBytes (control characters other than tab and line breaks become U+FFFD, as XML
// cannot carry them); else the matching kUnreadable… placeholder (history.h).
std::string checked_value(std::string_view value);

// Commit metadata (author, message) as text: each invalid UTF-8 byte and control character
// (but tab and, when `multiline`, line breaks) becomes U+FFFD, and text over `max_bytes` is
// cut at a character boundary with "…". `changed` tells whether anything was replaced.
std::string readable_text(std::string_view text, size_t max_bytes, bool multiline,
                          bool* changed = nullptr);

// Whether `text` is valid UTF-8 without control characters (tab allowed).
bool is_clean_text(std::string_view text);

}  // namespace trustpage::history_detail
