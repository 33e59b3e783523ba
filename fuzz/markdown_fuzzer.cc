// Remarks and pages in Markdown from a vendor's content/, rendered to XHTML with links
// resolved, and as plain text for search.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "render/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)trustpage::render_markdown(text);
  // The resolver refuses one destination, as build does for a missing document.
  (void)trustpage::render_markdown(
      text, [](const std::string& destination) -> trustpage::Result<std::string> {
        if (destination.starts_with("missing")) return trustpage::Status::Error("no such file");
        return "../" + destination;
      });
  (void)trustpage::markdown_to_text(text);
  return 0;
}
