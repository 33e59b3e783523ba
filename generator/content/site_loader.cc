// site.yaml: who the vendor is and where the site lives.
#include <algorithm>

#include "content/load_context.h"
#include "content/names.h"
#include "content/suggest.h"

namespace trustpage::content_detail {
namespace {

bool is_email(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) return false;
  if (text.find('@', at + 1) != std::string_view::npos) return false;
  if (text.find(':') != std::string_view::npos) return false;  // "mailto:" belongs in url
  for (unsigned char c : text) {
    if (c <= ' ') return false;
  }
  return text.substr(at + 1).find('.') != std::string_view::npos;
}

std::vector<std::string> read_languages(MapReader& map) {
  static const std::vector<std::string_view> kLanguages = {"ja", "en"};
  std::vector<std::string> out;
  YAML::Node value = map.value("languages");
  if (map.has("languages") && value.IsSequence() && value.size() == 0) {
    map.diagnostics().error(map.value_at("languages"),
                            "\"languages\" is empty — list at least one, e.g. [ja] or [ja, en]");
  }
  for (const YAML::Node& element : map.list("languages", false)) {
    std::optional<std::string> language = map.element_text(element, "languages");
    if (!language) continue;
    Location at = map.yaml().at(element.Mark(), map.value_at("languages"));
    if (std::find(kLanguages.begin(), kLanguages.end(), *language) == kLanguages.end()) {
      std::string message = "unknown language \"" + *language + "\" — use ja or en";
      if (auto guess = did_you_mean(*language, kLanguages)) {
        message += "; did you mean \"" + *guess + "\"?";
      }
      map.diagnostics().error(at, message);
    } else if (std::find(out.begin(), out.end(), *language) != out.end()) {
      map.diagnostics().error(at, "language \"" + *language + "\" is listed twice — keep one");
    } else {
      out.push_back(*language);
    }
  }
  return out;
}

std::vector<Contact> read_contacts(MapReader& site) {
  std::vector<Contact> out;
  for (const YAML::Node& element : site.list("contacts", false)) {
    MapReader map(site.yaml(), element, site.value_at("contacts"), "a contact",
                  {"label", "email", "url"}, site.diagnostics());
    if (!map.is_map()) continue;
    Contact contact;
    contact.label = map.text("label", true);
    contact.email = map.text("email", false);
    if (!contact.email.empty() && !is_email(contact.email)) {
      map.diagnostics().error(map.value_at("email"),
                              "\"email\": \"" + contact.email +
                                  "\" is not an e-mail address — write only the address, e.g. "
                                  "security@example.com");
      contact.email.clear();
    }
    contact.url = read_link(map, "url");
    if (!map.has("email") && !map.has("url")) {
      map.diagnostics().error(map.where(),
                              "a contact needs \"email\" or \"url\" (or both) — add "
                              "a line \"email: ...\" or \"url: ...\"");
    }
    out.push_back(std::move(contact));
  }
  return out;
}

std::vector<Certification> read_certifications(MapReader& site) {
  std::vector<Certification> out;
  for (const YAML::Node& element : site.list("certifications", false)) {
    MapReader map(site.yaml(), element, site.value_at("certifications"), "a certification",
                  {"name", "issuer", "id", "valid_until", "url"}, site.diagnostics());
    if (!map.is_map()) continue;
    Certification certification;
    certification.name = map.text("name", true);
    certification.issuer = map.text("issuer", false);
    certification.id = map.text("id", false);
    certification.valid_until = read_date(map, "valid_until", false, nullptr);
    certification.url = read_link(map, "url");
    out.push_back(std::move(certification));
  }
  return out;
}

}  // namespace

Site load_site(LoadContext& context) {
  Site site;
  site.languages = {"ja"};
  std::optional<TextFile> file = context.read_text("site.yaml");
  if (!file) return site;
  YamlText yaml{&*file, file->start};
  std::optional<YAML::Node> root =
      parse_yaml(yaml, std::string_view(file->text).substr(file->start), context.diagnostics);
  if (!root) return site;

  MapReader map(
      yaml, *root, file->at_line(1), "site.yaml",
      {"organization", "organization_url", "service", "service_url", "description", "base_url",
       "languages", "stale_after_months", "contacts", "certifications", "theme"},
      context.diagnostics);
  if (!map.is_map()) return site;
  site.organization = map.text("organization", true);
  site.organization_url = read_web_url(map, "organization_url", false);
  site.service = map.text("service", true);
  site.service_url = read_web_url(map, "service_url", false);
  site.description = map.markdown("description");
  site.base_url = read_web_url(map, "base_url", true);
  if (!site.base_url.empty()) {
    if (site.base_url.find_first_of("?#") != std::string::npos) {
      context.diagnostics.error(map.value_at("base_url"),
                                "\"base_url\" must be the site's root address, without \"?\" or "
                                "\"#\", e.g. https://trust.example.com/");
      site.base_url.clear();
    } else if (site.base_url.back() != '/') {
      site.base_url += '/';  // pages are joined to it: https://x/trust + / + index.html
    }
  }
  std::vector<std::string> languages = read_languages(map);
  if (!languages.empty()) site.languages = std::move(languages);
  if (auto months = map.integer("stale_after_months", 1, 1200)) site.stale_after_months = *months;
  site.contacts = read_contacts(map);
  site.certifications = read_certifications(map);
  if (map.has("theme")) {
    std::string theme = map.text("theme", true);
    if (!theme.empty() && is_valid_name(theme)) {
      site.theme = theme;
    } else if (!theme.empty()) {
      context.diagnostics.error(
          map.value_at("theme"),
          "\"theme\" names a folder under themes/ beside content/ and " + std::string(kNameRule));
    }
  }
  return site;
}

}  // namespace trustpage::content_detail
