// SHA256SUMS, and the archive paths read from it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sign/manifest.h"
#include "sign/release_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto listed = trustpage::parse_manifest(text);
  if (listed.ok()) {
    for (const auto& [path, digest] : *listed) (void)trustpage::archived_release(path);
  }
  (void)trustpage::archived_release(text);
  return 0;
}
