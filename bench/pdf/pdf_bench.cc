// Renders the demo's METI checklist (49 items) and a synthetic 500-item checklist made from
// the demo's own items, and prints wall time and size. Targets: 500 items in at most 1 s
// and 1.5 MB; the demo PDF at most 500 KB.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "content/loader.h"
#include "pdf/checklist_pdf.h"

using namespace trustpage;

namespace {

struct Run {
  double cold_ms = 0;
  double median_ms = 0;
  size_t bytes = 0;
};

Run measure(const Content& content, const Checklist& checklist, const BuildInfo& info,
            const Theme& theme, int repeats) {
  Run run;
  std::vector<double> times;
  for (int i = 0; i <= repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    Result<std::string> pdf = render_checklist_pdf(content, checklist, info, theme);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    if (!pdf.ok()) {
      std::fprintf(stderr, "error: %s\n", pdf.status().to_string().c_str());
      std::exit(1);
    }
    run.bytes = pdf->size();
    if (i == 0) run.cold_ms = ms;  // includes fontconfig's first scan of the font files
    else times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  run.median_ms = times[times.size() / 2];
  return run;
}

void print(const char* label, size_t items, const Run& r) {
  std::printf("%-28s items=%4zu  wall_ms_first=%7.1f  wall_ms_median=%7.1f  size_bytes=%8zu (%.0f KB)\n",
              label, items, r.cold_ms, r.median_ms, r.bytes, r.bytes / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  const char* content_dir = argc > 1 ? argv[1] : "content";
  Result<std::unique_ptr<Source>> source = open_worktree(content_dir);
  if (!source.ok()) {
    std::fprintf(stderr, "error: %s\n", source.status().to_string().c_str());
    return 1;
  }
  Diagnostics diagnostics;
  Content demo = load_content(**source, LoadOptions{Date{2026, 10, 1}, {}}, diagnostics);
  if (diagnostics.has_errors() || demo.checklists.empty()) {
    std::fprintf(stderr, "error: the content does not load\n");
    return 1;
  }
  BuildInfo info;
  info.provenance.commit = "0123456789abcdef0123456789abcdef01234567";
  info.provenance.time = 1790812800;
  info.provenance.offset_minutes = 540;
  info.version = "bench";
  info.fingerprint = "SHA256:benchmarkfingerprint0000000000000000000000";
  const Theme theme = Theme::builtin();

  const Checklist& meti = demo.checklists.front();
  size_t meti_items = 0;
  std::vector<const Item*> pool;
  for (const Section& s : meti.sections) {
    for (const Item& item : s.items) pool.push_back(&item), ++meti_items;
  }
  const Run small = measure(demo, meti, info, theme, 5);

  // 500 items: the demo's items over and over, renumbered, in 10 sections of 50.
  Content big = demo;
  Checklist synthetic = meti;
  synthetic.id = "synthetic-500";
  synthetic.sections.clear();
  for (int n = 0; n < 500; ++n) {
    if (n % 50 == 0) {
      synthetic.sections.push_back({"part-" + std::to_string(n / 50 + 1),
                                    "第" + std::to_string(n / 50 + 1) + "部", {}});
    }
    Item item = *pool[n % pool.size()];
    item.id = "synthetic-" + std::to_string(n + 1);
    item.no = std::to_string(n + 1);
    synthetic.sections.back().items.push_back(std::move(item));
  }
  big.checklists = {synthetic};
  const Run large = measure(big, big.checklists.front(), info, theme, 5);

  print("demo meti-cloud-sla", meti_items, small);
  print("synthetic", 500, large);
  const bool ok = large.median_ms <= 1000 && large.bytes <= 1536 * 1024 && small.bytes <= 500 * 1024;
  std::printf("targets (500 items <= 1000 ms and <= 1.5 MB; demo <= 500 KB): %s\n",
              ok ? "met" : "NOT met");
  return 0;
}
