// The publishing key: one Ed25519 key pair, in the formats each verifier expects.
// The private key lives only inside SigningKey and is never formatted into any string
// other than its own PEM file.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trustpage {

// 32 raw bytes of an Ed25519 public key.
struct PublicKey {
  std::array<unsigned char, 32> bytes{};

  // "SHA256:" + unpadded base64 of SHA-256 over the OpenSSH wire form, exactly as
  // `ssh-keygen -l` prints it. The one fingerprint shown everywhere.
  std::string fingerprint() const;
  // minisign's 8-byte key id, derived from the key (not random) so output is reproducible.
  std::array<unsigned char, 8> minisign_key_id() const;

  std::string pem() const;            // "-----BEGIN PUBLIC KEY-----" (SPKI)
  std::string openssh() const;        // "ssh-ed25519 AAAA..." (no comment field)
  std::string minisign_file() const;  // minisign .pub file: comment line + base64 line
  // ssh allowed_signers line: `PRINCIPAL namespaces="NS" ssh-ed25519 AAAA...`.
  std::string allowed_signers(const std::string& principal,
                              const std::string& name_space = "trustpage") const;

  static Result<PublicKey> from_pem(std::string_view pem);
  // Either line form. Refuses a key whose embedded key id is not minisign_key_id() (a key
  // from `minisign -G`, whose id is random), since its signatures could not be checked.
  static Result<PublicKey> from_minisign(std::string_view pub_file);
  static Result<PublicKey> from_openssh(std::string_view line);
  // Any of the three formats above, detected from the text.
  static Result<PublicKey> parse(std::string_view text);
  bool operator==(const PublicKey&) const = default;
};

class SigningKey {
 public:
  ~SigningKey();
  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;

  static Result<SigningKey> generate();
  // PKCS#8 PEM, encrypted when `passphrase` is given. Errors never quote the PEM.
  static Result<SigningKey> from_pem(std::string_view pem,
                                     const std::optional<std::string>& passphrase);
  // Refuses a file readable by group or others (as ssh does), naming the file and the fix.
  static Result<SigningKey> from_file(const std::filesystem::path& path,
                                      const std::optional<std::string>& passphrase);

  const PublicKey& public_key() const { return public_; }
  // PKCS#8 PEM (AES-256-CBC with scrypt/PBKDF2 when a passphrase is given).
  Result<std::string> private_pem(const std::optional<std::string>& passphrase) const;
  // Raw Ed25519 signature (64 bytes) over `message`.
  Result<std::string> sign(std::string_view message) const;

 private:
  struct Impl;
  explicit SigningKey(std::unique_ptr<Impl> impl, PublicKey pub);
  std::unique_ptr<Impl> impl_;
  PublicKey public_;
};

// Writes the private key to `path` with mode 0600 (created exclusively: never overwrites).
Status write_private_key(const SigningKey& key, const std::filesystem::path& path,
                         const std::optional<std::string>& passphrase);

// Raw Ed25519 verification.
bool verify_ed25519(const PublicKey& key, std::string_view message, std::string_view signature);

}  // namespace trustpage
