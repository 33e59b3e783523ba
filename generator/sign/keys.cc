#include "sign/keys.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "sign/base64.h"
#include "sign/digest.h"
#include "sign/minisign_key_id.h"
#include "sign/openssl_handles.h"
#include "sign/ssh_wire.h"

namespace trustpage {

using namespace sign_internal;

namespace {

constexpr std::string_view kPemPublicBegin = "-----BEGIN PUBLIC KEY-----";
constexpr std::string_view kMinisignPublicComment = "untrusted comment: minisign public key ";
// RFC 8410: an Ed25519 SubjectPublicKeyInfo is this fixed DER prefix + the 32 key bytes.
constexpr unsigned char kSpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                         0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

std::string_view as_chars(const unsigned char* bytes, size_t size) {
  return {reinterpret_cast<const char*>(bytes), size};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// Holds private key material (file contents, PEM text) and wipes it when done.
class SecretText {
 public:
  SecretText() = default;
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
  ~SecretText() { OPENSSL_cleanse(text_.data(), text_.size()); }
  std::string& text() { return text_; }

 private:
  std::string text_;
};

PublicKey public_key_of(EVP_PKEY* pkey) {
  PublicKey key;
  size_t size = key.bytes.size();
  EVP_PKEY_get_raw_public_key(pkey, key.bytes.data(), &size);
  return key;
}

Result<PublicKey> public_key_from_bytes(std::string_view bytes) {
  if (bytes.size() != 32) return Status::Error("an Ed25519 public key is 32 bytes");
  PublicKey key;
  std::memcpy(key.bytes.data(), bytes.data(), 32);
  return key;
}

struct PassphraseRequest {
  const std::optional<std::string>* passphrase;
  bool asked = false;
};

// OpenSSL asks for the passphrase only when the PEM is encrypted; without this callback it
// would prompt on the terminal.
int provide_passphrase(char* buffer, int size, int /*rwflag*/, void* user) {
  auto* request = static_cast<PassphraseRequest*>(user);
  request->asked = true;
  if (!request->passphrase->has_value()) return -1;
  const std::string& passphrase = **request->passphrase;
  if (passphrase.empty() || passphrase.size() > size_t(size)) return -1;
  std::memcpy(buffer, passphrase.data(), passphrase.size());
  return int(passphrase.size());
}

int refuse_passphrase(char*, int, int, void*) {
  return -1;
}

}  // namespace

// ---- PublicKey ---------------------------------------------------------------------------

std::string PublicKey::fingerprint() const {
  std::optional<std::string> hash =
      digest(DigestName::kSha256, ed25519_key_blob(as_chars(bytes.data(), bytes.size())));
  if (!hash) return {};
  std::string encoded = base64_encode(*hash);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return "SHA256:" + encoded;
}

std::array<unsigned char, 8> PublicKey::minisign_key_id() const {
  std::array<unsigned char, 8> id{};
  std::optional<std::string> hash = digest(DigestName::kSha256, as_chars(bytes.data(), 32));
  if (hash) std::memcpy(id.data(), hash->data(), id.size());
  return id;
}

std::string PublicKey::pem() const {
  std::string der(reinterpret_cast<const char*>(kSpkiPrefix), sizeof kSpkiPrefix);
  der.append(as_chars(bytes.data(), bytes.size()));
  // 44 DER bytes give 60 base64 characters: one line, under PEM's 64-column limit.
  return std::string(kPemPublicBegin) + "\n" + base64_encode(der) + "\n-----END PUBLIC KEY-----\n";
}

std::string PublicKey::openssh() const {
  return "ssh-ed25519 " + base64_encode(ed25519_key_blob(as_chars(bytes.data(), bytes.size())));
}

std::string PublicKey::minisign_file() const {
  std::array<unsigned char, 8> id = minisign_key_id();
  std::string blob = "Ed";
  blob.append(as_chars(id.data(), id.size()));
  blob.append(as_chars(bytes.data(), bytes.size()));
  return std::string(kMinisignPublicComment) + minisign_key_id_text(id) + "\n" +
         base64_encode(blob) + "\n";
}

std::string PublicKey::allowed_signers(const std::string& principal,
                                       const std::string& name_space) const {
  return principal + " namespaces=\"" + name_space + "\" " + openssh();
}

Result<PublicKey> PublicKey::from_pem(std::string_view pem) {
  BioHandle bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
  PkeyHandle pkey;
  if (bio) pkey.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, refuse_passphrase, nullptr));
  forget_openssl_errors();
  if (!pkey) return Status::Error("not a PEM public key (expected \"-----BEGIN PUBLIC KEY-----\")");
  if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519)
    return Status::Error(std::string("the public key is ") + EVP_PKEY_get0_type_name(pkey.get()) +
                         ", trustpage signs with Ed25519 only");
  return public_key_of(pkey.get());
}

