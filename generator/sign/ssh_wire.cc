#include "sign/ssh_wire.h"

namespace trustpage::sign_internal {

void put_u32(std::string& out, uint32_t value) {
  out += char(value >> 24 & 0xff);
  out += char(value >> 16 & 0xff);
  out += char(value >> 8 & 0xff);
  out += char(value & 0xff);
}

void put_string(std::string& out, std::string_view bytes) {
  put_u32(out, uint32_t(bytes.size()));
  out.append(bytes);
}

bool WireReader::raw(size_t size, std::string_view* value) {
  if (rest_.size() < size) return false;
  *value = rest_.substr(0, size);
  rest_.remove_prefix(size);
  return true;
}

bool WireReader::u32(uint32_t* value) {
  std::string_view bytes;
  if (!raw(4, &bytes)) return false;
  *value = uint32_t(uint8_t(bytes[0])) << 24 | uint32_t(uint8_t(bytes[1])) << 16 |
           uint32_t(uint8_t(bytes[2])) << 8 | uint32_t(uint8_t(bytes[3]));
  return true;
}

bool WireReader::string(std::string_view* value) {
  uint32_t size = 0;
  return u32(&size) && raw(size, value);
}

}  // namespace trustpage::sign_internal

namespace trustpage::sign_internal {

std::string ed25519_key_blob(std::string_view key_bytes) {
  std::string blob;
  put_string(blob, "ssh-ed25519");
  put_string(blob, key_bytes);
  return blob;
}

bool parse_ed25519_key_blob(std::string_view blob, std::string_view* key_bytes,
                            std::string_view* type) {
  WireReader reader(blob);
  *type = {};
  if (!reader.string(type) || *type != "ssh-ed25519") return false;
  return reader.string(key_bytes) && key_bytes->size() == 32 && reader.at_end();
}

}  // namespace trustpage::sign_internal
