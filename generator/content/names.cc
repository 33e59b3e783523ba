#include "content/names.h"

namespace trustpage::content_detail {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Compares two digit runs as numbers of any length: fewer significant digits is smaller.
int compare_numbers(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

std::string_view take_run(std::string_view& text) {
  size_t end = 1;
  bool digits = is_digit(text.front());
  while (end < text.size() && is_digit(text[end]) == digits) ++end;
  std::string_view run = text.substr(0, end);
  text.remove_prefix(end);
  return run;
}

}  // namespace

bool is_valid_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  for (char c : name) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

std::string suggest_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (is_name_char(c)) {
      out += c;
    } else if (c == ' ' && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  return out;
}

bool natural_less(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    bool a_digits = is_digit(a.front()), b_digits = is_digit(b.front());
    std::string_view run_a = take_run(a), run_b = take_run(b);
    int order = a_digits && b_digits ? compare_numbers(run_a, run_b) : run_a.compare(run_b);
    if (order != 0) return order < 0;
  }
  return a.empty() && !b.empty();  // a prefix sorts first
}

}  // namespace trustpage::content_detail
