#include "site/release_view.h"

#include <string_view>

#include "site/routes.h"

namespace trustpage {
namespace {

std::string file_name(const std::string& route) { return route.substr(route.rfind('/') + 1); }

// The SHA-256 of a download signed on its own; "" when it is not.
std::string signed_digest(const BuildInfo& info, const std::string& route) {
  auto it = info.signed_downloads.find(route);
  return it == info.signed_downloads.end() ? "" : it->second;
}

}  // namespace

std::string shell_word(const std::string& word) {
  bool plain = !word.empty();
  for (char c : word) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-_./:+=@%,").find(c) != std::string_view::npos;
    if (!safe) plain = false;
  }
  if (plain) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

Value release_box_value(const BuildInfo& info, const std::string& verify_route) {
  if (!info.release) return "";
  const ReleaseView& r = *info.release;
  // release.json's date is the commit's date-time in its own offset: its date part is the
  // day the vendor published, whatever the reader's timezone.
  return Map{{"sequence", r.sequence},
             {"datetime", r.date},
             {"date", r.date.substr(0, 10)},
             {"expires", r.expires},
             {"fingerprint", r.fingerprint},
             {"verify_route", verify_route}};
}

Map download_value(const BuildInfo& info, const std::string& route, const std::string& label,
                   const std::string& format) {
  const std::string digest = signed_digest(info, route);
  return Map{{"format", format},
             {"label", label},
             {"route", route},
             {"name", file_name(route)},
             {"minisig_route", digest.empty() ? "" : route + ".minisig"},
             {"sha256", digest}};
}

Map verify_page_value(const Content& content, const BuildInfo& info) {
  const ReleaseView release = info.release.value_or(ReleaseView{});
  const std::string principal = info.signer_principal;
  // Every command names the key itself, so the one string a customer pins in step 1 is the
  // one minisign and ssh-keygen then use: nothing is read from keys/ on the (possibly
  // forged) site.
  Map keys{{"minisign", release.minisign_public_key},
           {"ssh", release.ssh_public_key},
           {"allowed_signer",
            shell_word(principal + " namespaces=\"trustpage\" " + release.ssh_public_key)},
           {"fingerprint", release.fingerprint.empty() ? info.fingerprint : release.fingerprint}};

  List pdfs;
  for (const Checklist& c : content.checklists) {
    const std::string route = checklist_download_route(c, "pdf");
    const std::string digest = signed_digest(info, route);
    if (digest.empty()) continue;
    const std::string name = file_name(route);
    pdfs.push_back(Map{{"title", c.title},
                       {"name", name},
                       {"name_word", shell_word(name)},
                       {"route", route},
                       {"minisig_route", route + ".minisig"},
                       {"sha256", digest},
                       // What a flat folder holds for each command (site routes, for tests
                       // and for scripts that fetch them).
                       {"files", route + " " + route + ".minisig"},
                       {"sums_files", route + " SHA256SUMS SHA256SUMS.minisig"},
                       {"site_files", route}});
  }

  List files;
  for (const auto& [route, digest] : info.signed_downloads) {
    files.push_back(Map{{"name", file_name(route)},
                        {"route", route},
                        {"minisig_route", route + ".minisig"},
                        {"sha256", digest}});
  }

  List key_files;
  for (const auto& [name, text] : info.public_key_files) {
    key_files.push_back(Map{{"label", name}, {"route", "keys/" + name}});
  }

  const std::string site = release.site.empty() ? content.site.base_url : release.site;
  return Map{{"principal", shell_word(principal)},
             {"keys", std::move(keys)},
             {"site", shell_word(site)},
             {"pdfs", std::move(pdfs)},
             {"files", std::move(files)},
             {"key_files", std::move(key_files)},
             {"release_files", Map{{"manifest", "SHA256SUMS"},
                                   {"minisig", "SHA256SUMS.minisig"},
                                   {"sshsig", "SHA256SUMS.sig"},
                                   {"release", "release.json"}}}};
}

}  // namespace trustpage
