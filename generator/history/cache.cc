#include "history/cache.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "common/atomic_file.h"

namespace trustpage::history_detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "trustpage history cache 1\n";

std::string sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), size);
}

void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}
void put_string(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool u32(uint32_t& v) {
    if (rest_.size() < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(rest_[i]);
    rest_.remove_prefix(4);
    return true;
  }
  bool string(std::string& s) {
    uint32_t size = 0;
    if (!u32(size) || rest_.size() < size) return false;
    s.assign(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return true;
  }
  bool at_end() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

bool read_entries(std::string_view body, CommitChanges& out) {
  Reader r(body);
  uint32_t commits = 0;
  if (!r.u32(commits)) return false;
  for (uint32_t i = 0; i < commits; ++i) {
    std::string commit;
    uint32_t count = 0;
    if (!r.string(commit) || commit.size() != 40 || !r.u32(count)) return false;
    std::vector<ItemChange>& changes = out[commit];
    for (uint32_t j = 0; j < count; ++j) {
      ItemChange c;
      uint32_t kind = 0, fields = 0;
      if (!r.string(c.item_id) || !r.u32(kind) || kind > 2 || !r.string(c.checklist) ||
          !r.string(c.path) || !r.u32(fields))
        return false;
      c.kind = static_cast<ChangeKind>(kind);
      for (uint32_t k = 0; k < fields; ++k) {
        FieldChange f;
        if (!r.string(f.field) || !r.string(f.before) || !r.string(f.after)) return false;
        c.fields.push_back(std::move(f));
      }
      changes.push_back(std::move(c));
    }
  }
  return r.at_end();
}

}  // namespace

CommitChanges load_cache(const CacheFile& file, std::string* note) {
  CommitChanges out;
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    if (note) *note = "no cache yet";
    return out;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  // magic, key, body, SHA-256 of everything before it
  std::string header(kMagic);
  put_string(header, file.key);
  if (bytes.size() < header.size() + 32 || bytes.compare(0, header.size(), header) != 0) {
    if (note) *note = "the cache was written for another format or content folder";
    return out;
  }
  std::string_view all(bytes);
  if (sha256(all.substr(0, all.size() - 32)) != all.substr(all.size() - 32)) {
    if (note) *note = "the cache is damaged (digest mismatch)";
    return out;
  }
  if (!read_entries(all.substr(header.size(), all.size() - 32 - header.size()), out)) {
    out.clear();
    if (note) *note = "the cache is damaged (cannot be read)";
  }
  return out;
}

void store_cache(const CacheFile& file, const CommitChangesView& entries) {
  std::string bytes(kMagic);
  put_string(bytes, file.key);
  put_u32(bytes, static_cast<uint32_t>(entries.size()));
  for (const auto& [commit, changes] : entries) {
    put_string(bytes, commit);
    put_u32(bytes, static_cast<uint32_t>(changes->size()));
    for (const ItemChange& c : *changes) {
      put_string(bytes, c.item_id);
      put_u32(bytes, static_cast<uint32_t>(c.kind));
      put_string(bytes, c.checklist);
      put_string(bytes, c.path);
      put_u32(bytes, static_cast<uint32_t>(c.fields.size()));
      for (const FieldChange& f : c.fields) {
        put_string(bytes, f.field);
        put_string(bytes, f.before);
        put_string(bytes, f.after);
      }
    }
  }
  bytes += sha256(bytes);

  std::error_code ec;
  fs::create_directories(file.path.parent_path(), ec);
  (void)write_file_atomically(file.path, bytes);  // the cache only saves time
}

}  // namespace trustpage::history_detail
