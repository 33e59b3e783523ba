// What a customer reads in the remarks cell: the answer, the remarks' first lines as plain
// text, and where it comes from.
#include "answer/citation.h"

#include "answer/answer_fixtures.h"

namespace trustpage::testing {

TEST_CASE("remarks become plain text: links spelled out, markers dropped, two lines at most") {
  using answer_detail::remarks_excerpt;
  CHECK(remarks_excerpt("方針を[当社サイト](https://example.jp/p)で公開。", 100) ==
        "方針を当社サイト（https://example.jp/p）で公開。");
  CHECK(remarks_excerpt("- **一行目**\n\n## 二行目\n三行目", 100) == "一行目\n二行目");
  CHECK(remarks_excerpt("あいうえお", 3) == "あいう…");
  CHECK(remarks_excerpt("| a | b |\n|---|---|\n本文", 100) == "本文");
}

TEST_CASE("the citation names the item, its page's absolute URL and the commit") {
  const Content& content = demo_content();
  const Checklist& checklist = content.checklists.front();
  const Item& item = checklist.sections.front().items.front();
  std::string text = answer_detail::citation_text(content.site, checklist, item,
                                                  "commit 0123456789ab, 2026-12-01");
  CHECK(text.rfind(item.answer, 0) == 0);
  CHECK(text.find("出典: " + item.id + " https://trust.minato-cloud.example.jp/checklists/" +
                  checklist.id + "/items/" + item.id +
                  ".html（commit 0123456789ab, 2026-12-01）") != std::string::npos);
}

}  // namespace trustpage::testing
