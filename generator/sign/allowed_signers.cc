#include "sign/allowed_signers.h"

#include <algorithm>

namespace trustpage {
namespace {

// Splits on whitespace, keeping double-quoted runs (namespaces="a,b") inside one word.
std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false, in_word = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ' ' || c == '\t')) {
      if (in_word) out.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    word += c;
    in_word = true;
  }
  if (in_word) out.push_back(std::move(word));
  return out;
}

std::vector<std::string> split(std::string_view text, char by) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(by, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_key_type(std::string_view word) {
  return word.starts_with("ssh-") || word.starts_with("ecdsa-") || word.starts_with("sk-");
}

}  // namespace

AllowedSigners parse_allowed_signers(std::string_view text) {
  AllowedSigners out;
  for (const std::string& raw : split(text, '\n')) {
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::string> w = words(line.substr(first));
    // principals [options] keytype base64 [comment]
    size_t type_at = 1;
    while (type_at < w.size() && !is_key_type(w[type_at])) ++type_at;
    if (w.size() < 3 || type_at + 1 >= w.size()) {
      ++out.skipped;
      continue;
    }
    AllowedSigner signer;
    signer.principals = split(w[0], ',');
    for (size_t i = 1; i < type_at; ++i) {
      for (const std::string& option : split(w[i], ',')) {
        if (option == "cert-authority") signer.cert_authority = true;
      }
      if (w[i].starts_with("namespaces=")) {
        std::string value = w[i].substr(11);
        value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
        signer.namespaces = split(value, ',');
      }
    }
    Result<PublicKey> key = PublicKey::from_openssh(w[type_at] + " " + w[type_at + 1]);
    if (!key.ok()) {
      ++out.skipped;
      continue;
    }
    signer.key = *key;
    out.signers.push_back(std::move(signer));
  }
  return out;
}

std::string AllowedSigners::principals_for(const PublicKey& key,
                                           std::string_view name_space) const {
  std::vector<std::string> found;
  for (const AllowedSigner& s : signers) {
    if (s.cert_authority || !(s.key == key)) continue;
    if (!s.namespaces.empty() &&
        std::find(s.namespaces.begin(), s.namespaces.end(), name_space) == s.namespaces.end())
      continue;
    for (const std::string& p : s.principals) {
      if (std::find(found.begin(), found.end(), p) == found.end()) found.push_back(p);
    }
  }
  std::string out;
  for (const std::string& p : found) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace trustpage
