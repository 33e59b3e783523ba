// release.json as a verifier meets it: every field type-checked, dates parsed as dates.
#include <catch2/catch.hpp>

#include "sign/release.h"

namespace trustpage {
namespace {

ReleaseRecord genuine() {
  ReleaseRecord r;
  r.sequence = 2;
  r.previous_manifest_sha256 = std::string(64, 'a');
  r.commit = std::string(40, 'b');
  r.date = "2026-11-01T10:00:00+09:00";
  r.expires = "2027-04-30";
  r.site = "https://trust.example.com/";
  r.fingerprint = "SHA256:" + std::string(43, 'A');
  return r;
}

std::string with(const std::string& from, const std::string& to) {
  std::string json = genuine().to_json();
  size_t at = json.find(from);
  REQUIRE(at != std::string::npos);
  return json.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("release.json round-trips") {
  Result<ReleaseRecord> parsed = ReleaseRecord::parse(genuine().to_json());
  REQUIRE(parsed.ok());
  CHECK(parsed->to_json() == genuine().to_json());
  ReleaseRecord rotated = genuine();
  rotated.rotated_from = "SHA256:" + std::string(43, 'B');
  CHECK(ReleaseRecord::parse(rotated.to_json())->rotated_from == rotated.rotated_from);
}

TEST_CASE("a hostile release.json is an error naming the field, never an exception") {
  const std::pair<std::string, std::string> cases[] = {
      {"\"format\": \"trustpage-release-1\"", "\"format\": 1"},
      {"\"expires\": \"2027-04-30\"", "\"expires\": \"9\""},
      {"\"expires\": \"2027-04-30\"", "\"expires\": \"2027-02-29\""},
      {"\"expires\": \"2027-04-30\"", "\"expires\": 20270430"},
      {"\"sequence\": 2", "\"sequence\": \"2\""},
      {"\"sequence\": 2", "\"sequence\": 0"},
      {"\"sequence\": 2", "\"sequence\": 1e300"},
      {"\"sequence\": 2", "\"sequence\": 99999999999"},
      {"\"sequence\": 2", "\"sequence\": 1"},  // release 1 naming a previous release
      {std::string("\"") + std::string(64, 'a') + "\"", "\"not hex\""},
      {"\"date\": \"2026-11-01T10:00:00+09:00\"", "\"date\": \"yesterday\""},
      {"\"commit\": \"" + std::string(40, 'b') + "\"", "\"commit\": [1]"},
      {"\"key_fingerprint\": \"SHA256:" + std::string(43, 'A') + "\"",
       "\"key_fingerprint\": null"},
      {"\"site\": \"https://trust.example.com/\"", "\"site\": {}"},
      {"\"site\": \"https://trust.example.com/\"", "\"site\": \"\\xff\""},
  };
  for (const auto& [from, to] : cases) {
    std::string json = with(from, to);
    INFO(json);
    Result<ReleaseRecord> r = ReleaseRecord::parse(json, "archive/2/release.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().where().file == "archive/2/release.json");
  }
  CHECK_FALSE(ReleaseRecord::parse("[]").ok());
  CHECK_FALSE(ReleaseRecord::parse("\xff\xfe").ok());
  CHECK_FALSE(ReleaseRecord::parse(std::string(1000, '[')).ok());
}

TEST_CASE("dates and fingerprints are checked as what they are") {
  CHECK(is_iso_date("2028-02-29"));
  CHECK_FALSE(is_iso_date("2027-02-29"));
  CHECK_FALSE(is_iso_date("2027-13-01"));
  CHECK_FALSE(is_iso_date("9"));
  CHECK_FALSE(is_iso_date("2027-1-01"));
  CHECK(is_fingerprint("SHA256:O3zXG5B3uo67ZDtPEy/ywdZ+2dgipHyafAeUGnh8vCU"));
  CHECK_FALSE(is_fingerprint("SHA256:O3zXG5B3uo67ZDtPEy/ywdZ+2dgipHyafAeUGnh8vC"));
  CHECK_FALSE(is_fingerprint("MD5:O3zXG5B3uo67ZDtPEy/ywdZ+2dgipHyafAeUGnh8vCU"));
}

}  // namespace trustpage
