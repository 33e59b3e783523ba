// An item .md file from a vendor's content/ (or a pull request to it), loaded and validated
// the way build loads it, beside a valid site.yaml and checklist.yaml.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "content/loader.h"
#include "source/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::map<std::string, std::string> files = {
      {"site.yaml",
       "organization: 株式会社サンプル\nservice: サンプルクラウド\n"
       "base_url: https://trust.example.com\n"},
      {"checklists/meti/checklist.yaml",
       "title: チェックリスト\nscale: [yes, no, partial, na, planned, undisclosed]\n"
       "sections:\n  - id: operations\n    title: 運用\n"},
      {"checklists/meti/operations/02-other.md",
       "---\nid: meti-02\nno: 2\nitem: 別の項目\nstatus: yes\nanswer: はい\n"
       "reviewed: 2026-01-10\n---\n"},
      {"documents/sla.pdf", "%PDF-1.4\n"},
  };
  files["checklists/meti/operations/01-service-hours.md"].assign(
      reinterpret_cast<const char*>(data), size);
  std::unique_ptr<trustpage::Source> source = trustpage::open_memory(std::move(files));
  trustpage::LoadOptions options;
  options.today = {2026, 3, 15};
  trustpage::Diagnostics diagnostics;
  (void)trustpage::load_content(*source, options, diagnostics);
  for (const trustpage::Diagnostic& diagnostic : diagnostics.list()) {
    (void)diagnostic.to_string();
  }
  return 0;
}
