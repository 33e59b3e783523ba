// The PDF as a reader's tools see it (poppler-utils, qpdf): every item's text in its column
// and in order, fonts embedded as subsets, metadata, outline, links, a valid file, a page
// that is not blank, and the same bytes every time. Expected texts come from the content.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "content/loader.h"
#include "pdf/checklist_pdf.h"
#include "render/markdown.h"
#include "site/routes.h"
#include "support/git_fixture.h"

namespace fs = std::filesystem;
using namespace trustpage;
using trustpage::testing::run;
using trustpage::testing::slurp;
using trustpage::testing::unique_temp_dir;

namespace {

const fs::path kRepo = TRUSTPAGE_SOURCE_DIR;
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";

BuildInfo build_info() {
  BuildInfo info;
  info.provenance.commit = kCommit;
  info.provenance.time = 1790812800;  // 2026-10-01T00:00:00Z
  info.provenance.offset_minutes = 9 * 60;
  info.version = "0.0.0-test";
  info.fingerprint = "SHA256:testfingerprint";
  return info;
}

fs::path write_pdf(const Content& content, const Checklist& checklist, const std::string& name) {
  Result<std::string> pdf =
      render_checklist_pdf(content, checklist, build_info(), Theme::builtin());
  INFO(pdf.status().to_string());
  REQUIRE(pdf.ok());
  fs::path path = unique_temp_dir("pdf-" + name) / (name + ".pdf");
  std::ofstream(path, std::ios::binary) << *pdf;
  return path;
}

const Content& demo() {
  static const Content kDemo = [] {
    Result<std::unique_ptr<Source>> source = open_worktree(kRepo / "content");
    REQUIRE(source.ok());
    Diagnostics diagnostics;
    Content c = load_content(**source, LoadOptions{Date{2026, 10, 1}, {}}, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    return c;
  }();
  return kDemo;
}

std::string strip_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0 || s.compare(i, 3, "\u2028") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s + " ") {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!word.empty()) out.push_back(strip_space(word));
      word.clear();
    } else {
      word += c;
    }
  }
  std::erase_if(out, [](const std::string& w) { return w.empty(); });
  return out;
}

