#include "common/search_tokens.h"

#include "common/unicode.h"

namespace trustpage {
namespace {

enum class Script { kOther, kLatin, kHan, kKatakana, kHiragana };

Script script_of(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return Script::kLatin;
  }
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) return Script::kLatin;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005 /* 々 */) {
    return Script::kHan;
  }
  if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC /* ー */) return Script::kKatakana;
  if (c >= 0x3041 && c <= 0x3096) return Script::kHiragana;
  return Script::kOther;
}

bool is_kana_or_han(Script s) {
  return s == Script::kHan || s == Script::kKatakana || s == Script::kHiragana;
}

void add_run(const std::vector<char32_t>& run, const std::vector<Script>& scripts,
             std::vector<std::string>& out) {
  for (size_t i = 0; i < run.size(); ++i) {
    // Single hiragana are particles and endings (の, を, か): they would match everything.
    if (scripts[i] != Script::kHiragana || run.size() == 1) out.push_back(to_utf8({run[i]}));
    if (i + 1 < run.size()) out.push_back(to_utf8({run[i], run[i + 1]}));
  }
}

}  // namespace

std::vector<std::string> search_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::vector<char32_t> run;
  std::vector<Script> scripts;
  std::string word;
  auto flush = [&] {
    if (!run.empty()) add_run(run, scripts, out);
    if (!word.empty()) out.push_back(word);
    run.clear();
    scripts.clear();
    word.clear();
  };
  for (char32_t c : code_points(nfkc(text))) {
    Script s = script_of(c);
    if (s == Script::kLatin) {
      if (!run.empty()) flush();
      if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
      word += to_utf8({c});
    } else if (is_kana_or_han(s)) {
      if (!word.empty()) flush();
      run.push_back(c);
      scripts.push_back(s);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace trustpage
