// Markdown (remarks, pages) -> Markup, through cmark-gfm in safe mode with the GFM
// table, autolink, strikethrough and tagfilter extensions. Raw HTML is dropped.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "render/value.h"

namespace trustpage {

// Maps a link or image destination written in the Markdown to the one to publish, or fails
// (e.g. a link to a file that does not exist). Not called for destinations with a scheme.
using LinkResolver = std::function<Result<std::string>(const std::string& destination)>;

// Links with a scheme other than http, https or mailto are emptied (inert). A failed
// resolution is an error at the link's line, counted from the Markdown's first line.
Result<Markup> render_markdown(std::string_view markdown, const LinkResolver& resolve_link = {});

// Plain text of the Markdown (for search indexes and summaries).
std::string markdown_to_text(std::string_view markdown);

}  // namespace trustpage
