// The site stage: decides every page (route, template, variables) and every non-HTML file
// (sitemap.xml, robots.txt, assets, documents) from the validated Content.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/model.h"
#include "history/history.h"
#include "render/value.h"
#include "site/theme.h"
#include "source/source.h"

namespace trustpage {

// The signed release a build publishes, for the release box (overview, checklist pages) and
// the verify page's commands.
struct ReleaseView {
  int sequence = 0;
  std::string date;                 // release.json "date": the commit's ISO 8601 date-time
  std::string expires;              // release.json "expires": ISO date
  std::string fingerprint;          // "SHA256:…", as `ssh-keygen -l` prints it
  std::string minisign_public_key;  // "RW…": the key line of the minisign .pub file (-P)
  std::string ssh_public_key;       // "ssh-ed25519 AAAA…"
  std::string site;                 // base_url
};

struct BuildInfo {
  Provenance provenance;
  std::string version;   // trustpage's version, shown in the footer
  bool preview = false;  // `serve`: adds the live-reload script, marks the site as a preview
  std::string fingerprint;  // the publishing key's, when the bundle is signed
  // The public key as published under keys/ (file name -> text), for the verify page and
  // for customers' stock tools; empty when the bundle is not signed.
  std::map<std::string, std::string> public_key_files;
  std::string signer_principal;  // the name in keys/allowed_signers
  std::optional<ReleaseView> release;  // set when the bundle is signed
  // Downloads signed on their own (route -> SHA-256 hex): ROUTE.minisig is published beside
  // each, so one file verifies with stock minisign in any folder.
  std::map<std::string, std::string> signed_downloads;
  // Formats each checklist is also published in ("pdf", "csv", …), in the order the
  // checklist page lists them; the files themselves are rendered by their own stage.
  std::vector<std::string> download_formats;
  // Item timelines from git; null when not mined (the pages then say there is no history).
  const History* history = nullptr;
  bool history_json = true;  // checklists/<id>/history.json (off for an HTML-only build)
};

struct PagePlan {
  std::string route;          // e.g. "checklists/meti-cloud-sla/index.html"
  std::string template_name;  // under the theme's templates/, e.g. "checklist.xhtml"
  Map context;
};

struct StaticFile {
  std::string route;
  std::string bytes;
};

struct SitePlan {
  std::vector<PagePlan> pages;
  std::vector<StaticFile> files;
};

Result<SitePlan> plan_site(const Content& content, const Theme& theme, const BuildInfo& info);

// The same, handing each page to `sink` as soon as it is planned instead of keeping it in
// SitePlan::pages, so a build renders page by page; the first error from `sink` stops it.
using PageSink = std::function<Status(PagePlan&&)>;
Result<SitePlan> plan_site(const Content& content, const Theme& theme, const BuildInfo& info,
                           const PageSink& sink);

}  // namespace trustpage
