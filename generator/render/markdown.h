// Markdown (remarks, pages) -> Markup, through cmark-gfm in safe mode with the GFM
// table, autolink, strikethrough and tagfilter extensions. Raw HTML is dropped and
// javascript:/vbscript:/data: links are neutralized by cmark-gfm itself.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "render/value.h"

namespace trustpage {

Result<Markup> render_markdown(std::string_view markdown);

// Plain text of the Markdown (for search indexes and summaries).
std::string markdown_to_text(std::string_view markdown);

}  // namespace trustpage
