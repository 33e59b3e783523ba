// Item files are read by a fast line reader when they have the usual shape, and by the
// YAML parser otherwise: both must read the same fields.
#include <catch2/catch.hpp>

#include "history/item_fields.h"

using trustpage::history_detail::read_item_fields;

TEST_CASE("the usual item file and its fancy-YAML twin read the same fields") {
  const std::string path = "checklists/meti/ops/01-hours.md";
  const std::string plain =
      "---\n"
      "id: hours\n"
      "no: \"1\"\n"
      "item: サービス時間\n"
      "status: no\n"
      "answer: '24時間: 365日'\n"
      "reviewed: 2025-01-10\n"
      "evidence:\n"
      "  - documents/a.pdf\n"
      "  - https://example.com/sla\n"
      "---\n"
      "備考です。\n";
  const std::string fancy =
      "---\n"
      "id: \"hours\"  # the stable id\n"
      "no: 1\n"
      "item: >-\n"
      "  サービス時間\n"
      "status: \"no\"\n"
      "answer: \"24時間: 365日\"\n"
      "reviewed: 2025-01-10\n"
      "evidence: [documents/a.pdf, \"https://example.com/sla\"]\n"
      "---\n"
      "備考です。\n";
  auto a = read_item_fields(path, plain);
  auto b = read_item_fields(path, fancy);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->id == "hours");
  CHECK(b->id == "hours");
  CHECK(a->values == b->values);
  CHECK(a->values.at("status") == "no");  // never a boolean
  CHECK(a->values.at("answer") == "24時間: 365日");
  CHECK(a->values.at("evidence") == "documents/a.pdf\nhttps://example.com/sla");
  CHECK(a->values.at("section") == "ops");
  CHECK(a->values.at("remarks") == "備考です。");
  CHECK(a->checklist == "meti");
}

TEST_CASE("files that are not items, or have no id, give nothing") {
  CHECK_FALSE(read_item_fields("checklists/meti/checklist.yaml", "id: x\n"));
  CHECK_FALSE(read_item_fields("pages/a.md", "---\nid: x\n---\n"));
  CHECK_FALSE(read_item_fields("checklists/meti/ops/a.md", "---\nno: 1\n---\n"));
  CHECK_FALSE(read_item_fields("checklists/meti/ops/a.md", "no front matter\n"));
  CHECK_FALSE(read_item_fields("checklists/meti/ops/a.md", "---\nid: [unclosed\n---\n"));
}
