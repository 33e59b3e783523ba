#include "site/strings.h"

namespace trustpage {

const std::string& ui_text(const Map& strings, const std::string& key) {
  static const std::string kMissing;
  auto it = strings.find(key);
  return it == strings.end() || !it->second.is_string() ? kMissing : it->second.as_string();
}

}  // namespace trustpage
