#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "sign/envelopes.h"
#include "sign/sign_fixture.h"

using namespace trustpage;
using namespace trustpage::testing;

namespace {

const std::string kTrusted = "sequence:3 commit:abc123 expires:2027-05-01";

std::string sign_manifest(const SignFixture& fixture) {
  fixture.write("SHA256SUMS", kManifest);
  std::string signature =
      minisign_sign(fixture.key(), kManifest, "trustpage release 3", kTrusted).value();
  fixture.write("SHA256SUMS.minisig", signature);
  return signature;
}

ToolRun minisign_verify_tool(const SignFixture& fixture) {
  return run_tool("minisign -V -p " + fixture.q("key.pub") + " -m " + fixture.q("SHA256SUMS") +
                  " -x " + fixture.q("SHA256SUMS.minisig"));
}

}  // namespace

TEST_CASE("minisign -V accepts our signature and shows our trusted comment") {
  SignFixture fixture("sign-minisign");
  std::string signature = sign_manifest(fixture);
  ToolRun tool = minisign_verify_tool(fixture);
  INFO(tool.output);
  CHECK(tool.exit_code == 0);
  CHECK(tool.output.find("Trusted comment: " + kTrusted + "\n") != std::string::npos);
  // -H insists on the prehashed form, which is what DESIGN.md promises.
  CHECK(run_tool("minisign -V -H -p " + fixture.q("key.pub") + " -m " + fixture.q("SHA256SUMS"))
            .exit_code == 0);

  Result<MinisignSignature> ours =
      minisign_verify(fixture.key().public_key(), kManifest, signature);
  REQUIRE(ours.ok());
  CHECK(ours->trusted_comment == kTrusted);
  CHECK(ours->untrusted_comment == "trustpage release 3");
  CHECK(signature.starts_with("untrusted comment: trustpage release 3\n"));
}

TEST_CASE("our minisign signature is byte-identical to minisign -S with the same key") {
  SignFixture fixture("sign-minisign-identical");
  std::string ours = sign_manifest(fixture);
  fixture.write("key.sec", minisign_secret_key(fixture));
  ToolRun tool = run_tool("minisign -S -s " + fixture.q("key.sec") + " -m " +
                          fixture.q("SHA256SUMS") + " -x " + fixture.q("theirs.minisig") +
                          " -c 'trustpage release 3' -t '" + kTrusted + "'");
  INFO(tool.output);
  REQUIRE(tool.exit_code == 0);
  CHECK(fixture.read("theirs.minisig") == ours);
}

TEST_CASE("we verify minisign's legacy (-l, non-prehashed) signatures too") {
  SignFixture fixture("sign-minisign-legacy");
  fixture.write("SHA256SUMS", kManifest);
  fixture.write("key.sec", minisign_secret_key(fixture));
  ToolRun tool = run_tool("minisign -S -l -s " + fixture.q("key.sec") + " -m " +
                          fixture.q("SHA256SUMS") + " -t legacy");
  INFO(tool.output);
  REQUIRE(tool.exit_code == 0);
  std::string legacy = fixture.read("SHA256SUMS.minisig");
  std::string line = legacy.substr(
      legacy.find('\n') + 1, legacy.find('\n', legacy.find('\n') + 1) - legacy.find('\n') - 1);
  CHECK(sign_internal::base64_decode(line).value().starts_with("Ed"));  // not prehashed
  Result<MinisignSignature> ours = minisign_verify(fixture.key().public_key(), kManifest, legacy);
  INFO(ours.status().message());
  REQUIRE(ours.ok());
  CHECK(ours->trusted_comment == "legacy");
}

TEST_CASE("minisign signatures are deterministic") {
  SigningKey key = SigningKey::generate().value();
  CHECK(minisign_sign(key, kManifest, "u", kTrusted).value() ==
        minisign_sign(key, kManifest, "u", kTrusted).value());
}

TEST_CASE("minisign tampering: each change fails in our verifier and in minisign") {
  SignFixture fixture("sign-minisign-tamper");
  std::string signature = sign_manifest(fixture);
  const PublicKey& key = fixture.key().public_key();

  SECTION("one byte of the file changed") {
    std::string changed = kManifest;
    changed[10] = changed[10] == '0' ? '1' : '0';
    fixture.write("SHA256SUMS", changed);
    Result<MinisignSignature> ours = minisign_verify(key, changed, signature);
    REQUIRE_FALSE(ours.ok());
    CHECK(ours.status().message() == "signature does not match the file");
  }
  SECTION("the trusted comment edited") {
    std::string edited = signature;
    size_t at = edited.find("sequence:3");
    edited.replace(at, 10, "sequence:9");
    fixture.write("SHA256SUMS.minisig", edited);
    Result<MinisignSignature> ours = minisign_verify(key, kManifest, edited);
    REQUIRE_FALSE(ours.ok());
    CHECK(ours.status().message().starts_with("trusted comment was altered"));
  }
  SECTION("the signature file truncated") {
    for (size_t cut :
         {size_t(0), size_t(30), signature.find("trusted comment:", 30), signature.size() - 20}) {
      std::string truncated = signature.substr(0, cut);
      Result<MinisignSignature> ours = minisign_verify(key, kManifest, truncated);
      INFO(cut);
      REQUIRE_FALSE(ours.ok());
      CHECK(ours.status().message().starts_with("malformed or truncated minisign signature"));
    }
    fixture.write("SHA256SUMS.minisig", signature.substr(0, signature.size() - 20));
  }
  SECTION("signed by another key") {
    SigningKey other = SigningKey::generate().value();
    std::string foreign = minisign_sign(other, kManifest, "x", kTrusted).value();
    fixture.write("SHA256SUMS.minisig", foreign);
    Result<MinisignSignature> ours = minisign_verify(key, kManifest, foreign);
    REQUIRE_FALSE(ours.ok());
    std::string other_id = other.public_key().minisign_file().substr(39, 16);
    std::string our_id = key.minisign_file().substr(39, 16);
    CHECK(ours.status().message() ==
          "signed by another key (key id " + other_id + ", expected " + our_id + ")");
  }
  ToolRun tool = minisign_verify_tool(fixture);
  INFO(tool.output);
  CHECK(tool.exit_code != 0);
}

TEST_CASE("minisign comments must be single lines") {
  SigningKey key = SigningKey::generate().value();
  CHECK_FALSE(minisign_sign(key, kManifest, "u", "two\nlines").ok());
  CHECK_FALSE(minisign_sign(key, kManifest, "two\rlines", "t").ok());
  CHECK_FALSE(minisign_sign(key, kManifest, "u", std::string(9000, 'x')).ok());
}
