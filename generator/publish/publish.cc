#include "publish/publish.h"

#include <cstdlib>
#include <map>
#include <system_error>

#include "content/loader.h"
#include "export/export.h"
#include "history/history.h"
#include "output/output.h"
#include "output/source_guard.h"
#include "pdf/checklist_pdf.h"
#include "publish/page_renderer.h"
#include "publish/previous_release.h"
#include "sign/envelopes.h"
#include "sign/keys.h"
#include "sign/manifest.h"
#include "sign/sign_bundle.h"
#include "site/history_view.h"
#include "site/plan.h"
#include "site/routes.h"
#include "site/theme.h"

#ifndef TRUSTPAGE_VERSION
#define TRUSTPAGE_VERSION "0.0.0"
#endif

namespace trustpage {
namespace fs = std::filesystem;

namespace {

Result<std::unique_ptr<Source>> open_source(const BuildOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.content_dir, ec)) {
    return Status::Error(
        "content folder " + options.content_dir.string() +
        " does not exist — run trustpage where content/ is, or pass --content DIR");
  }
  if (options.worktree) return open_worktree(options.content_dir);
  return open_git(options.content_dir, options.rev);
}

// Today, for staleness: the commit's date, so a rebuild of an old commit gives the same
// warnings and the same pages. Content outside git falls back to the clock (preview only).
Date reference_date(const Provenance& p) {
  std::time_t t = p.commit.empty() ? std::time(nullptr) : static_cast<std::time_t>(p.time);
  t += p.offset_minutes * 60LL;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Content load(const Source& source, const BuildOptions& options, Diagnostics& diagnostics) {
  LoadOptions load_options;
  load_options.today = reference_date(source.provenance());
  load_options.stale_after_months = options.stale_after_months;
  return load_content(source, load_options, diagnostics);
}

// A folder beside the content folder (themes/<name>/, keys/), as of the same commit as the
// content, or from disk for --worktree: a published site corresponds to exactly one commit.
Result<std::unique_ptr<Source>> open_beside(const BuildOptions& options, const fs::path& folder) {
  std::error_code ec;
  if (!options.worktree) return open_git(folder, options.rev);
  if (!fs::is_directory(folder, ec)) return Status::Error("no folder " + folder.string());
  return open_worktree(folder);
}

// keys/allowed_signers beside the content folder; empty when there is none.
std::string read_allowed_signers(const BuildOptions& options) {
  Result<std::unique_ptr<Source>> keys =
      open_beside(options, themes_folder(options.content_dir).parent_path() / "keys");
  if (!keys.ok() || !(*keys)->is_file("allowed_signers")) return "";
  Result<std::string> bytes = (*keys)->read("allowed_signers");
  return bytes.ok() ? *bytes : "";
}

// Item id -> the date of the commit that last changed it, as the site shows it.
std::map<std::string, std::string> last_changed_dates(const History& history) {
  std::map<std::string, std::string> dates;
  for (const ChangeSet& set : history.change_sets) {
    for (const ItemChange& change : set.changes) dates[change.item_id] = commit_date(set.commit);
  }
  return dates;
}

Result<History> mine(const BuildOptions& options, const Provenance& provenance) {
  HistoryOptions history;
  history.provenance = provenance;
  history.allow_shallow = options.allow_shallow;
  history.use_cache = options.use_history_cache;
  if (options.history_cache) history.cache_dir = *options.history_cache;
  history.allowed_signers = read_allowed_signers(options);
  return mine_history(history);
}

// --theme DIR, else themes/<site.yaml theme>/ beside the content folder (open_beside), else
// the built-in theme.
Result<Theme> resolve_theme(const BuildOptions& options, const Site& site) {
  if (options.theme_dir) return Theme::with_override(*options.theme_dir);
  Result<std::unique_ptr<Source>> source =
      open_beside(options, themes_folder(options.content_dir) / site.theme);
  if (source.ok()) return Theme::with_override(**source);
  if (site.theme == "default") return Theme::builtin();
  return Status::Error(Location{(options.content_dir / "site.yaml").string()},
                       "theme \"" + site.theme + "\" not found: " + source.status().message());
}

std::optional<std::string> environment(const std::string& name) {
  const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

// --key FILE, else the PEM in $TRUSTPAGE_SIGNING_KEY (a CI secret). Messages never quote it.
Result<SigningKey> load_signing_key(const SigningOptions& signing) {
  std::optional<std::string> passphrase = environment(signing.passphrase_env);
  if (signing.key_file) return SigningKey::from_file(*signing.key_file, passphrase);
  if (std::optional<std::string> pem = environment(signing.key_env)) {
    return SigningKey::from_pem(*pem, passphrase);
  }
  return Status::Error("--sign needs the private key: --key FILE, or the PEM in $" +
                       signing.key_env + " (create one with `trustpage keygen`)");
}

// The release this build is: the deployed one verified and continued, or a first release.
Result<ReleasePlan> plan_signed_release(const BuildOptions& options, const Site& site,
                                        const Provenance& provenance, const SigningKey& key,
                                        const SigningKey* old_key, BuildResult& result) {
  const SigningOptions& signing = options.signing;
  Result<PreviousRelease> previous =
      read_previous_release(signing.previous, site.base_url, options.out_dir);
  if (!previous.ok()) return previous.status();
  for (const std::string& path : previous->dropped) {
    result.diagnostics.warning(Location{previous->origin + "/" + path},
                               "not listed by any signed release: not carried forward");
  }
  ChainOptions chain;
  chain.key = &key;
  chain.rotate_from = old_key;
  chain.provenance = provenance;
  chain.site_url = site.base_url;
  chain.expiry_days = signing.expiry_days;
  chain.previous = std::move(previous->files);
  chain.previous_origin = previous->origin;
  chain.first_release = signing.first_release;
  Result<ReleasePlan> plan = plan_release(chain);
  if (!plan.ok()) return plan.status();
  result.release =
      SignedRelease{plan->record.sequence,    plan->extends,        plan->republished,
                    previous->origin,         plan->record.expires, plan->record.fingerprint,
                    plan->record.rotated_from};
  return plan;
}

ReleaseView release_view(const ReleaseRecord& record, const PublicKey& key) {
  // The second line of the minisign .pub file is the key as `minisign -P` takes it.
  std::string minisign = key.minisign_file();
  size_t line = minisign.find('\n');
  minisign = minisign.substr(line + 1);
  if (!minisign.empty() && minisign.back() == '\n') minisign.pop_back();
  return ReleaseView{record.sequence, record.date,   record.expires, record.fingerprint,
                     minisign,        key.openssh(), record.site};
}

// "trust.example.com" of "https://trust.example.com/sub/": the signer's name in allowed_signers.
std::string site_host(const std::string& base_url) {
  size_t start = base_url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = base_url.find_first_of("/:", start);
  return base_url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::filesystem::path themes_folder(const std::filesystem::path& content_dir) {
  // "content/" (as shells complete it) has "content" as parent_path(): normalise first.
  fs::path dir = content_dir.lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  return dir.parent_path() / "themes";
}

BuildResult build_bundle(const BuildOptions& options, FileStore* stream) {
  BuildResult result;
  result.bundle.stream_into(stream);
  Result<std::unique_ptr<Source>> source = open_source(options);
  if (!source.ok()) {
    result.diagnostics.add(source.status());
    return result;
  }
  result.provenance = (*source)->provenance();

  Content content = load(**source, options, result.diagnostics);
  if (result.diagnostics.has_errors()) return result;

  Result<Theme> theme = resolve_theme(options, content.site);
  if (!theme.ok()) {
    result.diagnostics.add(theme.status());
    return result;
  }

  std::optional<SigningKey> key;
  std::optional<SigningKey> old_key;
  std::optional<ReleasePlan> release;
  if (options.signing.sign) {
    Result<SigningKey> loaded = load_signing_key(options.signing);
    if (!loaded.ok()) {
      result.diagnostics.add(loaded.status());
      return result;
    }
    key = std::move(*loaded);
    if (options.signing.rotate_from) {
      Result<SigningKey> old = SigningKey::from_file(*options.signing.rotate_from,
                                                     environment(options.signing.passphrase_env));
      if (!old.ok()) {
        result.diagnostics.add(Status::Error("--rotate-from: " + old.status().message()));
        return result;
      }
      old_key = std::move(*old);
    }
    // Before anything is rendered: the pages show which release this is.
    Result<ReleasePlan> planned = plan_signed_release(options, content.site, result.provenance,
                                                      *key, old_key ? &*old_key : nullptr, result);
    if (!planned.ok()) {
      result.diagnostics.add(planned.status());
      return result;
    }
    release = std::move(*planned);
  }

  std::optional<History> history;
  if (options.history) {
    Result<History> mined = mine(options, result.provenance);
    if (!mined.ok()) {
      result.diagnostics.add(mined.status());
      return result;
    }
    history = std::move(*mined);
    for (const HistoryWarning& w : history->warnings) {
      Location where;
      if (!w.path.empty()) where.file = (*source)->display_path(w.path);
      result.diagnostics.warning(where, w.message);
    }
  }

  BuildInfo info;
  info.history = history ? &*history : nullptr;
  info.provenance = result.provenance;
  info.version = TRUSTPAGE_VERSION;
  info.preview = options.preview;
  info.fingerprint = key ? key->public_key().fingerprint() : "";
  if (key) {
    // Customers' stock tools need the public key; the fingerprint on every page pins it.
    const PublicKey& pub = key->public_key();
    info.signer_principal = site_host(content.site.base_url);
    info.public_key_files = {{"publishing-key.pub.pem", pub.pem()},
                             {"publishing-key.minisign.pub", pub.minisign_file()},
                             {"publishing-key.ssh.pub", pub.openssh() + "\n"},
                             {"allowed_signers", pub.allowed_signers(info.signer_principal)}};
    info.release = release_view(release->record, pub);
  }
  // The preview rebuilds on every save: it leaves the PDFs (and their links) to real builds.
  const bool downloads = !options.html_only;
  if (!options.preview && downloads) info.download_formats.push_back("pdf");
  if (downloads) {
    for (const std::string& format : export_formats()) info.download_formats.push_back(format);
  }
  info.history_json = downloads;
  // Downloads first: the pages list each one's SHA-256 beside its link.
  if (downloads) {
    ExportContext exports{&content.site, result.provenance, info.version, {}};
    if (history) exports.last_changed = last_changed_dates(*history);
    result.diagnostics.add(add_checklist_exports(content, exports, result.bundle));
  }
  for (const Checklist& c : content.checklists) {
    if (options.preview || !downloads || result.diagnostics.has_errors()) break;
    Result<std::string> pdf = render_checklist_pdf(content, c, info, *theme);
    result.diagnostics.add(pdf.ok() ? result.bundle.add(checklist_download_route(c, "pdf"), *pdf)
                                    : pdf.status());
  }
  if (result.diagnostics.has_errors()) return result;
  if (key) {
    // Each download and document is signed on its own; its page shows its SHA-256.
    for (const Checklist& c : content.checklists) {
      for (const std::string& format : info.download_formats) {
        std::string route = checklist_download_route(c, format);
        if (auto file = result.bundle.files().find(route); file != result.bundle.files().end()) {
          info.signed_downloads[route] = sha256_hex(file->second);
        } else if (auto kept = result.bundle.stored().find(route);
                   kept != result.bundle.stored().end()) {
          info.signed_downloads[route] = kept->second;
        }
      }
    }
    for (const Document& d : content.documents) {
      info.signed_downloads[document_route(d.path)] = sha256_hex(d.bytes);
    }
  }
  PageRenderer renderer(*theme, result.bundle);
  Result<SitePlan> plan = plan_site(content, *theme, info, std::ref(renderer));
  // A page that failed to render stops the planning too: its error is the one to report.
  if (Status rendered = renderer.finish(); !rendered.ok()) {
    result.diagnostics.add(rendered);
    return result;
  }
  if (!plan.ok()) {
    // The site stage names content paths; show them as the vendor knows them.
    // (A rendering error already names its template.)
    Location where = plan.status().where();
    if (!where.file.empty() && !where.file.ends_with(".xhtml"))
      where.file = (*source)->display_path(where.file);
    result.diagnostics.error(where, plan.status().message());
    return result;
  }
  for (StaticFile& file : plan->files) {
    result.diagnostics.add(result.bundle.add(file.route, std::move(file.bytes)));
  }
  if (result.diagnostics.has_errors() || !key) return result;
  std::vector<std::string> signed_downloads;
  for (const auto& [route, digest] : info.signed_downloads) signed_downloads.push_back(route);
  result.diagnostics.add(
      sign_bundle(result.bundle, *release, *key, old_key ? &*old_key : nullptr, signed_downloads));
  return result;
}

namespace {

// The folders a build reads, which --out must never replace.
std::vector<SourceFolder> source_folders(const BuildOptions& options) {
  std::vector<SourceFolder> folders{
      {options.content_dir, "the content folder"},
      {themes_folder(options.content_dir), "the themes/ folder beside the content"},
      {themes_folder(options.content_dir).parent_path() / "keys",
       "the keys/ folder beside the content"}};
  if (options.theme_dir) folders.push_back({*options.theme_dir, "the --theme folder"});
  return folders;
}

}  // namespace

BuildResult publish(const BuildOptions& options) {
  // Before any work: a refused --out is a usage mistake, whatever the content holds.
  if (Status s = check_output_clear_of_sources(options.out_dir, source_folders(options)); !s.ok()) {
    BuildResult refused;
    refused.diagnostics.add(s);
    return refused;
  }
  // The staging folder first: pages go into it as they are rendered.
  Result<std::unique_ptr<StagedOutput>> staged = StagedOutput::open(options.out_dir, sha256_hex);
  if (!staged.ok()) {
    BuildResult refused;
    refused.diagnostics.add(staged.status());
    return refused;
  }
  BuildResult result = build_bundle(options, staged->get());
  if (!result.diagnostics.has_errors()) result.diagnostics.add((*staged)->commit(result.bundle));
  result.bundle.stream_into(nullptr);  // the staging folder goes with `staged`
  return result;
}

LoadedContent load_published_content(const BuildOptions& options) {
  LoadedContent loaded;
  Result<std::unique_ptr<Source>> source = open_source(options);
  if (!source.ok()) {
    loaded.diagnostics.add(source.status());
    return loaded;
  }
  loaded.provenance = (*source)->provenance();
  loaded.content = load(**source, options, loaded.diagnostics);
  return loaded;
}

HistoryQuery query_history(const BuildOptions& options) {
  HistoryQuery query;
  Result<std::unique_ptr<Source>> source = open_source(options);
  if (!source.ok()) {
    query.diagnostics.add(source.status());
    return query;
  }
  Diagnostics ignored;  // an invalid file must not hide the history of the others
  Content content = load(**source, options, ignored);
  for (const Checklist& c : content.checklists) {
    for (const Section& s : c.sections) {
      for (const Item& item : s.items) {
        query.items[item.id] = {item.no + ". " + item.item, (*source)->display_path(item.path)};
      }
    }
  }
  Result<History> mined = mine(options, (*source)->provenance());
  if (!mined.ok()) {
    query.diagnostics.add(mined.status());
    return query;
  }
  query.history = std::move(*mined);
  return query;
}

Diagnostics check(const BuildOptions& options) {
  // Everything build would find (broken links, theme errors), from the files on disk.
  BuildOptions worktree = options;
  worktree.worktree = true;
  worktree.history = false;  // history never makes content invalid, and can be slow to mine
  return build_bundle(worktree).diagnostics;
}

}  // namespace trustpage
