#include "site/plan.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>

#include "common/local_time.h"
#include "common/stage.h"
#include "render/markdown.h"
#include "site/history_view.h"
#include "site/links.h"
#include "site/release_view.h"
#include "site/routes.h"
#include "site/sitemap.h"
#include "site/strings.h"

namespace trustpage {
namespace {

constexpr size_t kChangesPerPage = 100;  // the Atom feed carries as many

const char* kLanguageNames[][2] = {{"ja", "日本語"}, {"en", "English"}};

std::string language_name(const std::string& language) {
  for (const auto& [code, name] : kLanguageNames) {
    if (language == code) return name;
  }
  return language;
}

// Dates shown on the site are the commit's, in the committer's own timezone, so the
// output is the same whatever the machine's TZ.
std::string format_commit_time(std::int64_t time, int offset_minutes, bool with_time) {
  if (!with_time) return format_local_time(time, offset_minutes, "%Y-%m-%d");
  return format_local_time(time, offset_minutes, "%Y-%m-%d %H:%M") + " " +
         utc_offset(offset_minutes);
}

std::string format_commit_time(const Provenance& p, bool with_time) {
  return format_commit_time(p.time, p.offset_minutes, with_time);
}

// Markdown as a page shows it: links inside are relative to the page, so a remark shown on
// the checklist page and on the item page is rendered for each. Nothing is kept: no two
// pages of one folder show the same remark, and keeping every item's rendered remarks cost
// 80 MB on a 10,000-item site.
class ContentMarkdown {
 public:
  explicit ContentMarkdown(const Content& content) : links_(content) {}

  // `file` is the content path the Markdown came from, `line` the line of its first line.
  Result<Markup> get(const std::string& markdown, const std::string& file, int line,
                     const std::string& prefix, const std::string& from_route) {
    Result<Markup> markup = render_markdown(markdown, [&](const std::string& destination) {
      return links_.resolve(file, destination, prefix, from_route);
    });
    if (!markup.ok()) {
      const Location& at = markup.status().where();
      int at_line = at.line > 0 && line > 0 ? line + at.line - 1 : line;
      return Status::Error(Location{file, at_line, at.column}, markup.status().message());
    }
    return markup;
  }

 private:
  ContentLinks links_;
};

class Planner {
 public:
  Planner(const Content& content, const Theme& theme, const BuildInfo& info, const PageSink* sink)
      : sink_(sink),
        content_(content),
        theme_(theme),
        info_(info),
        markdown_(content),
        history_(info.history, content) {}

  Result<SitePlan> run() {
    const std::vector<std::string> languages =
        content_.site.languages.empty() ? std::vector<std::string>{"ja"} : content_.site.languages;
    for (const std::string& language : languages) {
      if (Status s = plan_language(language, languages); !s.ok()) return s;
      if (!sink_status_.ok()) return sink_status_;
    }
    if (Status s = plan_static_files(); !s.ok()) return s;
    return std::move(plan_);
  }

