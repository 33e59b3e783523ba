// Reads and strictly validates content/ through a Source.
#pragma once

#include "content/model.h"
#include "source/source.h"

namespace trustpage {

struct LoadOptions {
  // "Today" for staleness warnings. Builds pass the commit date so output stays reproducible.
  Date today;
  // Overrides site.yaml's stale_after_months when set.
  std::optional<int> stale_after_months;
};

// Loads everything; every problem found goes into `diagnostics` (errors and warnings),
// each naming file:line:col and what to do. The returned Content is only meaningful
// when diagnostics.has_errors() is false.
Content load_content(const Source& source, const LoadOptions& options, Diagnostics& diagnostics);

}  // namespace trustpage
