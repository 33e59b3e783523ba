// What verify prints of a bundle's names and fields: nothing a terminal would act on.
#include <catch2/catch.hpp>

#include "common/printable.h"

namespace trustpage {

TEST_CASE("printable keeps text and escapes what a terminal would act on") {
  CHECK(printable("checklists/meti/meti.pdf") == "checklists/meti/meti.pdf");
  CHECK(printable("回答 — ✓") == "回答 — ✓");
  CHECK(printable("\x1b[2K\rverified") == "\\x1b[2K\\x0dverified");
  CHECK(printable("a\nb\tc\x7f") == "a\\x0ab\\x09c\\x7f");
  CHECK(printable("\xc2\x9b" "31m") == "\\xc2\\x9b31m");  // C1 CSI
  CHECK(printable("\xff\xfe") == "\\xff\\xfe");
  CHECK(printable("\xe3\x81") == "\\xe3\\x81");  // truncated sequence
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");  // overlong '/'
}

}  // namespace trustpage
