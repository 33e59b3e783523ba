// How minisign shows a key id in comments and messages.
#pragma once

#include <array>
#include <string>

namespace trustpage::sign_internal {

// minisign prints the 8 id bytes as a little-endian uint64 in uppercase hex (%016llX), so
// the text reads the bytes in reverse order.
std::string minisign_key_id_text(const std::array<unsigned char, 8>& id);

}  // namespace trustpage::sign_internal
