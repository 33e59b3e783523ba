// Where every page lives in the published site. Routes are paths from the site root;
// templates turn them into relative links (tp:href), so the site works from any sub-path.
#pragma once

#include <string>

#include "content/model.h"

namespace trustpage {

// "" for the default (first) language, "en/" for the others.
std::string language_prefix(const Site& site, const std::string& language);

std::string overview_route(const std::string& prefix);
std::string checklist_route(const std::string& prefix, const Checklist& checklist);
std::string item_route(const std::string& prefix, const Checklist& checklist, const Item& item);
std::string page_route(const std::string& prefix, const Page& page);
std::string asset_route(const std::string& asset);        // "assets/<asset>"
std::string document_route(const std::string& document);  // "documents/<path>"

// A checklist as a downloadable file ("pdf", "csv", "xlsx", "json"): one per checklist,
// shared by every language, e.g. "checklists/meti-cloud-sla/meti-cloud-sla.pdf".
std::string checklist_download_route(const Checklist& checklist, const std::string& format);

// The changelog page, and the Atom feed of the same changes (one, at the root).
// Page 1 is "<prefix>changes.html" (the newest commits), page N "<prefix>changes-N.html".
std::string changes_route(const std::string& prefix, std::size_t page = 1);
std::string feed_route();                               // "changes.atom"
// A checklist's history as JSON, beside its other data.
std::string history_json_route(const Checklist& checklist);

// The anchor of an item's row on its checklist page: stable, derived from the item id.
std::string item_anchor(const Item& item);

}  // namespace trustpage
