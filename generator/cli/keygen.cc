// `trustpage keygen`: the publishing key pair. The private key goes outside the repository
// (mode 0600, never overwritten); the public key goes to keys/ in every format verifiers use.
#include <fstream>
#include <iostream>
#include <system_error>

#include "cli/commands.h"
#include "sign/keys.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

// The git work tree holding `path`'s folder, or "" (a private key must not land in one).
fs::path work_tree_of(const fs::path& path) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return {};
}

Status write_public(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::Error("cannot write " + path.string());
  return Status::Ok();
}

}  // namespace

int run_keygen(const KeygenCommand& command) {
  const char* home = std::getenv("HOME");
  fs::path private_path = command.private_path.value_or(fs::path(home ? home : ".") / ".config" /
                                                        "trustpage" / (command.name + ".key"));
  if (fs::path repo = work_tree_of(private_path); !repo.empty() && !command.allow_in_repo) {
    std::cerr << "error: " << private_path.string() << " is inside the git repository "
              << repo.string() << " — keep the private key outside it (--private PATH)\n";
    return 1;
  }
  std::optional<std::string> passphrase;
  if (const char* p = std::getenv(command.passphrase_env.c_str()); p && *p) passphrase = p;

  Result<SigningKey> key = SigningKey::generate();
  if (!key.ok()) {
    std::cerr << key.status().to_string() << '\n';
    return 1;
  }
  std::error_code ec;
  fs::create_directories(private_path.parent_path(), ec);
  if (Status s = write_private_key(*key, private_path, passphrase); !s.ok()) {
    std::cerr << s.to_string() << '\n';
    return 1;
  }
  fs::create_directories(command.keys_dir, ec);
  const PublicKey& pub = key->public_key();
  const fs::path base = command.keys_dir / command.name;
  for (auto [suffix, text] : {std::pair<std::string, std::string>{".pub.pem", pub.pem()},
                              {".minisign.pub", pub.minisign_file()},
                              {".ssh.pub", pub.openssh()}}) {
    if (Status s = write_public(base.string() + suffix, text); !s.ok()) {
      std::cerr << s.to_string() << '\n';
      return 1;
    }
  }
  // allowed_signers collects every publishing key, one line each, for ssh-keygen -Y verify.
  std::ofstream signers(command.keys_dir / "allowed_signers", std::ios::app);
  signers << pub.allowed_signers(command.name);
  if (!signers) {
    std::cerr << "error: cannot write " << (command.keys_dir / "allowed_signers").string() << '\n';
    return 1;
  }
  std::cout << "private key: " << private_path.string() << " (mode 0600"
            << (passphrase ? ", encrypted" : "") << ") — keep it secret, back it up\n"
            << "public key:  " << base.string() << ".pub.pem, .minisign.pub, .ssh.pub; "
            << (command.keys_dir / "allowed_signers").string() << '\n'
            << "fingerprint: " << pub.fingerprint() << '\n';
  return 0;
}

}  // namespace trustpage