 private:
  Status plan_language(const std::string& language, const std::vector<std::string>& all) {
    Result<Map> strings = theme_.strings(language);
    if (!strings.ok()) return strings.status();
    const std::string prefix = language_prefix(content_.site, language);
    Result<Map> site = site_value(prefix);
    if (!site.ok()) return site.status();

    Map base;
    base["lang"] = language;
    base["t"] = *strings;
    base["site"] = *site;
    base["build"] = build_value();
    // The footer's "built from": the build's commit, except on item pages (item_provenance).
    base["provenance"] = build_provenance(*strings);
    base["home"] = overview_route(prefix);
    base["verify_route"] = info_.fingerprint.empty() ? "" : prefix + "verify.html";
    base["assets"] = Map{{"style", asset_route("style.css")},
                         {"verify_script", asset_route("verify.js")},
                         {"changes_script", asset_route("changes.js")},
                         {"release_script", asset_route("release.js")}};
    base["history"] = history_.summary(*strings);
    base["changes_route"] = changes_route(prefix);
    base["feed_route"] = feed_route();
    base["is_404"] = false;
    base["inline_style"] = "";

    auto add_page = [&](const std::string& route, const std::string& template_name,
                        const std::string& title, Map extra,
                        const std::function<std::string(const std::string&)>& route_in) {
      Map context = base;
      context["title"] = title;
      context["nav"] = nav_value(prefix, *strings, route);
      List switcher;
      for (const std::string& other : all) {
        switcher.push_back(Map{{"label", language_name(other)},
                               {"code", other},
                               {"route", route_in(language_prefix(content_.site, other))},
                               {"aria_current", other == language ? "true" : ""}});
      }
      context["languages"] = std::move(switcher);
      context["has_languages"] = all.size() > 1;
      for (auto& [k, v] : extra) context[k] = std::move(v);
      routes_.push_back(route);
      if (!sink_) {
        plan_.pages.push_back({route, template_name, std::move(context)});
      } else if (sink_status_.ok()) {
        sink_status_ = (*sink_)(PagePlan{route, template_name, std::move(context)});
      }
    };

    // Only the overview, checklist and verify pages show the release: an item page's bytes
    // depend on the item alone, so a new release does not rewrite every item page.
    const Value release = release_box_value(info_, prefix + "verify.html");

    List checklists;
    for (const Checklist& c : content_.checklists) {
      Result<Map> v = checklist_value(c, prefix, *strings);
      if (!v.ok()) return v.status();
      checklists.push_back(std::move(*v));
    }

    {
      List pages;
      for (const Page& p : content_.pages) {
        pages.push_back(
            Map{{"title", p.title}, {"summary", p.summary}, {"route", page_route(prefix, p)}});
      }
      List documents;
      for (const Document& d : content_.documents) {
        documents.push_back(download_value(info_, document_route(d.path), d.path, "document"));
      }
      Map extra{{"checklists", checklists},
                {"pages", std::move(pages)},
                {"documents", std::move(documents)},
                {"release", release}};
      add_page(overview_route(prefix), "index.xhtml", content_.site.service, extra,
               [](const std::string& p) { return overview_route(p); });
      if (prefix.empty()) {
        // Hosts serve 404.html at any missing path, where relative links would break: the
        // page links through <base href="base_url"> and carries its stylesheet inline.
        Result<std::string> style = theme_.file("static/style.css");
        if (!style.ok()) return style.status();
        add_page("404.html", "404.xhtml", ui_text(*strings, "not_found_title"),
                 Map{{"is_404", true}, {"inline_style", *style}},
                 [](const std::string& p) { return overview_route(p); });
      }
    }

    for (size_t i = 0; i < content_.checklists.size(); ++i) {
      const Checklist& c = content_.checklists[i];
      const Value& checklist = checklists[i];
      add_page(checklist_route(prefix, c), "checklist.xhtml", c.title,
               Map{{"checklist", checklist}, {"release", release}},
               [&c](const std::string& p) { return checklist_route(p, c); });
      for (const Section& s : c.sections) {
        for (const Item& item : s.items) {
          Result<Map> v = item_value(c, s, item, prefix, *strings, item_route(prefix, c, item));
          if (!v.ok()) return v.status();
          (*v)["history"] = history_.item_timeline(item, prefix, *strings);
          add_page(item_route(prefix, c, item), "item.xhtml",
                   item.no + ". " + item.item + " — " + c.title,
                   Map{{"checklist", checklist},
                       {"item", std::move(*v)},
                       {"provenance", item_provenance(item, *strings)}},
                   [&c, &item](const std::string& p) { return item_route(p, c, item); });
        }
      }
    }

    // The changelog, kChangesPerPage commits a page: a long history stays quick to open.
    List history_files;
    for (const Checklist& c : content_.checklists) {
      if (info_.history_json)
        history_files.push_back(Map{{"label", c.title}, {"route", history_json_route(c)}});
    }
    const size_t total = history_.change_set_count();
    const size_t pages = std::max<size_t>(1, (total + kChangesPerPage - 1) / kChangesPerPage);
    for (size_t page = 1; page <= pages; ++page) {
      Map pager{{"page", std::to_string(page)},
                {"pages", std::to_string(pages)},
                {"newer", page > 1 ? changes_route(prefix, page - 1) : ""},
                {"older", page < pages ? changes_route(prefix, page + 1) : ""},
                {"several", pages > 1}};
      std::string title = ui_text(*strings, "changes_title");
      if (page > 1) title += " (" + std::to_string(page) + "/" + std::to_string(pages) + ")";
      add_page(changes_route(prefix, page), "changes.xhtml", title,
               Map{{"changes", history_.changelog(prefix, *strings, (page - 1) * kChangesPerPage,
                                                  kChangesPerPage)},
                   {"history_files", history_files},
                   {"pager", std::move(pager)}},
               [page](const std::string& pre) { return changes_route(pre, page); });
    }

    if (!info_.fingerprint.empty()) {
      add_page(prefix + "verify.html", "verify.xhtml", ui_text(*strings, "verify_title"),
               Map{{"verify", verify_page_value(content_, info_)}, {"release", release}},
               [](const std::string& pre) { return pre + "verify.html"; });
    }

    for (const Page& p : content_.pages) {
      Result<Markup> body =
          markdown_.get(p.body, p.path, p.body_line, prefix, page_route(prefix, p));
      if (!body.ok()) return body.status();
      add_page(page_route(prefix, p), "page.xhtml", p.title,
               Map{{"page", Map{{"title", p.title}, {"summary", p.summary}, {"body", *body}}}},
               [&p](const std::string& pre) { return page_route(pre, p); });
    }
    return Status::Ok();
  }

