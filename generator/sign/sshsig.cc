// SSHSIG, as OpenSSH's PROTOCOL.sshsig defines it and `ssh-keygen -Y sign` writes it.
#include "sign/base64.h"
#include "sign/digest.h"
#include "sign/envelopes.h"
#include "sign/ssh_wire.h"

namespace trustpage {

using namespace sign_internal;

namespace {

constexpr std::string_view kMagic = "SSHSIG";
constexpr uint32_t kVersion = 1;
constexpr std::string_view kBegin = "-----BEGIN SSH SIGNATURE-----";
constexpr std::string_view kEnd = "-----END SSH SIGNATURE-----";
// ssh-keygen wraps the armored base64 at 70 columns (sshbuf_dtob64).
constexpr size_t kArmorColumns = 70;

std::string key_bytes(const PublicKey& key) {
  return std::string(key.bytes.begin(), key.bytes.end());
}

// What the key actually signs: the magic preamble, then the fields that bind the namespace
// and hash algorithm, then the message hash.
std::string signed_data(std::string_view name_space, std::string_view hash_algorithm,
                        std::string_view hash) {
  std::string data(kMagic);
  put_string(data, name_space);
  put_string(data, "");  // reserved
  put_string(data, hash_algorithm);
  put_string(data, hash);
  return data;
}

std::string armor(std::string_view blob) {
  std::string encoded = base64_encode(blob);
  std::string out = std::string(kBegin) + "\n";
  for (size_t i = 0; i < encoded.size(); i += kArmorColumns)
    out += encoded.substr(i, kArmorColumns) + "\n";
  return out + std::string(kEnd) + "\n";
}

std::optional<std::string> dearmor(std::string_view armored) {
  size_t begin = armored.find(kBegin);
  size_t end = armored.find(kEnd);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
    return std::nullopt;
  std::string encoded;
  for (char c : armored.substr(begin + kBegin.size(), end - begin - kBegin.size()))
    if (c != '\n' && c != '\r') encoded += c;
  return base64_decode(encoded);
}

Status malformed(const std::string& what) {
  return Status::Error("malformed or truncated SSH signature: " + what);
}

}  // namespace

Result<std::string> sshsig_sign(const SigningKey& key, std::string_view file,
                                const std::string& name_space) {
  if (name_space.empty())
    return Status::Error("an SSH signature needs a namespace (e.g. \"trustpage\")");
  std::optional<std::string> hash = digest(DigestName::kSha512, file);
  if (!hash) return Status::Error("OpenSSL has no SHA-512");
  Result<std::string> raw = key.sign(signed_data(name_space, "sha512", *hash));
  if (!raw.ok()) return raw.status();
  std::string signature;
  put_string(signature, "ssh-ed25519");
  put_string(signature, *raw);
  std::string blob(kMagic);
  put_u32(blob, kVersion);
  put_string(blob, ed25519_key_blob(key_bytes(key.public_key())));
  put_string(blob, name_space);
  put_string(blob, "");  // reserved
  put_string(blob, "sha512");
  put_string(blob, signature);
  return armor(blob);
}

Result<PublicKey> sshsig_verify(std::string_view file, std::string_view armored,
                                const std::string& name_space) {
  std::optional<std::string> blob = dearmor(armored);
  if (!blob) return malformed("no valid \"-----BEGIN SSH SIGNATURE-----\" block");
  WireReader reader(*blob);
  std::string_view magic, public_key_blob, signed_namespace, reserved, hash_algorithm, signature;
  uint32_t version = 0;
  if (!reader.raw(kMagic.size(), &magic) || magic != kMagic)
    return malformed("it does not start with \"SSHSIG\"");
  if (!reader.u32(&version) || version != kVersion)
    return malformed("unsupported SSHSIG version (expected 1)");
  if (!reader.string(&public_key_blob) || !reader.string(&signed_namespace) ||
      !reader.string(&reserved) || !reader.string(&hash_algorithm) || !reader.string(&signature) ||
      !reader.at_end())
    return malformed("a field is cut short");

  std::string_view key_bytes_view, key_type;
  if (!parse_ed25519_key_blob(public_key_blob, &key_bytes_view, &key_type))
    return Status::Error("the signature was made with a " +
                         std::string(key_type.empty() ? "malformed" : key_type) +
                         " key; trustpage signs with ssh-ed25519 only");
  PublicKey signer;
  std::copy(key_bytes_view.begin(), key_bytes_view.end(), signer.bytes.begin());

  if (signed_namespace != name_space)
    return Status::Error("the signature is for namespace \"" + std::string(signed_namespace) +
                         "\", expected \"" + name_space + "\"");
  std::optional<std::string> hash;
  if (hash_algorithm == "sha512") {
    hash = digest(DigestName::kSha512, file);
  } else if (hash_algorithm == "sha256") {
    hash = digest(DigestName::kSha256, file);
  } else {
    return malformed("unknown hash algorithm \"" + std::string(hash_algorithm) + "\"");
  }
  if (!hash) return Status::Error("OpenSSL lacks the " + std::string(hash_algorithm) + " hash");

  WireReader signature_reader(signature);
  std::string_view signature_type, raw_signature;
  if (!signature_reader.string(&signature_type) || signature_type != "ssh-ed25519" ||
      !signature_reader.string(&raw_signature) || raw_signature.size() != 64 ||
      !signature_reader.at_end())
    return malformed("the signature is not an ssh-ed25519 signature of 64 bytes");
  if (!verify_ed25519(signer, signed_data(signed_namespace, hash_algorithm, *hash), raw_signature))
    return Status::Error("signature does not match the file");
  return signer;
}

std::string sshsig_key_type(std::string_view armored) {
  std::optional<std::string> blob = dearmor(armored);
  if (!blob) return "";
  WireReader reader(*blob);
  std::string_view magic, public_key_blob;
  uint32_t version = 0;
  if (!reader.raw(kMagic.size(), &magic) || magic != kMagic || !reader.u32(&version) ||
      !reader.string(&public_key_blob))
    return "";
  WireReader key(public_key_blob);
  std::string_view type;
  if (!key.string(&type)) return "";
  return std::string(type);
}

Status sshsig_verify(const PublicKey& expected, std::string_view file, std::string_view armored,
                     const std::string& name_space) {
  Result<PublicKey> signer = sshsig_verify(file, armored, name_space);
  if (!signer.ok()) return signer.status();
  if (*signer != expected)
    return Status::Error("signed by another key (" + signer->fingerprint() + ", expected " +
                         expected.fingerprint() + ")");
  return Status::Ok();
}

}  // namespace trustpage
