// Looking up a UI string of the theme (strings.yaml) from the site stage's code.
#pragma once

#include <string>

#include "render/value.h"

namespace trustpage {

// The theme's text for `key`; empty when the theme has none (the theme's own check makes
// every language define the same keys).
const std::string& ui_text(const Map& strings, const std::string& key);

}  // namespace trustpage
