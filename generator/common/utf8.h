// The one UTF-8 decoder step every stage shares: content validation, history values read
// from old commits, and what verify prints of a hostile bundle.
#pragma once

#include <cstddef>
#include <string_view>

namespace trustpage {

// Length of the well-formed UTF-8 sequence at the start of `s` (no overlong forms, UTF-16
// surrogates or code points above U+10FFFF), or 0 when there is none (`s` empty included).
size_t utf8_sequence_length(std::string_view s);

}  // namespace trustpage
