// minisign 0.11 signature files. The layout, from minisign.c:
//   untrusted comment: <text>
//   base64("ED" | key id (8) | Ed25519(BLAKE2b-512(file)) (64))
//   trusted comment: <text>
//   base64(Ed25519(file signature (64) | trusted comment text))
// The second signature is what makes the trusted comment trusted.
#include <cstring>

#include "sign/base64.h"
#include "sign/digest.h"
#include "sign/envelopes.h"
#include "sign/minisign_key_id.h"

namespace trustpage {

using namespace sign_internal;

namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
// minisign reads the untrusted comment line into 1024 bytes and the trusted one into 8192,
// prefix and newline included; longer lines would be cut and fail to verify.
constexpr size_t kUntrustedCommentMax = 1024 - kUntrustedPrefix.size() - 2;
constexpr size_t kTrustedCommentMax = 8192 - kTrustedPrefix.size() - 2;

Status check_comment(const std::string& comment, const char* which, size_t max) {
  if (comment.find_first_of("\r\n") != std::string::npos)
    return Status::Error(std::string("the minisign ") + which + " comment must be a single line");
  if (comment.size() > max)
    return Status::Error(std::string("the minisign ") + which + " comment is longer than " +
                         std::to_string(max) + " bytes");
  return Status::Ok();
}

std::string key_id_bytes(const PublicKey& key) {
  std::array<unsigned char, 8> id = key.minisign_key_id();
  return std::string(id.begin(), id.end());
}

std::string key_id_text(std::string_view bytes) {
  std::array<unsigned char, 8> id{};
  std::memcpy(id.data(), bytes.data(), id.size());
  return minisign_key_id_text(id);
}

// Splits off the next line; minisign itself trims trailing CR/LF, so CRLF files verify too.
bool next_line(std::string_view* text, std::string_view* line) {
  if (text->empty()) return false;
  size_t end = text->find('\n');
  *line = text->substr(0, end);
  *text = end == std::string_view::npos ? std::string_view() : text->substr(end + 1);
  while (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  return true;
}

Status malformed(const std::string& what) {
  return Status::Error("malformed or truncated minisign signature file: " + what);
}

}  // namespace

namespace sign_internal {

std::string minisign_key_id_text(const std::array<unsigned char, 8>& id) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string text;
  for (auto byte = id.rbegin(); byte != id.rend(); ++byte) {
    text += kDigits[*byte >> 4];
    text += kDigits[*byte & 15];
  }
  return text;
}

}  // namespace sign_internal

Result<std::string> minisign_sign(const SigningKey& key, std::string_view file,
                                  const std::string& untrusted_comment,
                                  const std::string& trusted_comment) {
  if (Status s = check_comment(untrusted_comment, "untrusted", kUntrustedCommentMax); !s.ok())
    return s;
  if (Status s = check_comment(trusted_comment, "trusted", kTrustedCommentMax); !s.ok()) return s;
  std::optional<std::string> prehash = digest(DigestName::kBlake2b512, file);
  if (!prehash) return Status::Error("OpenSSL has no BLAKE2b-512, which minisign needs");
  Result<std::string> signature = key.sign(*prehash);
  if (!signature.ok()) return signature.status();
  Result<std::string> global_signature = key.sign(*signature + trusted_comment);
  if (!global_signature.ok()) return global_signature.status();
  std::string blob = "ED" + key_id_bytes(key.public_key()) + *signature;
  return std::string(kUntrustedPrefix) + untrusted_comment + "\n" + base64_encode(blob) + "\n" +
         std::string(kTrustedPrefix) + trusted_comment + "\n" + base64_encode(*global_signature) +
         "\n";
}

Result<MinisignSignature> minisign_verify(const PublicKey& key, std::string_view file,
                                          std::string_view minisig) {
  std::string_view rest = minisig, untrusted_line, blob_line, trusted_line, global_line;
  if (!next_line(&rest, &untrusted_line) || !untrusted_line.starts_with(kUntrustedPrefix))
    return malformed("line 1 must start with \"untrusted comment: \"");
  if (!next_line(&rest, &blob_line)) return malformed("the signature line is missing");
  std::optional<std::string> blob = base64_decode(blob_line);
  if (!blob || blob->size() != 74) return malformed("line 2 is not a base64 signature of 74 bytes");
  if (!next_line(&rest, &trusted_line) || !trusted_line.starts_with(kTrustedPrefix))
    return malformed("line 3 must start with \"trusted comment: \"");
  if (!next_line(&rest, &global_line)) return malformed("the trusted comment signature is missing");
  std::optional<std::string> global_signature = base64_decode(global_line);
  if (!global_signature || global_signature->size() != 64)
    return malformed("line 4 is not a base64 signature of 64 bytes");

  std::string_view algorithm = std::string_view(*blob).substr(0, 2);
  std::string_view key_id = std::string_view(*blob).substr(2, 8);
  std::string_view signature = std::string_view(*blob).substr(10);
  std::string expected_id = key_id_bytes(key);
  if (key_id != expected_id)
    return Status::Error("signed by another key (key id " + key_id_text(key_id) + ", expected " +
                         key_id_text(expected_id) + ")");
  std::string signed_bytes;
  if (algorithm == "ED") {
    std::optional<std::string> prehash = digest(DigestName::kBlake2b512, file);
    if (!prehash) return Status::Error("OpenSSL has no BLAKE2b-512, which minisign needs");
    signed_bytes = std::move(*prehash);
  } else if (algorithm == "Ed") {
    signed_bytes = std::string(file);  // legacy minisign (-l): the file itself is signed
  } else {
    return malformed("unknown signature algorithm (expected \"ED\")");
  }
  if (!verify_ed25519(key, signed_bytes, signature))
    return Status::Error("signature does not match the file");
  std::string_view trusted_comment = trusted_line.substr(kTrustedPrefix.size());
  if (!verify_ed25519(key, std::string(signature) + std::string(trusted_comment),
                      *global_signature))
    return Status::Error("trusted comment was altered (its signature does not match)");
  return MinisignSignature{std::string(untrusted_line.substr(kUntrustedPrefix.size())),
                           std::string(trusted_comment)};
}

}  // namespace trustpage
