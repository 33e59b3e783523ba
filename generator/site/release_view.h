// The signed release as the pages show it: the release box (overview, checklist and verify
// pages), each download beside its own signature and SHA-256, and the values the verify
// page's commands are made of.
#pragma once

#include <string>

#include "content/model.h"
#include "render/value.h"
#include "site/plan.h"

namespace trustpage {

// The release box's variables (sequence, date, expires, fingerprint, verify_route); "" for
// an unsigned build, so `tp:if="release"` shows no box.
Value release_box_value(const BuildInfo& info, const std::string& verify_route);

// One download link: label, route, format, file name; when the file is signed on its own,
// also its `.minisig` route and SHA-256 (both "" otherwise).
Map download_value(const BuildInfo& info, const std::string& route, const std::string& label,
                   const std::string& format);

// The verify page's variables under `verify`: the keys as the commands print them, each
// checklist's PDF, every file signed on its own, the release files.
Map verify_page_value(const Content& content, const BuildInfo& info);

// `word` as one bash word: as it is when it holds only characters the shell leaves alone,
// otherwise in single quotes.
std::string shell_word(const std::string& word);

}  // namespace trustpage
