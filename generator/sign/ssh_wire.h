// The SSH wire encoding (RFC 4251 section 5): uint32 big-endian, and "string" = uint32
// length + bytes. Both the OpenSSH key blob and the SSHSIG envelope are built from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace trustpage::sign_internal {

void put_u32(std::string& out, uint32_t value);
void put_string(std::string& out, std::string_view bytes);

// Reads fields in order; every read fails (returns false) once the input runs short.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : rest_(bytes) {}
  bool u32(uint32_t* value);
  bool string(std::string_view* value);
  bool raw(size_t size, std::string_view* value);
  bool at_end() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace trustpage::sign_internal

namespace trustpage::sign_internal {

// The OpenSSH public key blob: string "ssh-ed25519" + string(32 key bytes).
std::string ed25519_key_blob(std::string_view key_bytes);
// Splits such a blob; false when malformed or another key type (then `type` says which,
// e.g. "ssh-rsa", for the message).
bool parse_ed25519_key_blob(std::string_view blob, std::string_view* key_bytes,
                            std::string_view* type);

}  // namespace trustpage::sign_internal
