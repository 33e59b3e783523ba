#include "site/theme.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/git_fixture.h"

namespace fs = std::filesystem;
using namespace trustpage;

namespace {

fs::path theme_dir(const std::string& name) {
  fs::path dir = trustpage::testing::unique_temp_dir("theme-" + name);
  fs::create_directories(dir / "templates");
  return dir;
}

}  // namespace

TEST_CASE("the built-in theme is compiled in, with the same UI strings in Japanese and English") {
  Theme theme = Theme::builtin();
  REQUIRE(theme.file("templates/layout.xhtml").ok());
  REQUIRE(theme.file("static/style.css").ok());
  Result<Map> ja = theme.strings("ja");
  Result<Map> en = theme.strings("en");
  REQUIRE(ja.ok());
  REQUIRE(en.ok());
  CHECK(ja->size() == en->size());
  CHECK(ja->at("col_remarks").as_string() == "備考");
  CHECK(en->at("col_remarks").as_string() == "Remarks");
  CHECK(ja->at("status_no_symbol").as_string() == "✕");
  std::vector<std::string> assets = theme.static_files();
  CHECK(std::find(assets.begin(), assets.end(), "style.css") != assets.end());
}

TEST_CASE("an override theme replaces only the files it has") {
  fs::path dir = theme_dir("override");
  std::ofstream(dir / "templates/page.xhtml") << "<div>custom</div>";
  Result<Theme> theme = Theme::with_override(dir);
  REQUIRE(theme.ok());
  CHECK(*theme->file("templates/page.xhtml") == "<div>custom</div>");
  CHECK(theme->file("templates/layout.xhtml").ok());
  CHECK(theme->origin("templates/page.xhtml") == (dir / "templates/page.xhtml").string());
  CHECK_THAT(theme->origin("templates/layout.xhtml"), Catch::Contains("built-in"));
}

TEST_CASE("UI strings missing in one language are an error naming the key") {
  fs::path dir = theme_dir("strings");
  std::ofstream(dir / "strings.yaml")
      << "ja:\n  hello: こんにちは\n  bye: さようなら\nen:\n  hello: Hello\n";
  Result<Theme> theme = Theme::with_override(dir);
  REQUIRE(theme.ok());
  CHECK(theme->strings("ja").ok());
  Result<Map> en = theme->strings("en");
  REQUIRE_FALSE(en.ok());
  CHECK_THAT(en.status().to_string(), Catch::Contains("strings.yaml:5"));
  CHECK_THAT(en.status().message(), Catch::Contains("\"bye\""));
  Result<Map> fr = theme->strings("fr");
  REQUIRE_FALSE(fr.ok());
  CHECK_THAT(fr.status().message(), Catch::Contains("fr"));
}

TEST_CASE("a theme may not contain symlinks") {
  fs::path dir = theme_dir("symlink");
  fs::create_symlink("/etc/passwd", dir / "templates/page.xhtml");
  Result<Theme> theme = Theme::with_override(dir);
  REQUIRE_FALSE(theme.ok());
  CHECK_THAT(theme.status().to_string(), Catch::Contains("page.xhtml"));
  CHECK_THAT(theme.status().message(), Catch::Contains("symlink"));
}
