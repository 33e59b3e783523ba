// A .minisig and an armored SSHSIG from a hostile site, checked against a fixed manifest.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sign/envelopes.h"
#include "sign/keys.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const trustpage::SigningKey key = std::move(trustpage::SigningKey::generate()).value();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string manifest = "0000000000000000000000000000000000000000000000000000000000000000  a\n";
  (void)trustpage::minisign_verify(key.public_key(), manifest, text);
  (void)trustpage::sshsig_verify(manifest, text, "trustpage");
  (void)trustpage::sshsig_key_type(text);
  (void)trustpage::PublicKey::parse(text);
  return 0;
}
