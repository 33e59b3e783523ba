// The words a search compares, for Japanese and English text alike: `trustpage answer`
// matches a customer's questions with it, and a site search index can split its text the
// same way, so a question and an item meet on the same tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustpage {

// NFKC first (full-width "ＴＬＳ１．２" is "TLS1.2"), ASCII lower-cased. A run of Han or kana
// gives its character bigrams ("暗号化" -> "暗号", "号化") plus each Han or katakana character
// alone, so a two-character word still meets its one-character abbreviation; Japanese has no
// spaces to split words on, and bigrams are what Lucene's CJK analyzer indexes for the same
// reason. Latin letters and digits give words ("TLS 1.2" -> "tls", "1", "2"). Anything else
// (punctuation, brackets, spaces) separates tokens. Order is the text's; repeats are kept.
std::vector<std::string> search_tokens(std::string_view text);

}  // namespace trustpage
