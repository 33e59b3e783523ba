// The trust center's content: what a vendor writes in content/, after validation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace trustpage {

// The answer scale. Spelled in front matter as yes|no|partial|na|undisclosed|planned.
enum class AnswerStatus { kYes, kNo, kPartial, kNotApplicable, kUndisclosed, kPlanned };

std::string_view to_string(AnswerStatus status);  // "yes", "no", ...
std::optional<AnswerStatus> parse_answer_status(std::string_view text);
const std::vector<AnswerStatus>& all_answer_statuses();

// A calendar date (ISO 8601, YYYY-MM-DD).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  static std::optional<Date> parse(std::string_view iso);  // strict: real dates only
  std::string iso() const;
  std::int64_t days_since_epoch() const;
  auto operator<=>(const Date&) const = default;
};

struct Link {
  std::string label;
  std::string url;  // http(s)://, mailto: or a path inside the site
};

struct Contact {
  std::string label;
  std::string email;
  std::string url;
};

struct Certification {
  std::string name;
  std::string issuer;
  std::string id;
  std::string valid_until;  // ISO date or empty
  std::string url;
};

struct Site {
  std::string organization;
  std::string organization_url;
  std::string service;
  std::string service_url;
  std::string description;             // Markdown
  std::string base_url;                // absolute, ends with '/'
  std::vector<std::string> languages;  // first is the default; each "ja" or "en"
  std::vector<Contact> contacts;
  std::vector<Certification> certifications;
  int stale_after_months = 12;
  std::string theme = "default";  // themes/<theme>/ beside content/ overrides the built-in theme
};

struct Item {
  std::string id;  // stable across edits, moves and renames; unique in the site
  std::string no;  // as the sheet numbers it: "1", "A-3"
  std::string category;
  std::string item;
  std::string requirement;
  std::string unit;
  AnswerStatus status = AnswerStatus::kUndisclosed;
  std::string answer;
  Date reviewed;
  // Reviewed more than stale_after_months before LoadOptions::today: the same rule, decided
  // in the same place, as the "is older than N months" warning (LoadOptions'
  // stale_after_months override included), so a badge on the site always agrees with it.
  // False when there is no reference date.
  bool stale = false;
  std::vector<std::string> evidence;  // URLs or paths under documents/
  std::string remarks;                // Markdown body
  std::string path;   // source path, e.g. checklists/meti/availability/01-service-hours.md
  int body_line = 1;  // line of the body's first line in the file
};

struct Section {
  std::string id;  // folder name
  std::string title;
  std::vector<Item> items;  // ordered by `no` (natural order), then path
};

struct Checklist {
  std::string id;  // folder name under checklists/
  std::string title;
  std::string description;  // Markdown
  std::string source;       // attribution line shown on the checklist page
  std::string source_url;
  std::string license;
  std::vector<AnswerStatus> scale;  // the statuses this sheet allows, in display order
  std::vector<Section> sections;
  int order = 0;
};

struct Page {
  std::string slug;  // file name without .md
  std::string title;
  std::string summary;
  int order = 0;
  std::string body;   // Markdown
  std::string path;   // source path, e.g. pages/overview.md
  int body_line = 1;  // line of the body's first line in the file
};

struct Document {
  std::string path;  // relative to documents/
  std::string bytes;
};

struct Content {
  Site site;
  std::vector<Checklist> checklists;  // by order, then id
  std::vector<Page> pages;            // by order, then slug
  std::vector<Document> documents;    // by path
};

}  // namespace trustpage
