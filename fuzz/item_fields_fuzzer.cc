// An item file as committed in any old revision, read leniently for its history.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "history/item_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)trustpage::history_detail::read_item_fields("checklists/meti/ops/01-hours.md", bytes);
  // Tree entry names are any bytes too.
  (void)trustpage::history_detail::is_item_path(bytes.substr(0, 256));
  return 0;
}
