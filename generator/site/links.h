// Links written in Markdown between content files, the way they work in a git web UI:
// `[SLA](../../../documents/sla.pdf)`, `[項目5](05-availability-rate.md)`,
// `[委託先](/pages/subprocessors.md)` (a leading '/' starts at content/). Each becomes a
// relative link to the published page or file; a link to a missing file is an error.
#pragma once

#include <map>
#include <string>

#include "common/status.h"
#include "content/model.h"

namespace trustpage {

class ContentLinks {
 public:
  explicit ContentLinks(const Content& content);

  // `destination` as written in `from_file` (a content path) -> a link usable on the page at
  // `from_route`, for the language whose routes start with `prefix`.
  Result<std::string> resolve(const std::string& from_file, const std::string& destination,
                              const std::string& prefix, const std::string& from_route) const;

 private:
  struct Target {
    std::string route;  // without the language prefix
    bool localized;     // pages exist per language; documents do not
  };
  std::map<std::string, Target> targets_;  // content path -> where it is published
};

}  // namespace trustpage
