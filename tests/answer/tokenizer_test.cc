// The search tokenizer (common/search_tokens.h), as answer uses it.
#include <catch2/catch.hpp>

#include "common/search_tokens.h"

using trustpage::search_tokens;
using Tokens = std::vector<std::string>;

TEST_CASE("Han and katakana runs give bigrams and single characters") {
  CHECK(search_tokens("暗号化") == Tokens{"暗", "暗号", "号", "号化", "化"});
  CHECK(search_tokens("ログ") == Tokens{"ロ", "ログ", "グ"});
}

TEST_CASE("single hiragana are not tokens, hiragana bigrams are") {
  CHECK(search_tokens("ですか") == Tokens{"です", "すか"});
  CHECK(search_tokens("の") == Tokens{"の"});
}

TEST_CASE("Latin text gives lower-case words, full-width forms are NFKC-folded first") {
  CHECK(search_tokens("TLS 1.2") == Tokens{"tls", "1", "2"});
  CHECK(search_tokens("ＴＬＳ１．２") == Tokens{"tls1", "2"});
  CHECK(search_tokens("PCI DSS準拠") == Tokens{"pci", "dss", "準", "準拠", "拠"});
}

TEST_CASE("punctuation and brackets separate tokens") {
  CHECK(search_tokens("（有）") == Tokens{"有"});
  CHECK(search_tokens("保存、期間") == Tokens{"保", "保存", "存", "期", "期間", "間"});
  CHECK(search_tokens("").empty());
}
