#include "sign/release.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace trustpage {
namespace {

bool is_hex(std::string_view text, size_t length) {
  return text.size() == length &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// "2026-10-01T09:00:00+09:00" (or Z): what iso_datetime writes.
bool is_iso_datetime(std::string_view text) {
  if (text.size() < 20 || !is_iso_date(text.substr(0, 10)) || text[10] != 'T') return false;
  std::string_view time = text.substr(11, 8);
  if (!all_digits(time.substr(0, 2)) || time[2] != ':' || !all_digits(time.substr(3, 2)) ||
      time[5] != ':' || !all_digits(time.substr(6, 2))) {
    return false;
  }
  std::string_view zone = text.substr(19);
  if (zone == "Z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1, 2)) &&
         zone[3] == ':' && all_digits(zone.substr(4, 2));
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return false;
  }
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_fingerprint(std::string_view text) {
  constexpr std::string_view kPrefix = "SHA256:";
  if (!text.starts_with(kPrefix) || text.size() != kPrefix.size() + 43) return false;
  return text.substr(kPrefix.size())
             .find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ==
         std::string_view::npos;
}

std::string ReleaseRecord::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "trustpage-release-1";
  j["sequence"] = sequence;
  if (previous_manifest_sha256.empty()) {
    j["previous_manifest_sha256"] = nullptr;
  } else {
    j["previous_manifest_sha256"] = previous_manifest_sha256;
  }
  j["commit"] = commit;
  j["date"] = date;
  j["expires"] = expires;
  j["site"] = site;
  j["key_fingerprint"] = fingerprint;
  if (!rotated_from.empty()) j["rotated_from"] = rotated_from;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<ReleaseRecord> ReleaseRecord::parse(std::string_view text, std::string_view file) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const Location where{std::string(file)};
  if (j.is_discarded() || !j.is_object()) return Status::Error(where, "is not valid JSON");
  auto string_at = [&j](const char* key) -> const std::string* {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  const std::string* format = string_at("format");
  if (!format || *format != "trustpage-release-1") {
    return Status::Error(where, "is not a trustpage release record (\"format\" is not "
                                "\"trustpage-release-1\")");
  }
  ReleaseRecord r;
  auto sequence = j.find("sequence");
  if (sequence == j.end() || !sequence->is_number_integer() ||
      sequence->get<long long>() < 1 || sequence->get<long long>() > kMaxSequence) {
    return Status::Error(where, "has no valid \"sequence\" (a whole number from 1)");
  }
  r.sequence = static_cast<int>(sequence->get<long long>());
  auto previous = j.find("previous_manifest_sha256");
  if (previous == j.end() || (!previous->is_null() && !previous->is_string())) {
    return Status::Error(where, "has no valid \"previous_manifest_sha256\" (null or a SHA-256)");
  }
  if (previous->is_string()) {
    r.previous_manifest_sha256 = previous->get<std::string>();
    if (!is_hex(r.previous_manifest_sha256, 64)) {
      return Status::Error(where, "\"previous_manifest_sha256\" is not a SHA-256 in hex");
    }
  }
  if ((r.sequence == 1) != r.previous_manifest_sha256.empty()) {
    return Status::Error(where, r.sequence == 1
                                    ? "release 1 names a previous release"
                                    : "names no previous release, but is not release 1");
  }
  struct Field {
    const char* key;
    std::string* out;
    bool (*valid)(std::string_view);
    const char* expected;
  };
  const Field fields[] = {
      {"commit", &r.commit, [](std::string_view s) { return is_hex(s, 40) || is_hex(s, 64); },
       "a git commit id"},
      {"date", &r.date, is_iso_datetime, "an ISO 8601 date and time"},
      {"expires", &r.expires, is_iso_date, "a date YYYY-MM-DD"},
      {"site", &r.site, [](std::string_view s) { return s.size() < 2048; }, "a URL"},
      {"key_fingerprint", &r.fingerprint, is_fingerprint, "a key fingerprint SHA256:…"},
  };
  for (const Field& f : fields) {
    const std::string* value = string_at(f.key);
    if (!value || !f.valid(*value)) {
      return Status::Error(where, "has no valid \"" + std::string(f.key) + "\" (" + f.expected +
                                      ")");
    }
    *f.out = *value;
  }
  if (j.contains("rotated_from")) {
    const std::string* from = string_at("rotated_from");
    if (!from || !is_fingerprint(*from) || *from == r.fingerprint) {
      return Status::Error(where, "\"rotated_from\" is not the fingerprint of another key");
    }
    r.rotated_from = *from;
  }
  return r;
}

std::string ReleaseRecord::trusted_comment() const {
  return "trustpage release " + std::to_string(sequence) + " commit " + commit + " expires " +
         expires;
}

std::string iso_date_after(std::int64_t time, int days) {
  std::time_t t = static_cast<std::time_t>(time + days * 86400LL);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace trustpage
