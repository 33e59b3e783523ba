// A vendor's site.yaml, checklist.yaml or page front matter: the first byte picks which file
// the rest replaces in an otherwise valid content folder, loaded the way build loads it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "content/loader.h"
#include "source/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::map<std::string, std::string> files = {
      {"site.yaml",
       "organization: 株式会社サンプル\nservice: サンプルクラウド\n"
       "base_url: https://trust.example.com\n"},
      {"checklists/meti/checklist.yaml",
       "title: チェックリスト\nsections:\n  - id: operations\n    title: 運用\n"},
      {"checklists/meti/operations/01-hours.md",
       "---\nid: meti-01\nno: 1\nitem: サービス時間\nstatus: yes\nanswer: 24時間\n"
       "reviewed: 2026-01-10\nevidence: documents/sla.pdf\n---\n備考\n"},
      {"pages/security.md", "---\ntitle: セキュリティ\n---\n本文\n"},
      {"documents/sla.pdf", "%PDF-1.4\n"},
  };
  static const char* const kReplaced[] = {"site.yaml", "checklists/meti/checklist.yaml",
                                          "pages/security.md"};
  files[kReplaced[data[0] % 3]].assign(reinterpret_cast<const char*>(data + 1), size - 1);
  std::unique_ptr<trustpage::Source> source = trustpage::open_memory(std::move(files));
  trustpage::LoadOptions options;
  options.today = {2026, 3, 15};
  trustpage::Diagnostics diagnostics;
  (void)trustpage::load_content(*source, options, diagnostics);
  for (const trustpage::Diagnostic& diagnostic : diagnostics.list()) (void)diagnostic.to_string();
  return 0;
}
