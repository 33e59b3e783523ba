// Shared by the signing tests: a scratch folder, the stock tools run through the shell, and
// the same key converted into the private key formats ssh-keygen and minisign read, so their
// signatures can be compared byte for byte with ours.
#pragma once

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "sign/base64.h"
#include "sign/keys.h"
#include "sign/ssh_wire.h"
#include "support/git_fixture.h"

namespace trustpage::testing {

// A small manifest in SHA256SUMS form: what both envelopes sign in the tests.
inline const std::string kManifest =
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  index.html\n"
    "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752  answers.json\n";

struct ToolRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline ToolRun run_tool(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  REQUIRE(pipe);
  ToolRun result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) result.output.append(buffer, n);
  int status = pclose(pipe.release());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

// A fresh folder holding one key in every public format, removed afterwards.
class SignFixture {
 public:
  explicit SignFixture(const std::string& name)
      : dir_(unique_temp_dir(name)), key_(std::move(SigningKey::generate()).value()) {
    write("key.pub.pem", key_.public_key().pem());
    write("key.pub", key_.public_key().minisign_file());
    write("key.pub.openssh", key_.public_key().openssh() + "\n");
    write("allowed_signers", key_.public_key().allowed_signers("security.example.com") + "\n");
  }
  ~SignFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SignFixture(const SignFixture&) = delete;
  SignFixture& operator=(const SignFixture&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::string q(const std::string& name) const { return quoted(path(name)); }
  const SigningKey& key() const { return key_; }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path(name), std::ios::binary) << bytes;
  }
  std::string read(const std::string& name) const { return slurp(path(name)); }

 private:
  std::filesystem::path dir_;
  SigningKey key_;
};

// The 32-byte Ed25519 seed: an unencrypted PKCS#8 Ed25519 key is 16 fixed DER bytes + seed.
inline std::string private_seed(const SigningKey& key) {
  std::string pem = key.private_pem(std::nullopt).value();
  std::string body;
  size_t start = pem.find('\n') + 1;
  size_t end = pem.find("-----END");
  for (char c : pem.substr(start, end - start))
    if (c != '\n') body += c;
  std::string der = sign_internal::base64_decode(body).value();
  REQUIRE(der.size() == 48);
  return der.substr(16);
}

inline std::string public_bytes(const SigningKey& key) {
  return std::string(key.public_key().bytes.begin(), key.public_key().bytes.end());
}

inline std::string wrap(const std::string& text, size_t columns) {
  std::string out;
  for (size_t i = 0; i < text.size(); i += columns) out += text.substr(i, columns) + "\n";
  return out;
}

// "openssh-key-v1", unencrypted, as ssh-keygen writes it (PROTOCOL.key).
inline std::string openssh_private_key(const SigningKey& key) {
  using namespace sign_internal;
  std::string blob = ed25519_key_blob(public_bytes(key));
  std::string secret;
  put_u32(secret, 0x5eed5eed);  // check integer, twice
  put_u32(secret, 0x5eed5eed);
  put_string(secret, "ssh-ed25519");
  put_string(secret, public_bytes(key));
  put_string(secret, private_seed(key) + public_bytes(key));
  put_string(secret, "trustpage test key");
  for (char pad = 1; secret.size() % 8 != 0; ++pad) secret += pad;
  std::string file("openssh-key-v1", 15);  // with its NUL
  put_string(file, "none");
  put_string(file, "none");
  put_string(file, "");
  put_u32(file, 1);
  put_string(file, blob);
  put_string(file, secret);
  return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(base64_encode(file), 70) +
         "-----END OPENSSH PRIVATE KEY-----\n";
}

// minisign's unencrypted secret key (minisign -G -W): "Ed", kdf "\0\0", "B2", salt, limits,
// then key id, seed+public key and a BLAKE2b-256 checksum over "Ed" | key id | secret key.
// OpenSSL 3.0 has no BLAKE2b-256, so the checksum comes from coreutils' b2sum.
inline std::string minisign_secret_key(const SignFixture& fixture) {
  const SigningKey& key = fixture.key();
  std::array<unsigned char, 8> id = key.public_key().minisign_key_id();
  std::string key_id(id.begin(), id.end());
  std::string secret = private_seed(key) + public_bytes(key);
  fixture.write("checksum.in", "Ed" + key_id + secret);
  std::string hex = run("b2sum -l 256 " + fixture.q("checksum.in")).substr(0, 64);
  std::string checksum;
  for (size_t i = 0; i < hex.size(); i += 2)
    checksum += char(std::stoi(hex.substr(i, 2), nullptr, 16));
  std::string blob = "Ed" + std::string(2, '\0') + "B2" + std::string(32 + 8 + 8, '\0') + key_id +
                     secret + checksum;
  return "untrusted comment: minisign encrypted secret key\n" + sign_internal::base64_encode(blob) +
         "\n";
}

}  // namespace trustpage::testing
