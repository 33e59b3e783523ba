// keys/allowed_signers from a vendor's repository, which decides who signed a commit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sign/allowed_signers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  trustpage::AllowedSigners signers = trustpage::parse_allowed_signers(text);
  for (const trustpage::AllowedSigner& signer : signers.signers) {
    (void)signers.principals_for(signer.key, "git");
    for (const std::string& name_space : signer.namespaces) {
      (void)signers.principals_for(signer.key, name_space);
    }
  }
  return 0;
}
