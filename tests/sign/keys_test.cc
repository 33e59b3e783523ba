#include "sign/keys.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <vector>

#include "sign/base64.h"
#include "sign/sign_fixture.h"

using namespace trustpage;
using namespace trustpage::testing;

namespace {

// The second field of `ssh-keygen -l` output: "256 SHA256:... comment (ED25519)".
std::string second_field(const std::string& line) {
  size_t start = line.find(' ') + 1;
  return line.substr(start, line.find(' ', start) - start);
}

mode_t file_mode(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_CASE("the fingerprint is exactly what ssh-keygen -l prints for the key") {
  SignFixture fixture("sign-fingerprint");
  std::string printed = run("ssh-keygen -lf " + fixture.q("key.pub.openssh"));
  CHECK(second_field(printed) == fixture.key().public_key().fingerprint());
  CHECK(fixture.key().public_key().fingerprint().starts_with("SHA256:"));
  CHECK(fixture.key().public_key().fingerprint().find('=') == std::string::npos);
}

TEST_CASE("each public key format reads back, and parse() tells them apart") {
  SignFixture fixture("sign-formats");
  const PublicKey& key = fixture.key().public_key();
  CHECK(PublicKey::from_pem(key.pem()).value() == key);
  CHECK(PublicKey::from_minisign(key.minisign_file()).value() == key);
  std::string minisign_line = key.minisign_file().substr(key.minisign_file().find('\n') + 1);
  CHECK(PublicKey::from_minisign(minisign_line).value() == key);
  CHECK(PublicKey::from_openssh(key.openssh() + " vendor@example.com").value() == key);
  CHECK(PublicKey::from_openssh(key.allowed_signers("security.example.com")).value() == key);
  for (const std::string& text : {key.pem(), key.minisign_file(), minisign_line, key.openssh(),
                                  key.allowed_signers("security.example.com")}) {
    Result<PublicKey> parsed = PublicKey::parse(text);
    INFO(text << parsed.status().message());
    REQUIRE(parsed.ok());
    CHECK(*parsed == key);
  }
  CHECK(key.allowed_signers("security.example.com") ==
        "security.example.com namespaces=\"trustpage\" " + key.openssh());
}

TEST_CASE("public keys are the forms openssl and minisign themselves write") {
  SignFixture fixture("sign-stock-forms");
  const PublicKey& key = fixture.key().public_key();
  // openssl re-encoding our PEM public key gives back the same text.
  CHECK(run("openssl pkey -pubin -in " + fixture.q("key.pub.pem")) == key.pem());
  // And the public key openssl derives from our private key is ours.
  fixture.write("key.pem", fixture.key().private_pem(std::nullopt).value());
  CHECK(run("openssl pkey -pubout -in " + fixture.q("key.pem")) == key.pem());
  // The minisign comment shows the key id the way minisign prints it: the little-endian
  // uint64, i.e. the id bytes reversed.
  std::array<unsigned char, 8> id = key.minisign_key_id();
  char expected[17];
  std::snprintf(expected, sizeof expected, "%02X%02X%02X%02X%02X%02X%02X%02X", id[7], id[6], id[5],
                id[4], id[3], id[2], id[1], id[0]);
  CHECK(key.minisign_file().starts_with("untrusted comment: minisign public key " +
                                        std::string(expected) + "\n"));
  CHECK(key.minisign_key_id() == PublicKey::parse(key.pem())->minisign_key_id());
}

TEST_CASE("parse() explains what it could not read") {
  CHECK(PublicKey::parse("hello").status().message().find("unrecognised public key") !=
        std::string::npos);
  SigningKey key = SigningKey::generate().value();
  Result<PublicKey> given_private = PublicKey::parse(key.private_pem(std::nullopt).value());
  REQUIRE_FALSE(given_private.ok());
  CHECK(given_private.status().message() == "this is a private key; give the public key instead");
  CHECK_FALSE(PublicKey::parse("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x").ok());
  CHECK_FALSE(PublicKey::from_openssh("ssh-ed25519 AAAA!!").ok());
}

TEST_CASE(
    "a passphrase-encrypted private key round-trips, and a wrong or missing passphrase says so") {
  SigningKey key = SigningKey::generate().value();
  std::string pem = key.private_pem(std::string("correct horse")).value();
  CHECK(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));

  Result<SigningKey> back = SigningKey::from_pem(pem, std::string("correct horse"));
  REQUIRE(back.ok());
  CHECK(back->public_key() == key.public_key());
  CHECK(back->sign("message").value() == key.sign("message").value());

  Result<SigningKey> missing = SigningKey::from_pem(pem, std::nullopt);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "the private key is encrypted: set the passphrase");

  Result<SigningKey> wrong = SigningKey::from_pem(pem, std::string("battery staple"));
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().message() == "wrong passphrase for the private key");

  CHECK_FALSE(key.private_pem(std::string()).ok());  // an empty passphrase protects nothing
}

TEST_CASE("openssl reads the encrypted key trustpage writes") {
  SignFixture fixture("sign-openssl-passphrase");
  fixture.write("key.pem", fixture.key().private_pem(std::string("s3cret")).value());
  CHECK(run("openssl pkey -passin pass:s3cret -pubout -in " + fixture.q("key.pem")) ==
        fixture.key().public_key().pem());
  CHECK(run_tool("openssl pkey -passin pass:nope -in " + fixture.q("key.pem")).exit_code != 0);
}

