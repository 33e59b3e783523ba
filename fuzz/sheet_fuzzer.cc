// A vendor's CSV or TSV check sheet given to import, in each encoding, and the rows it
// reads matched into items: the first byte picks the encoding, the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "import/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace trustpage;
  if (size == 0) return 0;
  static const Encoding kEncodings[] = {Encoding::kAuto, Encoding::kUtf8, Encoding::kCp932};
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  Result<Sheet> sheet = read_sheet(bytes, "sheet.csv", kEncodings[data[0] % 3]);
  if (!sheet.ok()) return 0;
  ImportOptions options;
  options.checklist_id = "vendor";
  options.today = "2026-03-15";
  (void)import_sheet(*sheet, nullptr, options);
  return 0;
}
