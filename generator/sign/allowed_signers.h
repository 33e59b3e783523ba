// OpenSSH allowed_signers files (ssh-keygen(1), "ALLOWED SIGNERS"): which principals may sign
// with which key, optionally restricted to namespaces. Used to check SSH-signed commits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sign/keys.h"

namespace trustpage {

struct AllowedSigner {
  std::vector<std::string> principals;
  std::vector<std::string> namespaces;  // empty: any namespace
  bool cert_authority = false;          // a CA key: not checked here (no certificates)
  PublicKey key;
};

struct AllowedSigners {
  std::vector<AllowedSigner> signers;  // the Ed25519 lines
  int skipped = 0;                     // lines with other key types, or unreadable

  // "alice@example.com, bob@example.com" for the principals that may sign in `name_space`
  // with `key`; empty when none.
  std::string principals_for(const PublicKey& key, std::string_view name_space) const;
};

// Parses the file leniently: blank lines and comments are ignored, a line that cannot be
// read (or uses a key type other than ssh-ed25519) is counted in `skipped`.
AllowedSigners parse_allowed_signers(std::string_view text);

}  // namespace trustpage