  Result<Map> site_value(const std::string& prefix) {
    const Site& s = content_.site;
    // Shown on the overview page, so its links are relative to it.
    Result<Markup> description =
        markdown_.get(s.description, "site.yaml", 0, prefix, overview_route(prefix));
    if (!description.ok()) return description.status();
    List contacts;
    for (const Contact& c : s.contacts) {
      contacts.push_back(Map{{"label", c.label},
                             {"email", c.email},
                             {"mailto", c.email.empty() ? "" : "mailto:" + c.email},
                             {"url", c.url}});
    }
    List certifications;
    for (const Certification& c : s.certifications) {
      certifications.push_back(Map{{"name", c.name},
                                   {"issuer", c.issuer},
                                   {"id", c.id},
                                   {"valid_until", c.valid_until},
                                   {"url", c.url}});
    }
    return Map{{"organization", s.organization},
               {"organization_url", s.organization_url},
               {"service", s.service},
               {"service_url", s.service_url},
               {"description", *description},
               {"base_url", s.base_url},
               {"contacts", std::move(contacts)},
               {"certifications", std::move(certifications)}};
  }

  // The build as every page shows it; which commit the page comes from is `provenance`.
  Map build_value() {
    const Provenance& p = info_.provenance;
    return Map{{"version", info_.version},
               {"generator", "trustpage " + info_.version},
               {"fingerprint", info_.fingerprint},
               {"preview", info_.preview},
               {"unpublished", p.worktree && p.dirty}};
  }

  // Which commit the page's content comes from, as the footer says it.
  Map build_provenance(const Map& strings) {
    const Provenance& p = info_.provenance;
    return Map{
        {"label", ui_text(strings, "built_from")},
        {"commit", p.commit},
        {"source", p.commit.empty() ? ui_text(strings, "build_no_commit") : p.commit.substr(0, 12)},
        {"has_commit", !p.commit.empty()},
        {"date_label", ui_text(strings, "built_on")},
        {"date", p.commit.empty() ? "" : format_commit_time(p, false)},
        {"datetime", p.commit.empty() ? "" : format_commit_time(p, true)}};
  }

  // An item page names the commit that last changed the item, not the build's: its bytes
  // then depend on the item alone, and a commit elsewhere leaves the page as it was.
  Map item_provenance(const Item& item, const Map& strings) {
    const CommitInfo* last = info_.history ? info_.history->last_changed(item.id) : nullptr;
    const Provenance& p = info_.provenance;
    if (!last || (p.worktree && p.dirty)) return build_provenance(strings);
    return Map{{"label", ui_text(strings, "item_changed_in")},
               {"commit", last->id},
               {"source", last->id.substr(0, 12)},
               {"has_commit", true},
               {"date_label", ui_text(strings, "item_changed_on")},
               {"date", format_commit_time(last->time, last->offset_minutes, false)},
               {"datetime", format_commit_time(last->time, last->offset_minutes, true)}};
  }

  Value nav_value(const std::string& prefix, const Map& strings, const std::string& current) {
    List nav;
    auto add = [&](const std::string& label, const std::string& route) {
      nav.push_back(Map{
          {"label", label}, {"route", route}, {"aria_current", route == current ? "page" : ""}});
    };
    add(ui_text(strings, "nav_overview"), overview_route(prefix));
    for (const Checklist& c : content_.checklists) add(c.title, checklist_route(prefix, c));
    for (const Page& p : content_.pages) add(p.title, page_route(prefix, p));
    add(ui_text(strings, "nav_changes"), changes_route(prefix));
    return nav;
  }

  Map status_value(AnswerStatus status, const Map& strings) {
    std::string key(to_string(status));
    return Map{{"code", key},
               {"symbol", ui_text(strings, "status_" + key + "_symbol")},
               {"label", ui_text(strings, "status_" + key)},
               {"class", "status status-" + key}};
  }

