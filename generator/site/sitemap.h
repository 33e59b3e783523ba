// sitemap.xml and robots.txt: the files search engines read, with absolute URLs.
#pragma once

#include <string>
#include <vector>

namespace trustpage {

// `routes` in any order (the output is sorted); `lastmod` an ISO date, or "" to omit it.
std::string sitemap_xml(const std::string& base_url, std::vector<std::string> routes,
                        const std::string& lastmod);

std::string robots_txt(const std::string& base_url);

}  // namespace trustpage
