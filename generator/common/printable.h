// Text from a bundle (file names, JSON fields, an attacker's bytes) made safe to print: a
// control byte or an invalid UTF-8 sequence could otherwise move the cursor or rewrite what
// a customer reads on the terminal.
#pragma once

#include <string>
#include <string_view>

namespace trustpage {

// Valid UTF-8 printable text unchanged; C0/C1 controls, DEL and invalid bytes as \xNN.
std::string printable(std::string_view text);

}  // namespace trustpage