  Result<Map> checklist_value(const Checklist& c, const std::string& prefix, const Map& strings) {
    const std::string route = checklist_route(prefix, c);
    Result<Markup> description =
        markdown_.get(c.description, "checklists/" + c.id + "/checklist.yaml", 0, prefix, route);
    if (!description.ok()) return description.status();
    List sections;
    std::map<AnswerStatus, int> counts;
    int total = 0;
    for (const Section& s : c.sections) {
      List items;
      for (const Item& item : s.items) {
        Result<Map> v = item_value(c, s, item, prefix, strings, route);
        if (!v.ok()) return v.status();
        items.push_back(std::move(*v));
        ++counts[item.status];
        ++total;
      }
      sections.push_back(Map{{"id", s.id},
                             {"title", s.title},
                             {"anchor", "section-" + s.id},
                             {"href", checklist_route(prefix, c) + "#section-" + s.id},
                             {"count", std::to_string(s.items.size())},
                             {"items", std::move(items)}});
    }
    List summary;
    for (AnswerStatus status : all_answer_statuses()) {
      if (!counts.count(status)) continue;
      Map v = status_value(status, strings);
      v["count"] = std::to_string(counts[status]);
      summary.push_back(std::move(v));
    }
    List downloads;
    for (const std::string& format : info_.download_formats) {
      downloads.push_back(download_value(info_, checklist_download_route(c, format),
                                         ui_text(strings, "download_" + format), format));
    }
    return Map{{"id", c.id},
               {"title", c.title},
               {"downloads", std::move(downloads)},
               {"description", *description},
               {"source", c.source},
               {"source_url", c.source_url},
               {"license", c.license},
               {"route", route},
               {"item_count", std::to_string(total)},
               {"summary", std::move(summary)},
               {"sections", std::move(sections)}};
  }

  // `from_route`: the page the item is shown on (its own, or its checklist's).
  Result<Map> item_value(const Checklist& c, const Section& s, const Item& item,
                         const std::string& prefix, const Map& strings,
                         const std::string& from_route) {
    Result<Markup> remarks =
        markdown_.get(item.remarks, item.path, item.body_line, prefix, from_route);
    if (!remarks.ok()) return remarks.status();
    List evidence;
    for (const std::string& e : item.evidence) {
      // A URL, or a path such as documents/x.pdf: documents keep their path when published.
      evidence.push_back(Map{{"label", e}, {"route", e}});
    }
    return Map{{"id", item.id},
               {"no", item.no},
               {"category", item.category},
               {"item", item.item},
               {"requirement", item.requirement},
               {"unit", item.unit},
               {"status", status_value(item.status, strings)},
               {"answer", item.answer},
               {"reviewed", item.reviewed.iso()},
               {"last_changed", history_.last_changed(item)},
               {"stale", item.stale},
               {"remarks", *remarks},
               {"evidence", std::move(evidence)},
               {"route", item_route(prefix, c, item)},
               {"anchor", item_anchor(item)},
               {"in_checklist", checklist_route(prefix, c) + "#" + item_anchor(item)},
               {"section", s.title},
               {"section_href", checklist_route(prefix, c) + "#section-" + s.id},
               {"source_path", item.path}};
  }

  Status plan_static_files() {
    for (const std::string& asset : theme_.static_files()) {
      Result<std::string> bytes = theme_.file("static/" + asset);
      if (!bytes.ok()) return bytes.status();
      plan_.files.push_back({asset_route(asset), std::move(*bytes)});
    }
    for (const Document& d : content_.documents) {
      plan_.files.push_back({document_route(d.path), d.bytes});
    }
    for (const auto& [name, text] : info_.public_key_files) {
      plan_.files.push_back({"keys/" + name, text});
    }
    // The feed speaks the default language, like the site's root.
    const std::string language =
        content_.site.languages.empty() ? "ja" : content_.site.languages.front();
    Result<Map> strings = theme_.strings(language);
    if (!strings.ok()) return strings.status();
    plan_.files.push_back({feed_route(), history_.atom_feed(content_.site.service + " — " +
                                                                ui_text(*strings, "changes_title"),
                                                            changes_route(""), *strings)});
    for (const Checklist& c : content_.checklists) {
      if (info_.history_json) plan_.files.push_back({history_json_route(c), history_.json(c)});
    }
    std::vector<std::string> routes;
    for (const std::string& route : routes_) {
      if (route != "404.html") routes.push_back(route);
    }
    const Provenance& p = info_.provenance;
    plan_.files.push_back(
        {"sitemap.xml", sitemap_xml(content_.site.base_url, routes,
                                    p.commit.empty() ? "" : format_commit_time(p, false))});
    plan_.files.push_back({"robots.txt", robots_txt(content_.site.base_url)});
    return Status::Ok();
  }

  const PageSink* sink_;
  Status sink_status_ = Status::Ok();
  std::vector<std::string> routes_;  // every page planned, for the sitemap
  const Content& content_;
  const Theme& theme_;
  const BuildInfo& info_;
  ContentMarkdown markdown_;
  HistoryView history_;
  SitePlan plan_;
};

}  // namespace

Result<SitePlan> plan_site(const Content& content, const Theme& theme, const BuildInfo& info) {
  StageScope stage("site");
  return Planner(content, theme, info, nullptr).run();
}

Result<SitePlan> plan_site(const Content& content, const Theme& theme, const BuildInfo& info,
                           const PageSink& sink) {
  StageScope stage("site");
  return Planner(content, theme, info, &sink).run();
}

}  // namespace trustpage