struct Word {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

struct PdfWords {
  std::vector<std::pair<double, double>> pages;  // width, height
  std::vector<Word> words;
};

PdfWords words_of(const fs::path& pdf) {
  const fs::path html = pdf.parent_path() / "bbox.html";
  run("pdftotext -bbox '" + pdf.string() + "' '" + html.string() + "'");
  pugi::xml_document doc;
  REQUIRE(doc.load_file(html.c_str()));
  PdfWords out;
  for (pugi::xpath_node p : doc.select_nodes("//page")) {
    out.pages.push_back(
        {p.node().attribute("width").as_double(), p.node().attribute("height").as_double()});
    for (pugi::xml_node w : p.node().children("word")) {
      out.words.push_back({static_cast<int>(out.pages.size()), w.attribute("xMin").as_double(),
                           w.attribute("yMin").as_double(), w.attribute("xMax").as_double(),
                           w.attribute("yMax").as_double(), w.child_value()});
    }
  }
  return out;
}

// The table's text column by column, pages in order, lines top to bottom: what a reader
// sees in each column. Checks on the way that every word sits inside the page and inside
// its column (nothing cut off or spilling over), except section titles, which span the row.
std::vector<std::string> column_texts(const PdfWords& pdf, const Checklist& checklist) {
  const std::vector<PdfColumn> columns = pdf_checklist_columns();
  std::set<std::string> section_words;
  for (const Section& s : checklist.sections) {
    for (const std::string& w : tokens(s.title)) section_words.insert(w);
  }
  std::vector<std::string> text(columns.size());
  for (int page = 1; page <= static_cast<int>(pdf.pages.size()); ++page) {
    const auto [width, height] = pdf.pages[page - 1];
    REQUIRE(width == Approx(kPdfPageWidth));
    REQUIRE(height == Approx(kPdfPageHeight));
    std::vector<Word> on_page;
    for (const Word& w : pdf.words) {
      if (w.page != page) continue;
      INFO("page " << page << ": \"" << w.text << "\"");
      REQUIRE(w.x0 >= 0);
      REQUIRE(w.y0 >= 0);
      REQUIRE(w.x1 <= width);
      REQUIRE(w.y1 <= height);
      on_page.push_back(w);
    }
    // The table header row: the first "No." in the first column.
    double header_bottom = -1;
    for (const Word& w : on_page) {
      if (w.text == "No." && w.x0 < columns[0].right &&
          (header_bottom < 0 || w.y1 < header_bottom)) {
        header_bottom = w.y1;
      }
    }
    INFO("page " << page);
    REQUIRE(header_bottom > 0);
    std::vector<Word> body;
    for (const Word& w : on_page) {
      if (w.y0 > header_bottom + 0.5 && w.y1 < height - 26) body.push_back(w);
    }
    std::stable_sort(body.begin(), body.end(),
                     [](const Word& a, const Word& b) { return a.y0 < b.y0; });
    // Words on one line share a top; group, then order each line left to right.
    for (size_t start = 0; start < body.size();) {
      size_t end = start + 1;
      while (end < body.size() && body[end].y0 - body[start].y0 < 2.0) ++end;
      std::stable_sort(body.begin() + start, body.begin() + end,
                       [](const Word& a, const Word& b) { return a.x0 < b.x0; });
      start = end;
    }
    for (const Word& w : body) {
      size_t c = 0;
      while (c < columns.size() && (w.x0 + w.x1) / 2 > columns[c].right) ++c;
      INFO("page " << page << ": \"" << w.text << "\" at x " << w.x0 << "-" << w.x1);
      REQUIRE(c < columns.size());
      const bool inside = w.x0 >= columns[c].left - 0.5 && w.x1 <= columns[c].right + 0.5;
      if (!inside) {
        REQUIRE(section_words.count(w.text) == 1);
        continue;
      }
      text[c] += strip_space(w.text);
    }
  }
  return text;
}

// Finds each expected text in its column, each after the one before.
void require_items_in_order(const fs::path& pdf_path, const Checklist& checklist) {
  const PdfWords pdf = words_of(pdf_path);
  const std::vector<std::string> columns = column_texts(pdf, checklist);
  std::vector<size_t> cursor(columns.size(), 0);
  auto expect = [&](size_t column, const std::string& expected, const Item& item) {
    for (const std::string& token : tokens(expected)) {
      const size_t at = columns[column].find(token, cursor[column]);
      INFO("item " << item.no << " (" << item.path << "), column " << column << ": \"" << token
                   << "\" not found after offset " << cursor[column]);
      REQUIRE(at != std::string::npos);
      cursor[column] = at + token.size();
    }
  };
  const Map strings = *Theme::builtin().strings("ja");
  size_t count = 0;
  for (const Section& s : checklist.sections) {
    for (const Item& item : s.items) {
      expect(0, item.no, item);
      expect(1, item.category, item);
      expect(2, item.item, item);
      expect(3, item.requirement, item);
      expect(4, item.unit, item);
      const std::string status(to_string(item.status));
      expect(5, strings.at("status_" + status + "_symbol").as_string(), item);
      expect(5, strings.at("status_" + status).as_string(), item);
      expect(5, item.answer, item);
      expect(5, item.reviewed.iso(), item);
      expect(6, markdown_to_text(item.remarks), item);
      for (const std::string& e : item.evidence) expect(6, e, item);
      ++count;
    }
  }
  REQUIRE(count > 0);
}

std::string pdfinfo(const fs::path& pdf) {
  return run("TZ=UTC pdfinfo -isodates '" + pdf.string() + "'");
}

Item make_item(int n, const std::string& section, std::string remarks) {
  Item item;
  item.id = "fx-" + std::to_string(n);
  item.no = std::to_string(n);
  item.category = n % 2 ? "可用性" : "セキュリティ";
  item.item = "項目" + std::to_string(n) + "の名称";
  item.requirement = "規定内容その" + std::to_string(n) + "：サービスの提供条件を記載する";
  item.unit = "有無";
  item.status = n % 3 ? AnswerStatus::kYes : AnswerStatus::kPartial;
  item.answer = "回答" + std::to_string(n) + "（要約）";
  item.reviewed = Date{2026, 4, 1 + n % 28};
  item.remarks = std::move(remarks);
  item.path = "checklists/fixture/" + section + "/" + std::to_string(n) + ".md";
  return item;
}

Content fixture(const std::vector<std::vector<Item>>& sections) {
  Content content;
  content.site.organization = "株式会社テスト";
  content.site.service = "テストクラウド";
  content.site.base_url = "https://trust.example.jp/";
  content.site.languages = {"ja"};
  Checklist c;
  c.id = "fixture";
  c.title = "テスト用チェックシート";
  c.source = "テスト出典";
  for (size_t i = 0; i < sections.size(); ++i) {
    c.sections.push_back(
        {"s" + std::to_string(i), "第" + std::to_string(i + 1) + "章", sections[i]});
  }
  content.checklists.push_back(std::move(c));
  return content;
}

}  // namespace

