// The signed object: SHA256SUMS, in GNU sha256sum format so `sha256sum -c SHA256SUMS`
// checks a downloaded site, listing every file of the bundle except the signatures.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "bundle/bundle.h"
#include "common/status.h"

namespace trustpage {

inline constexpr std::string_view kManifestPath = "SHA256SUMS";
inline constexpr std::string_view kMinisignPath = "SHA256SUMS.minisig";
inline constexpr std::string_view kSshsigPath = "SHA256SUMS.sig";
// A release that changes the key is signed by the key it rotates from too (SSHSIG, which
// carries the old public key, so a customer pinned to it can follow the rotation).
inline constexpr std::string_view kRotationSigPath = "SHA256SUMS.rotation.sig";

// True for the manifest and its signatures: the only files the manifest does not list.
bool is_signature_file(std::string_view path);

std::string sha256_hex(std::string_view bytes);
std::string hex_string(std::string_view raw);  // lower-case hex of raw bytes

// SHA-256 (hex) of a file read in blocks, so memory stays bounded whatever its size.
// Refuses anything but a regular file (a symlink, FIFO or device), naming what it is.
Result<std::string> sha256_file(const std::filesystem::path& path);

// "<hex>  <path>\n" per file, sorted by path (byte order), as sha256sum writes it.
std::string make_manifest(const Bundle& bundle);

// path -> hex digest. Fails naming the line of anything that is not sha256sum's format.
Result<std::map<std::string, std::string>> parse_manifest(std::string_view text);

}  // namespace trustpage
