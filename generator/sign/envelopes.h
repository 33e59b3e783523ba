// The two standard signature envelopes over the manifest, made and checked with OpenSSL
// alone, byte-compatible with the stock tools (minisign 0.11, ssh-keygen -Y).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "sign/keys.h"

namespace trustpage {

// minisign, prehashed ("ED": Ed25519 over BLAKE2b-512 of the file). `trusted_comment` is a
// single line without "trusted comment: " (e.g. "sequence:3 commit:abc expires:2027-05-01").
// `untrusted_comment` likewise. Output: the four-line .minisig file.
Result<std::string> minisign_sign(const SigningKey& key, std::string_view file,
                                  const std::string& untrusted_comment,
                                  const std::string& trusted_comment);

struct MinisignSignature {
  std::string untrusted_comment;
  std::string trusted_comment;
};
// Checks both the file signature and the global signature over the trusted comment.
// Fails naming which check failed (wrong key id, bad signature, edited trusted comment,
// truncated/malformed file).
Result<MinisignSignature> minisign_verify(const PublicKey& key, std::string_view file,
                                          std::string_view minisig);

// SSHSIG (PROTOCOL.sshsig), hash sha512, armored "-----BEGIN SSH SIGNATURE-----" as
// `ssh-keygen -Y sign -n NAMESPACE` writes it.
Result<std::string> sshsig_sign(const SigningKey& key, std::string_view file,
                                const std::string& name_space);
// Verifies and returns the signer's public key (so a caller can compare fingerprints).
Result<PublicKey> sshsig_verify(std::string_view file, std::string_view armored,
                                const std::string& name_space);
// Verifies and requires the signer to be `expected`; otherwise "signed by another key" with
// both fingerprints.
Status sshsig_verify(const PublicKey& expected, std::string_view file, std::string_view armored,
                     const std::string& name_space);

// The signer's key type in an armored SSHSIG ("ssh-ed25519", "ssh-rsa", …); empty when the
// envelope is malformed. Tells "signed with a key type not checked here" from "bad".
std::string sshsig_key_type(std::string_view armored);

}  // namespace trustpage
