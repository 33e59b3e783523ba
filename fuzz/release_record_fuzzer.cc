// release.json and the verifier's state file: any bytes give a record or an error value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sign/release.h"
#include "sign/state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  trustpage::Result<trustpage::ReleaseRecord> record = trustpage::ReleaseRecord::parse(text);
  if (record.ok()) {
    // What parses must write back to what parses to the same record.
    trustpage::Result<trustpage::ReleaseRecord> again =
        trustpage::ReleaseRecord::parse(record->to_json());
    if (!again.ok() || again->to_json() != record->to_json()) __builtin_trap();
  }
  (void)trustpage::SeenRelease::parse(text);
  return 0;
}