TEST_CASE("the private key file is written 0600, never overwritten, and read back") {
  SignFixture fixture("sign-keyfile");
  std::filesystem::path path = fixture.path("publishing.key");
  REQUIRE(write_private_key(fixture.key(), path, std::nullopt).ok());
  CHECK(file_mode(path) == 0600);
  Result<SigningKey> back = SigningKey::from_file(path, std::nullopt);
  REQUIRE(back.ok());
  CHECK(back->public_key() == fixture.key().public_key());

  std::string before = slurp(path);
  SigningKey other = SigningKey::generate().value();
  Status again = write_private_key(other, path, std::nullopt);
  REQUIRE_FALSE(again.ok());
  CHECK(again.where().file == path.string());
  CHECK(again.message().find("never overwritten") != std::string::npos);
  CHECK(slurp(path) == before);

  // A symlink planted where the key should go is not followed.
  std::filesystem::path target = fixture.path("elsewhere");
  std::filesystem::create_symlink(target, fixture.path("planted.key"));
  CHECK_FALSE(write_private_key(fixture.key(), fixture.path("planted.key"), std::nullopt).ok());
  CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("a private key file readable by group or others is refused, naming chmod 600") {
  SignFixture fixture("sign-keymode");
  std::filesystem::path path = fixture.path("publishing.key");
  REQUIRE(write_private_key(fixture.key(), path, std::nullopt).ok());
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    REQUIRE(chmod(path.c_str(), mode) == 0);
    Result<SigningKey> refused = SigningKey::from_file(path, std::nullopt);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().where().file == path.string());
    CHECK(refused.status().message().find("chmod 600 " + path.string()) != std::string::npos);
  }
  // Through a symlink, the target's mode is what counts (as with ssh).
  REQUIRE(chmod(path.c_str(), 0600) == 0);
  std::filesystem::create_symlink(path, fixture.path("link.key"));
  CHECK(SigningKey::from_file(fixture.path("link.key"), std::nullopt).ok());
  REQUIRE(chmod(path.c_str(), 0644) == 0);
  CHECK_FALSE(SigningKey::from_file(fixture.path("link.key"), std::nullopt).ok());

  Result<SigningKey> absent = SigningKey::from_file(fixture.path("absent.key"), std::nullopt);
  REQUIRE_FALSE(absent.ok());
  CHECK(absent.status().where().file == fixture.path("absent.key").string());
}

TEST_CASE("no error message ever contains the private key") {
  SignFixture fixture("sign-secrecy");
  std::string plain = fixture.key().private_pem(std::nullopt).value();
  std::string encrypted = fixture.key().private_pem(std::string("pw")).value();
  std::string seed_base64 = sign_internal::base64_encode(private_seed(fixture.key()));

  std::vector<Status> failures;
  failures.push_back(SigningKey::from_pem(encrypted, std::nullopt).status());
  failures.push_back(SigningKey::from_pem(encrypted, std::string("wrong")).status());
  std::string damaged = plain;
  damaged[40] = damaged[40] == 'A' ? 'B' : 'A';
  damaged.erase(50, 10);
  failures.push_back(SigningKey::from_pem(damaged, std::nullopt).status());
  failures.push_back(SigningKey::from_pem(plain.substr(0, 60), std::nullopt).status());
  failures.push_back(PublicKey::parse(plain).status());
  failures.push_back(PublicKey::from_pem(plain).status());
  fixture.write("world.key", plain);
  chmod(fixture.path("world.key").c_str(), 0644);
  failures.push_back(SigningKey::from_file(fixture.path("world.key"), std::nullopt).status());
  fixture.write("damaged.key", damaged);
  chmod(fixture.path("damaged.key").c_str(), 0600);
  failures.push_back(SigningKey::from_file(fixture.path("damaged.key"), std::nullopt).status());
  failures.push_back(write_private_key(fixture.key(), fixture.path("world.key"), std::nullopt));

  std::vector<std::string> body_lines;
  for (const std::string& pem : {plain, encrypted}) {
    size_t start = pem.find('\n') + 1;
    while (pem.compare(start, 5, "-----") != 0) {
      size_t end = pem.find('\n', start);
      body_lines.push_back(pem.substr(start, end - start));
      start = end + 1;
    }
  }
  for (const Status& status : failures) {
    INFO(status.to_string());
    CHECK_FALSE(status.ok());
    CHECK(status.to_string().find("PRIVATE KEY") == std::string::npos);
    CHECK(status.to_string().find(seed_base64.substr(0, 16)) == std::string::npos);
    for (const std::string& line : body_lines)
      CHECK(status.to_string().find(line.substr(0, 16)) == std::string::npos);
  }
}

TEST_CASE("raw Ed25519 signatures verify only for the signed message and key") {
  SigningKey key = SigningKey::generate().value();
  SigningKey other = SigningKey::generate().value();
  std::string signature = key.sign("release 3").value();
  CHECK(signature.size() == 64);
  CHECK(verify_ed25519(key.public_key(), "release 3", signature));
  CHECK_FALSE(verify_ed25519(key.public_key(), "release 4", signature));
  CHECK_FALSE(verify_ed25519(other.public_key(), "release 3", signature));
  CHECK_FALSE(verify_ed25519(key.public_key(), "release 3", signature.substr(1)));
}

TEST_CASE("a minisign key with a random key id (from minisign -G) is refused with a reason") {
  SignFixture fixture("sign-minisign-foreign");
  run("minisign -G -W -p " + fixture.q("theirs.pub") + " -s " + fixture.q("theirs.sec"));
  Result<PublicKey> theirs = PublicKey::parse(fixture.read("theirs.pub"));
  REQUIRE_FALSE(theirs.ok());
  CHECK(theirs.status().message().find("not made by trustpage") != std::string::npos);
}
