#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "sign/envelopes.h"
#include "sign/sign_fixture.h"

using namespace trustpage;
using namespace trustpage::testing;

namespace {

const std::string kPrincipal = "security.example.com";

std::string sign_manifest(const SignFixture& fixture) {
  fixture.write("SHA256SUMS", kManifest);
  std::string signature = sshsig_sign(fixture.key(), kManifest, "trustpage").value();
  fixture.write("SHA256SUMS.sig", signature);
  return signature;
}

ToolRun ssh_keygen_verify(const SignFixture& fixture) {
  return run_tool("ssh-keygen -Y verify -f " + fixture.q("allowed_signers") + " -I " + kPrincipal +
                  " -n trustpage -s " + fixture.q("SHA256SUMS.sig") + " < " +
                  fixture.q("SHA256SUMS"));
}

void write_openssh_private_key(const SignFixture& fixture) {
  fixture.write("id_ed25519", openssh_private_key(fixture.key()));
  REQUIRE(chmod(fixture.path("id_ed25519").c_str(), 0600) == 0);
}

}  // namespace

TEST_CASE("ssh-keygen -Y verify and check-novalidate accept our SSH signature") {
  SignFixture fixture("sign-sshsig");
  std::string signature = sign_manifest(fixture);
  ToolRun verify = ssh_keygen_verify(fixture);
  INFO(verify.output);
  CHECK(verify.exit_code == 0);
  CHECK(verify.output.find("Good \"trustpage\" signature for " + kPrincipal) != std::string::npos);
  ToolRun check = run_tool("ssh-keygen -Y check-novalidate -n trustpage -s " +
                           fixture.q("SHA256SUMS.sig") + " < " + fixture.q("SHA256SUMS"));
  INFO(check.output);
  CHECK(check.exit_code == 0);

  Result<PublicKey> signer = sshsig_verify(kManifest, signature, "trustpage");
  REQUIRE(signer.ok());
  CHECK(*signer == fixture.key().public_key());
  CHECK(sshsig_verify(fixture.key().public_key(), kManifest, signature, "trustpage").ok());
}

TEST_CASE("our SSH signature is byte-identical to ssh-keygen -Y sign with the same key") {
  SignFixture fixture("sign-sshsig-identical");
  std::string ours = sign_manifest(fixture);
  write_openssh_private_key(fixture);
  // The converted key is the same key: ssh-keygen derives our public key from it.
  CHECK(run("ssh-keygen -y -f " + fixture.q("id_ed25519"))
            .starts_with(fixture.key().public_key().openssh() + " "));
  // ssh-keygen asks before overwriting SHA256SUMS.sig (and exits 0 when it cannot ask), so
  // it signs a copy.
  fixture.write("theirs", kManifest);
  run("ssh-keygen -q -Y sign -f " + fixture.q("id_ed25519") + " -n trustpage " +
      fixture.q("theirs"));
  CHECK(fixture.read("theirs.sig") == ours);
}

TEST_CASE("we verify ssh-keygen's own signatures, sha512 and sha256") {
  SignFixture fixture("sign-sshsig-theirs");
  fixture.write("SHA256SUMS", kManifest);
  write_openssh_private_key(fixture);
  for (const char* hash : {"sha512", "sha256"}) {
    std::filesystem::remove(fixture.path("SHA256SUMS.sig"));
    run("ssh-keygen -q -Y sign -O hashalg=" + std::string(hash) + " -f " + fixture.q("id_ed25519") +
        " -n trustpage " + fixture.q("SHA256SUMS"));
    Result<PublicKey> signer =
        sshsig_verify(kManifest, fixture.read("SHA256SUMS.sig"), "trustpage");
    INFO(hash << ": " << signer.status().message());
    REQUIRE(signer.ok());
    CHECK(*signer == fixture.key().public_key());
  }
}

TEST_CASE("SSH signatures are deterministic") {
  SigningKey key = SigningKey::generate().value();
  CHECK(sshsig_sign(key, kManifest, "trustpage").value() ==
        sshsig_sign(key, kManifest, "trustpage").value());
}

TEST_CASE("SSH signature tampering: each change fails in our verifier and in ssh-keygen") {
  SignFixture fixture("sign-sshsig-tamper");
  std::string signature = sign_manifest(fixture);
  const PublicKey& key = fixture.key().public_key();

  SECTION("one byte of the file changed") {
    std::string changed = kManifest;
    changed[10] = changed[10] == '0' ? '1' : '0';
    fixture.write("SHA256SUMS", changed);
    Status ours = sshsig_verify(key, changed, signature, "trustpage");
    CHECK(ours.message() == "signature does not match the file");
  }
  SECTION("the signature truncated") {
    for (size_t cut : {size_t(0), size_t(40), signature.size() / 2, signature.size() - 40}) {
      Status ours = sshsig_verify(key, kManifest, signature.substr(0, cut), "trustpage");
      INFO(cut);
      CHECK(ours.message().starts_with("malformed or truncated SSH signature"));
    }
    fixture.write("SHA256SUMS.sig", signature.substr(0, signature.size() / 2));
  }
  SECTION("signed by another key") {
    SigningKey other = SigningKey::generate().value();
    std::string foreign = sshsig_sign(other, kManifest, "trustpage").value();
    fixture.write("SHA256SUMS.sig", foreign);
    Status ours = sshsig_verify(key, kManifest, foreign, "trustpage");
    CHECK(ours.message() == "signed by another key (" + other.public_key().fingerprint() +
                                ", expected " + key.fingerprint() + ")");
  }
  SECTION("made for another namespace") {
    std::string elsewhere = sshsig_sign(fixture.key(), kManifest, "file").value();
    fixture.write("SHA256SUMS.sig", elsewhere);
    Status ours = sshsig_verify(key, kManifest, elsewhere, "trustpage");
    CHECK(ours.message() == "the signature is for namespace \"file\", expected \"trustpage\"");
  }
  ToolRun tool = ssh_keygen_verify(fixture);
  INFO(tool.output);
  CHECK(tool.exit_code != 0);
}