TEST_CASE("the demo PDF holds every item's text, answer and remarks, in order, in its column") {
  for (const Checklist& c : demo().checklists) {
    INFO(c.id);
    require_items_in_order(write_pdf(demo(), c, c.id), c);
  }
}

TEST_CASE("the demo PDF embeds every font as a subset, and is a valid PDF") {
  const Checklist& c = demo().checklists.front();
  const fs::path pdf = write_pdf(demo(), c, "fonts");
  std::istringstream fonts(run("pdffonts '" + pdf.string() + "'"));
  std::string line;
  int count = 0;
  while (std::getline(fonts, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
    std::vector<std::string> f = tokens(line);
    REQUIRE(f.size() >= 6);
    INFO(line);
    REQUIRE(f[f.size() - 5] == "yes");  // emb
    REQUIRE(f[f.size() - 4] == "yes");  // sub
    REQUIRE(f[f.size() - 3] == "yes");  // uni: text can be searched and copied
    REQUIRE(std::regex_search(f[0], std::regex("^[A-Z]{6}\\+")));
    ++count;
  }
  REQUIRE(count >= 1);
  run("qpdf --check '" + pdf.string() + "'");  // fails the test on any error or warning
}

TEST_CASE("the demo PDF's metadata, page count and page size come from the content and commit") {
  const Checklist& c = demo().checklists.front();
  const fs::path pdf = write_pdf(demo(), c, "info");
  const std::string info = pdfinfo(pdf);
  REQUIRE_THAT(info, Catch::Contains("Title:           " + c.title));
  REQUIRE_THAT(info, Catch::Contains("Author:          " + demo().site.organization));
  REQUIRE_THAT(info, Catch::Contains("Subject:         " + demo().site.service));
  REQUIRE_THAT(info, Catch::Contains(kCommit));
  REQUIRE_THAT(info, Catch::Contains("CreationDate:    2026-10-01T09:00:00+09"));
  REQUIRE_THAT(info, Catch::Contains("841.89 x 595.28 pts"));
  std::smatch pages;
  REQUIRE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)")));
  REQUIRE(std::stoi(pages[1]) == static_cast<int>(words_of(pdf).pages.size()));
  REQUIRE(std::stoi(pages[1]) > 2);
  // The running footer numbers pages "N / M".
  const std::string text = run("pdftotext -f 2 -l 2 '" + pdf.string() + "' -");
  REQUIRE(std::regex_search(text, std::regex("\\b2 ?/ ?" + std::string(pages[1]) + "\\b")));
}

TEST_CASE("the demo PDF has a bookmark per section and item, and links to each item's page") {
  const Checklist& c = demo().checklists.front();
  const fs::path pdf = write_pdf(demo(), c, "outline");
  const std::string outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "'");
  const std::string urls = run("pdfinfo -url '" + pdf.string() + "'");
  size_t at = 0;
  for (const Section& s : c.sections) {
    at = outline.find("\"title\": \"" + s.title + "\"");
    REQUIRE(at != std::string::npos);
    for (const Item& item : s.items) {
      INFO(item.path);
      REQUIRE_THAT(outline, Catch::Contains("\"title\": \"" + item.no + ". " + item.item + "\""));
      REQUIRE_THAT(urls, Catch::Contains(demo().site.base_url + item_route("", c, item)));
    }
  }
  // A Markdown link in a remark stays a link.
  REQUIRE_THAT(urls, Catch::Contains("https://minato-cloud.example.jp/sla/"));
}