Result<PublicKey> PublicKey::from_minisign(std::string_view pub_file) {
  std::string_view text = trim(pub_file);
  if (text.starts_with("untrusted comment:")) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos)
      return Status::Error("minisign public key file has a comment but no key line");
    text = trim(text.substr(end + 1));
  }
  std::optional<std::string> blob = base64_decode(text);
  if (!blob || blob->size() != 42)
    return Status::Error("not a minisign public key (expected one base64 line of 42 bytes)");
  if (!blob->starts_with("Ed"))
    return Status::Error("minisign public key is not an Ed25519 key (algorithm is not \"Ed\")");
  Result<PublicKey> key = public_key_from_bytes(std::string_view(*blob).substr(10));
  if (!key.ok()) return key;
  // minisign's own keygen picks a random key id; trustpage derives it from the key, and
  // minisign_verify checks signatures against the derived id. A key made by `minisign -G`
  // would therefore fail later with a misleading "signed by another key", so say it here.
  std::array<unsigned char, 8> derived = key->minisign_key_id();
  if (std::string_view(*blob).substr(2, 8) != as_chars(derived.data(), derived.size()))
    return Status::Error(
        "this minisign public key was not made by trustpage (its key id is not the one derived "
        "from the key); use the key from the site's keys/ folder");
  return key;
}

Result<PublicKey> PublicKey::from_openssh(std::string_view line) {
  // Accepts "ssh-ed25519 AAAA... comment" and also a whole allowed_signers line, where the
  // key follows the principal and options.
  std::string_view rest = trim(line);
  while (!rest.empty()) {
    size_t end = rest.find_first_of(" \t");
    std::string_view token = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : trim(rest.substr(end));
    if (token != "ssh-ed25519") continue;
    std::string_view encoded = rest.substr(0, rest.find_first_of(" \t\r\n"));
    std::optional<std::string> blob = base64_decode(encoded);
    std::string_view key_bytes, type;
    if (!blob || !parse_ed25519_key_blob(*blob, &key_bytes, &type))
      return Status::Error("malformed ssh-ed25519 public key (the base64 blob does not decode)");
    return public_key_from_bytes(key_bytes);
  }
  return Status::Error("not an OpenSSH Ed25519 public key (expected \"ssh-ed25519 AAAA...\")");
}

Result<PublicKey> PublicKey::parse(std::string_view text) {
  std::string_view body = trim(text);
  if (body.find("PRIVATE KEY-----") != std::string_view::npos)
    return Status::Error("this is a private key; give the public key instead");
  if (body.starts_with("-----BEGIN")) return from_pem(body);
  if (body.find("ssh-ed25519") != std::string_view::npos) return from_openssh(body);
  if (body.starts_with("untrusted comment:") || body.starts_with("RW")) return from_minisign(body);
  return Status::Error(
      "unrecognised public key: expected a PEM public key, a minisign .pub file or an "
      "\"ssh-ed25519 AAAA...\" line");
}

// ---- SigningKey --------------------------------------------------------------------------

// The EVP_PKEY holds the only copy of the private key; OpenSSL wipes Ed25519 private key
// memory when the key is freed (ossl_ecx_key_free uses OPENSSL_secure_clear_free).
struct SigningKey::Impl {
  PkeyHandle pkey;
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl, PublicKey pub)
    : impl_(std::move(impl)), public_(pub) {}
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;

Result<SigningKey> SigningKey::generate() {
  PkeyContextHandle ctx(EVP_PKEY_CTX_new_from_name(nullptr, "ED25519", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_generate(ctx.get(), &raw) != 1) {
    forget_openssl_errors();
    return Status::Error("OpenSSL could not generate an Ed25519 key");
  }
  auto impl = std::make_unique<Impl>();
  impl->pkey.reset(raw);
  PublicKey pub = public_key_of(raw);
  return SigningKey(std::move(impl), pub);
}

Result<SigningKey> SigningKey::from_pem(std::string_view pem,
                                        const std::optional<std::string>& passphrase) {
  if (pem.find("-----BEGIN OPENSSH PRIVATE KEY-----") != std::string_view::npos)
    return Status::Error(
        "this is an OpenSSH-format private key; trustpage reads the PKCS#8 PEM that "
        "`trustpage keygen` writes (\"-----BEGIN PRIVATE KEY-----\")");
  if (pem.find("PRIVATE KEY-----") == std::string_view::npos)
    return Status::Error(
        "not a PEM private key (expected \"-----BEGIN PRIVATE KEY-----\" or "
        "\"-----BEGIN ENCRYPTED PRIVATE KEY-----\")");
  BioHandle bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
  PassphraseRequest request{&passphrase};
  PkeyHandle pkey;
  if (bio) pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, provide_passphrase, &request));
  forget_openssl_errors();
  if (!pkey) {
    if (request.asked && !passphrase.has_value())
      return Status::Error("the private key is encrypted: set the passphrase");
    if (request.asked) return Status::Error("wrong passphrase for the private key");
    return Status::Error("the private key PEM is damaged and could not be read");
  }
  if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519)
    return Status::Error(std::string("the private key is ") + EVP_PKEY_get0_type_name(pkey.get()) +
                         ", trustpage signs with Ed25519 only");
  auto impl = std::make_unique<Impl>();
  PublicKey pub = public_key_of(pkey.get());
  impl->pkey = std::move(pkey);
  return SigningKey(std::move(impl), pub);
}

