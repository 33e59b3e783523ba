// Every entry of a ZIP package (XLSX), for tests that compare packages entry by entry.
#pragma once

#include <zip.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace trustpage::testing {

// name -> uncompressed bytes; the package must pass libzip's consistency checks.
inline std::map<std::string, std::string> zip_entries(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive != nullptr);
  std::map<std::string, std::string> files;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, i, 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    REQUIRE(f != nullptr);
    std::string data(st.size, '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    files[st.name] = data;
  }
  zip_discard(archive);
  return files;
}

}  // namespace trustpage::testing
