// The text that tells a customer where an answer comes from: the item's answer and the
// first lines of its remarks, then its id, the absolute URL of its page and the release.
#pragma once

#include <string>

#include "content/model.h"

namespace trustpage::answer_detail {

// The absolute URL of the item's page on the published site (site.yaml base_url).
std::string item_url(const Site& site, const Checklist& checklist, const Item& item);

// "35日間（監査ログは1年間）\nデータベースの継続的バックアップ…\n出典: meti-30-backup-retention
// https://…/items/meti-30-backup-retention.html（commit 0123456789ab, 2026-11-20）"
std::string citation_text(const Site& site, const Checklist& checklist, const Item& item,
                          const std::string& release);

// The first lines of Markdown remarks as plain text, at most `max_code_points` long.
std::string remarks_excerpt(const std::string& markdown, size_t max_code_points);

}  // namespace trustpage::answer_detail
