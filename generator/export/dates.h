// The commit's date and time as exports print them (never the clock).
#pragma once

#include <string>

#include "source/source.h"

namespace trustpage::export_detail {

// "2026-10-01T09:30:00+09:00": the commit time in the committer's zone; "" without a commit.
std::string commit_timestamp(const Provenance& provenance);

}  // namespace trustpage::export_detail
