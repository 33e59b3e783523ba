#include "site/sitemap.h"

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

namespace trustpage {

// Built as a DOM so every URL is escaped by the XML writer, not by hand.
std::string sitemap_xml(const std::string& base_url, std::vector<std::string> routes,
                        const std::string& lastmod) {
  std::sort(routes.begin(), routes.end());
  pugi::xml_document sitemap;
  pugi::xml_node decl = sitemap.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node urlset = sitemap.append_child("urlset");
  urlset.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
  for (const std::string& route : routes) {
    pugi::xml_node url = urlset.append_child("url");
    url.append_child("loc").text().set((base_url + route).c_str());
    if (!lastmod.empty()) url.append_child("lastmod").text().set(lastmod.c_str());
  }
  std::ostringstream xml;
  sitemap.save(xml, "  ", pugi::format_default, pugi::encoding_utf8);
  return xml.str();
}

std::string robots_txt(const std::string& base_url) {
  return "User-agent: *\nAllow: /\nSitemap: " + base_url + "sitemap.xml\n";
}

}  // namespace trustpage