Result<SigningKey> SigningKey::from_file(const std::filesystem::path& path,
                                         const std::optional<std::string>& passphrase) {
  Location where{path.string()};
  // The mode is checked on the opened file itself, so a swap between check and read cannot
  // slip a readable file past it. Like ssh, a symlink is followed and its target judged.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::Error(where, std::string("cannot open the private key: ") + strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { close(fd); }
  } closer{fd};
  struct stat info {};
  if (fstat(fd, &info) != 0)
    return Status::Error(where, std::string("cannot read the private key: ") + strerror(errno));
  if (!S_ISREG(info.st_mode)) return Status::Error(where, "the private key is not a regular file");
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", unsigned(info.st_mode & 07777));
    return Status::Error(
        where, std::string("the private key is readable by group or others (mode ") + mode +
                   "); run `chmod 600 " + path.string() + "`");
  }
  SecretText contents;
  contents.text().resize(size_t(info.st_size));
  size_t filled = 0;
  while (filled < contents.text().size()) {
    ssize_t n = read(fd, contents.text().data() + filled, contents.text().size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      return Status::Error(where, std::string("cannot read the private key: ") + strerror(errno));
    if (n == 0) break;
    filled += size_t(n);
  }
  Result<SigningKey> key =
      from_pem(std::string_view(contents.text()).substr(0, filled), passphrase);
  if (!key.ok()) return Status::Error(where, key.status().message());
  return key;
}

Result<std::string> SigningKey::private_pem(const std::optional<std::string>& passphrase) const {
  if (passphrase && passphrase->empty())
    return Status::Error("the passphrase is empty: give a passphrase or none at all");
  BioHandle bio(BIO_new(BIO_s_mem()));
  int written = 0;
  if (bio && passphrase) {
    // PEM_write_bio_PrivateKey writes PKCS#8 (PBES2, PBKDF2-SHA256, AES-256-CBC).
    written = PEM_write_bio_PrivateKey(bio.get(), impl_->pkey.get(), EVP_aes_256_cbc(),
                                       reinterpret_cast<const unsigned char*>(passphrase->data()),
                                       int(passphrase->size()), nullptr, nullptr);
  } else if (bio) {
    written = PEM_write_bio_PrivateKey(bio.get(), impl_->pkey.get(), nullptr, nullptr, 0, nullptr,
                                       nullptr);
  }
  if (written != 1) {
    forget_openssl_errors();
    return Status::Error("OpenSSL could not encode the private key");
  }
  // The memory BIO wipes its buffer when freed (BUF_MEM_free uses OPENSSL_clear_free).
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, size_t(size));
}

Result<std::string> SigningKey::sign(std::string_view message) const {
  DigestContextHandle ctx(EVP_MD_CTX_new());
  unsigned char signature[64];
  size_t size = sizeof signature;
  // Ed25519 hashes internally (PureEdDSA): no digest is given, and signing is one-shot.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, impl_->pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      size != sizeof signature) {
    forget_openssl_errors();
    return Status::Error("OpenSSL could not sign with the Ed25519 key");
  }
  return std::string(as_chars(signature, size));
}

Status write_private_key(const SigningKey& key, const std::filesystem::path& path,
                         const std::optional<std::string>& passphrase) {
  Location where{path.string()};
  Result<std::string> pem = key.private_pem(passphrase);
  if (!pem.ok()) return Status::Error(where, pem.status().message());
  SecretText text;
  text.text() = std::move(pem).value();
  int fd = open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return Status::Error(where,
                         "a file already exists there; a private key is never overwritten "
                         "(move the old one away first)");
  if (fd < 0)
    return Status::Error(where, std::string("cannot create the private key: ") + strerror(errno));
  size_t done = 0;
  int error = 0;
  while (done < text.text().size()) {
    ssize_t n = write(fd, text.text().data() + done, text.text().size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno;
      break;
    }
    done += size_t(n);
  }
  if (error == 0 && fsync(fd) != 0) error = errno;
  if (close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    unlink(path.c_str());
    return Status::Error(where, std::string("cannot write the private key: ") + strerror(error));
  }
  return Status::Ok();
}

bool verify_ed25519(const PublicKey& key, std::string_view message, std::string_view signature) {
  if (signature.size() != 64) return false;
  PkeyHandle pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.bytes.data(), key.bytes.size()));
  DigestContextHandle ctx(EVP_MD_CTX_new());
  bool good =
      pkey && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                       signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) == 1;
  forget_openssl_errors();
  return good;
}

}  // namespace trustpage