TEST_CASE("the same content gives the same bytes, whatever the time zone, locale and clock") {
  const Checklist& c = demo().checklists.back();
  Result<std::string> a = render_checklist_pdf(demo(), c, build_info(), Theme::builtin());
  const char* tz = std::getenv("TZ");
  const std::string old_tz = tz ? tz : "";
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  Result<std::string> b = render_checklist_pdf(demo(), c, build_info(), Theme::builtin());
  if (tz)
    setenv("TZ", old_tz.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->size() == b->size());
  REQUIRE(*a == *b);
}

TEST_CASE("page 1 renders as a full-width table, not a blank page") {
  const Checklist& c = demo().checklists.front();
  const fs::path pdf = write_pdf(demo(), c, "render");
  const fs::path prefix = pdf.parent_path() / "page";
  run("pdftoppm -f 1 -l 1 -r 36 -gray '" + pdf.string() + "' '" + prefix.string() + "'");
  std::string pgm;
  for (const auto& entry : fs::directory_iterator(pdf.parent_path())) {
    if (entry.path().extension() == ".pgm") pgm = slurp(entry.path());
  }
  REQUIRE(pgm.rfind("P5", 0) == 0);
  std::istringstream header(pgm);
  std::string magic;
  int width = 0, height = 0, max = 0;
  header >> magic >> width >> height >> max;
  REQUIRE(width > height);  // landscape
  const size_t offset = static_cast<size_t>(header.tellg()) + 1;
  REQUIRE(pgm.size() == offset + static_cast<size_t>(width) * height);
  int dark = 0, left = 0, right = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (static_cast<unsigned char>(pgm[offset + y * width + x]) > 160) continue;
      ++dark;
      if (x < width / 10) ++left;
      if (x > width * 9 / 10) ++right;
    }
  }
  REQUIRE(dark > width * height / 50);
  REQUIRE(left > 0);   // the table reaches both margins…
  REQUIRE(right > 0);  // …and the column check above shows nothing spills past them
}

TEST_CASE("a 2,000-character Japanese remark is split across pages without losing text") {
  std::string remark;
  for (int n = 1; remark.size() < 2000 * 3; ++n) {
    remark += "第" + std::to_string(n) +
              "条：当社は障害発生時に定められた手順で影響範囲を確認し、「ステータスページ」"
              "で速やかにお知らせします（詳細は契約書をご確認ください）。";
  }
  Content content = fixture({{make_item(1, "s0", "短い備考。"), make_item(2, "s0", remark),
                              make_item(3, "s0", "最後の項目。")}});
  const fs::path pdf = write_pdf(content, content.checklists[0], "long-remark");
  REQUIRE(words_of(pdf).pages.size() >= 2);
  require_items_in_order(pdf, content.checklists[0]);
}

TEST_CASE("a 30-row Markdown list keeps every row, in order") {
  std::string list = "以下の対策を実施しています。\n\n";
  for (int i = 1; i <= 30; ++i) {
    list += "- 対策" + std::to_string(i) + "：アクセスログを保存し、定期的に点検します\n";
  }
  list += "\n1. 手順一\n2. 手順二\n\n| 区分 | 値 |\n|---|---|\n| A | 1 |\n";
  Content content = fixture({{make_item(1, "s0", list), make_item(2, "s0", "次の項目。")}});
  const fs::path pdf = write_pdf(content, content.checklists[0], "long-list");
  require_items_in_order(pdf, content.checklists[0]);
  const std::string text = run("pdftotext '" + pdf.string() + "' -");
  REQUIRE_THAT(text, Catch::Contains("•"));
  REQUIRE_THAT(text, Catch::Contains("2."));
}

TEST_CASE("a checklist of 300 items renders every item, in order") {
  std::vector<std::vector<Item>> sections(3);
  for (int n = 1; n <= 300; ++n) {
    std::string remark = "備考" + std::to_string(n) + "。";
    for (int k = 0; k < n % 9; ++k) remark += "運用手順に従って記録を保管しています。";
    sections[(n - 1) / 100].push_back(make_item(n, "s" + std::to_string((n - 1) / 100), remark));
  }
  Content content = fixture(sections);
  const fs::path pdf = write_pdf(content, content.checklists[0], "300-items");
  require_items_in_order(pdf, content.checklists[0]);
  run("qpdf --check '" + pdf.string() + "'");
}
