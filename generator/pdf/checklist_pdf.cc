#include "pdf/checklist_pdf.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <map>

#include "common/stage.h"
#include "pdf/cell.h"
#include "pdf/fonts.h"
#include "pdf/markdown_paragraphs.h"
#include "pdf/paginate.h"
#include "render/url.h"
#include "site/links.h"
#include "site/routes.h"

namespace trustpage {
namespace {

using namespace pdf;

// Page geometry, in points. The columns are the print stylesheet's (millimetres), so the
// PDF and the printed HTML page look alike.
constexpr double kMm = 72.0 / 25.4;
constexpr double kMarginX = 10 * kMm;
constexpr double kTableWidth = kPdfPageWidth - 2 * kMarginX;
constexpr std::array<double, 6> kColumnMm = {10, 18, 30, 45, 17, 38};  // remarks: the rest
constexpr double kHeaderBaseline = 19;
constexpr double kHeaderRule = 25;
constexpr double kBodyTop = 32;
constexpr double kFooterRule = kPdfPageHeight - 24;
constexpr double kFooterBaseline = kPdfPageHeight - 13;
constexpr double kBodyBottom = kPdfPageHeight - 30;
constexpr double kPadX = 4;
constexpr double kPadY = 3.5;
constexpr double kTitleGap = 10;  // between the title block and the table

constexpr std::uint32_t kGrayText = 0x5b6573;
constexpr std::uint32_t kAccent = 0x1f5fa8;
constexpr std::uint32_t kRule = 0xb9c2ce;
constexpr std::uint32_t kHeadFill = 0xe9eef5;
constexpr std::uint32_t kSectionFill = 0xdde6f1;
constexpr std::uint32_t kStale = 0xb3261e;

std::uint32_t status_color(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kYes:
      return 0x1d7a46;
    case AnswerStatus::kNo:
      return 0xb3261e;
    case AnswerStatus::kPartial:
      return 0xa15c00;
    case AnswerStatus::kPlanned:
      return 0x5a3fa0;
    default:
      return 0x5b6573;
  }
}

const std::string& text(const Map& strings, const std::string& key) {
  static const std::string kMissing;
  auto it = strings.find(key);
  return it == strings.end() || !it->second.is_string() ? kMissing : it->second.as_string();
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The commit's date in the committer's own timezone: "2026-10-01T09:00:00+09:00" for the
// metadata, "2026-10-01 09:00 +09:00" for people. Never the clock.
std::string commit_time(const Provenance& p, bool iso) {
  const std::time_t local = static_cast<std::time_t>(p.time + p.offset_minutes * 60LL);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char date[32];
  std::strftime(date, sizeof date, iso ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M", &tm);
  const int off = p.offset_minutes < 0 ? -p.offset_minutes : p.offset_minutes;
  char zone[16];
  std::snprintf(zone, sizeof zone, "%s%c%02d:%02d", iso ? "" : " ",
                p.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return std::string(date) + zone;
}

std::vector<double> column_edges() {
  std::vector<double> edges{kMarginX};
  for (double mm : kColumnMm) edges.push_back(edges.back() + mm * kMm);
  edges.push_back(kMarginX + kTableWidth);
  return edges;
}

Paragraph plain(const std::string& s, unsigned style = kPlain, double size = 0,
                std::optional<std::uint32_t> color = std::nullopt) {
  Paragraph p;
  p.size = size;
  p.append(s, style, {}, color);
  return p;
}

// One row of the table, laid out: one Cell per column, or one spanning all (a section).
struct Row {
  std::vector<Cell> cells;
  std::vector<double> lefts, rights;  // cell edges
  std::uint32_t fill = 0xffffff;
  const Section* section = nullptr;  // a section's title row
  const Item* item = nullptr;
};

struct Bookmark {
  int page = 0;
  double y = 0;
};

class ChecklistPdf {
 public:
  ChecklistPdf(const Content& content, const Checklist& checklist, const BuildInfo& info,
               const Map& strings, const Fonts& fonts)
      : content_(content),
        checklist_(checklist),
        info_(info),
        strings_(strings),
        fonts_(fonts),
        links_(content),
        edges_(column_edges()) {}

  Result<std::string> render() {
    if (Status s = build(); !s.ok()) return s;
    std::vector<RowLines> shapes;
    for (const Row& row : rows_) {
      RowLines shape;
      for (const Cell& cell : row.cells) shape.cells.push_back(cell.spans());
      shape.keep_with_next = row.section != nullptr;
      shapes.push_back(std::move(shape));
    }
    double head = 0;
    for (const Cell& c : header_row_.cells) head = std::max(head, c.height() + 2 * kPadY);
    const double body = kBodyBottom - kBodyTop;
    pages_ = paginate(shapes, {body - title_.height() - kTitleGap - head, body - head, kPadY});
    return draw();
  }

 private:
  std::string absolute(const std::string& route) const { return content_.site.base_url + route; }

  // A link written in `file`'s Markdown, as an absolute URL (the PDF lives outside the site).
  std::string link_target(const std::string& file, const std::string& destination) const {
    if (!is_safe_url(destination) || destination.empty() || destination[0] == '#') return "";
    if (!url_scheme(destination).empty()) return destination;
    Result<std::string> route = links_.resolve(file, destination, "", "index.html");
    return route.ok() && url_scheme(*route).empty() ? absolute(*route) : "";
  }

  Result<std::vector<Paragraph>> markdown(const std::string& md, const std::string& file) const {
    return markdown_paragraphs(md, [this, &file](const std::string& destination) {
      return link_target(file, destination);
    });
  }

  Cell cell(const std::vector<Paragraph>& paragraphs, double width, double size = 8) const {
    TextSettings settings;
    settings.size = size;
    return Cell(fonts_, paragraphs, settings, width);
  }

  Status build() {
    // The title block, above the table on the first page.
    std::vector<Paragraph> title;
    title.push_back(
        plain(content_.site.organization + "　" + content_.site.service, kPlain, 9, kGrayText));
    Paragraph heading = plain(checklist_.title, kBold, 16);
    heading.space_before = 2;
    title.push_back(std::move(heading));
    Result<std::vector<Paragraph>> description =
        markdown(checklist_.description, "checklists/" + checklist_.id + "/checklist.yaml");
    if (!description.ok()) return description.status();
    for (Paragraph& p : *description) {
      p.size = 8.5;
      p.space_before = p.space_before > 0 ? p.space_before : 2;
      title.push_back(std::move(p));
    }
    if (!checklist_.source.empty()) {
      Paragraph source;
      source.size = 7.5;
      source.space_before = 4;
      source.append(text(strings_, "source") + ": ", pdf::kMuted);
      source.append(checklist_.source, pdf::kMuted, checklist_.source_url);
      if (!checklist_.license.empty()) source.append(" — " + checklist_.license, pdf::kMuted);
      title.push_back(std::move(source));
    }
    Paragraph build = plain("", kPlain, 7.5);
    build.space_before = 2;
    const Provenance& p = info_.provenance;
    if (!p.commit.empty()) {
      build.append(text(strings_, "built_on") + " " + commit_time(p, false) + "　" +
                       text(strings_, "built_from") + " " + p.commit,
                   pdf::kMuted);
    } else {
      build.append(text(strings_, "built_from") + " " + text(strings_, "build_no_commit"),
                   pdf::kMuted);
    }
    if (!info_.fingerprint.empty()) {
      build.append("　" + text(strings_, "signing_key") + " " + info_.fingerprint, pdf::kMuted);
    }
    title.push_back(std::move(build));
    Paragraph web = plain(text(strings_, "pdf_web_version") + ": ", pdf::kMuted, 7.5);
    const std::string web_url = absolute(checklist_route("", checklist_));
    web.append(web_url, pdf::kMuted, web_url);
    title.push_back(std::move(web));
    title.push_back(summary());
    title_ = cell(title, kTableWidth);

    std::vector<Paragraph> labels;
    const std::array<const char*, 7> kColumns = {"col_no",          "col_category", "col_item",
                                                 "col_requirement", "col_unit",     "col_answer",
                                                 "col_remarks"};
    std::vector<Cell> head;
    for (size_t c = 0; c < kColumns.size(); ++c) {
      head.push_back(cell({plain(text(strings_, kColumns[c]), kBold)}, width(c), 7.5));
    }
    header_row_.cells = std::move(head);
    header_row_.fill = kHeadFill;
    set_columns(header_row_);

    for (const Section& s : checklist_.sections) {
      Row section;
      section.cells.push_back(cell({plain(s.title, kBold, 9)}, kTableWidth - 2 * kPadX));
      section.fill = kSectionFill;
      section.section = &s;
      section.lefts = {edges_.front()};
      section.rights = {edges_.back()};
      rows_.push_back(std::move(section));
      for (const Item& item : s.items) {
        Result<Row> row = item_row(item);
        if (!row.ok()) return row.status();
        rows_.push_back(std::move(*row));
      }
    }
    return Status::Ok();
  }

  // "項目数 49　〇 対応 40　△ 一部対応 6 …", as on the checklist page.
  Paragraph summary() const {
    std::map<AnswerStatus, int> counts;
    int total = 0;
    for (const Section& s : checklist_.sections) {
      for (const Item& item : s.items) ++counts[item.status], ++total;
    }
    Paragraph p = plain(text(strings_, "item_count") + " " + std::to_string(total), kBold, 8.5);
    p.space_before = 3;
    for (AnswerStatus status : all_answer_statuses()) {
      if (!counts.count(status)) continue;
      const std::string key(to_string(status));
      p.append("　");
      p.append(text(strings_, "status_" + key + "_symbol") + " " + text(strings_, "status_" + key),
               kBold, {}, status_color(status));
      p.append(" " + std::to_string(counts[status]));
    }
    return p;
  }

  double width(size_t column) const { return edges_[column + 1] - edges_[column] - 2 * kPadX; }

  void set_columns(Row& row) const {
    row.lefts.assign(edges_.begin(), edges_.end() - 1);
    row.rights.assign(edges_.begin() + 1, edges_.end());
  }

  Result<Row> item_row(const Item& item) const {
    const std::string url = absolute(item_route("", checklist_, item));
    Row row;
    row.item = &item;
    // One link per item, on its name: each link is an annotation and a structure element,
    // ~500 bytes in the file, so a second one on the number would cost 250 KB per 500 items.
    Paragraph no = plain(item.no);
    Paragraph name;
    name.append(item.item, kNoUnderline, url, kAccent);
    row.cells.push_back(cell({no}, width(0)));
    row.cells.push_back(cell({plain(item.category)}, width(1)));
    row.cells.push_back(cell({name}, width(2)));
    row.cells.push_back(cell({plain(item.requirement)}, width(3)));
    row.cells.push_back(cell({plain(item.unit)}, width(4)));

    const std::string key(to_string(item.status));
    std::vector<Paragraph> answer;
    answer.push_back(
        plain(text(strings_, "status_" + key + "_symbol") + " " + text(strings_, "status_" + key),
              kBold, 0, status_color(item.status)));
    if (!item.answer.empty()) {
      Paragraph a = plain(item.answer, kBold);
      a.space_before = 2;
      answer.push_back(std::move(a));
    }
    Paragraph reviewed =
        plain(text(strings_, "reviewed") + " " + item.reviewed.iso(), pdf::kMuted, 7);
    reviewed.space_before = 2;
    if (item.stale) reviewed.append(" " + text(strings_, "stale"), kBold, {}, kStale);
    answer.push_back(std::move(reviewed));
    row.cells.push_back(cell(answer, width(5)));

    Result<std::vector<Paragraph>> remarks = markdown(item.remarks, item.path);
    if (!remarks.ok()) {
      const Location& at = remarks.status().where();
      return Status::Error(Location{item.path, item.body_line + (at.line > 0 ? at.line - 1 : 0)},
                           remarks.status().message());
    }
    if (!item.evidence.empty()) {
      Paragraph evidence = plain(text(strings_, "evidence") + ": ", pdf::kMuted, 7);
      evidence.space_before = 3;
      for (size_t i = 0; i < item.evidence.size(); ++i) {
        const std::string& e = item.evidence[i];
        if (i > 0) evidence.append(", ", pdf::kMuted);
        const std::string target = url_scheme(e).empty() ? absolute(e) : e;
        evidence.append(e, pdf::kMuted, is_safe_url(e) ? target : "");
      }
      remarks->push_back(std::move(evidence));
    }
    row.cells.push_back(cell(*remarks, width(6)));
    set_columns(row);
    return row;
  }

  Result<std::string> draw() {
    std::string bytes;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(
        [](void* closure, const unsigned char* data, unsigned int length) {
          static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
          return CAIRO_STATUS_SUCCESS;
        },
        &bytes, kPdfPageWidth, kPdfPageHeight));
    set_metadata(surface.get());
    CairoPtr cr(cairo_create(surface.get()));

    std::map<const Section*, Bookmark> sections;
    std::map<const Item*, Bookmark> items;
    const int page_count = static_cast<int>(pages_.size());
    // cairo 1.16 writes a page's link annotations only as part of a structure tree: without
    // a root tag the page lists annotation objects the file never holds (qpdf: "damaged").
    cairo_tag_begin(cr.get(), "Document", "");
    for (int page = 0; page < page_count; ++page) {
      draw_running_text(cr.get(), page + 1, page_count);
      double y = kBodyTop;
      if (page == 0) {
        title_.draw(cr.get(), 0, title_.spans().size(), kMarginX, y);
        y += title_.height() + kTitleGap;
      }
      y += draw_row(cr.get(), header_row_, nullptr, y);
      for (const RowPart& part : pages_[page].parts) {
        const Row& row = rows_[part.row];
        if (!part.continued) {
          if (row.section) sections.emplace(row.section, Bookmark{page + 1, y});
          if (row.item) items.emplace(row.item, Bookmark{page + 1, y});
        }
        y += draw_row(cr.get(), row, &part, y);
      }
      if (page + 1 < page_count) cairo_show_page(cr.get());
    }
    cairo_tag_end(cr.get(), "Document");
    add_outline(surface.get(), sections, items);
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
      return Status::Error("cairo could not write the PDF of checklist \"" + checklist_.id +
                           "\": " + cairo_status_to_string(s));
    }
    return bytes;
  }

  void set_metadata(cairo_surface_t* surface) const {
    const Site& site = content_.site;
    const Provenance& p = info_.provenance;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, checklist_.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, site.organization.c_str());
    const std::string subject = site.service + " — " + checklist_.title;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    std::string keywords = site.service + ", " + checklist_.id;
    if (!p.commit.empty()) keywords += ", commit " + p.commit;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords.c_str());
    const std::string creator = "trustpage " + info_.version;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator.c_str());
    // cairo stamps the wall clock unless told otherwise: the commit's date makes the same
    // commit give the same bytes (content outside git gets the epoch, never the clock).
    const std::string date = commit_time(p, true);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }

  void draw_running_text(cairo_t* cr, int page, int pages) const {
    const Site& site = content_.site;
    const Provenance& p = info_.provenance;
    auto line = [&](const std::string& s, double y, int align) {
      Cell c = cell({plain(s, kPlain, 7, kGrayText)}, kTableWidth / 3);
      const double w = c.width();
      const double x = align < 0    ? kMarginX
                       : align == 0 ? (kPdfPageWidth - w) / 2
                                    : kPdfPageWidth - kMarginX - w;
      c.draw(cr, 0, c.spans().size(), x, y - c.first_baseline());
    };
    line(site.organization + "　" + site.service, kHeaderBaseline, -1);
    line(checklist_.title, kHeaderBaseline, 1);
    std::string built = p.commit.empty()
                            ? text(strings_, "built_from") + " " + text(strings_, "build_no_commit")
                            : text(strings_, "built_on") + " " + commit_time(p, false) + "　" +
                                  text(strings_, "built_from") + " " + p.commit.substr(0, 12);
    line(built, kFooterBaseline, -1);
    std::string numbering = text(strings_, "pdf_page");
    if (numbering.empty()) numbering = "{page} / {pages}";
    line(replace(replace(numbering, "{page}", std::to_string(page)), "{pages}",
                 std::to_string(pages)),
         kFooterBaseline, 0);
    line(info_.fingerprint.empty() ? site.base_url
                                   : text(strings_, "signing_key") + " " + info_.fingerprint,
         kFooterBaseline, 1);
    set_color(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMarginX, kHeaderRule);
    cairo_line_to(cr, kPdfPageWidth - kMarginX, kHeaderRule);
    cairo_move_to(cr, kMarginX, kFooterRule);
    cairo_line_to(cr, kPdfPageWidth - kMarginX, kFooterRule);
    cairo_stroke(cr);
  }

  // Draws the row (or the part of it on this page, when `part` says so) with its top at `y`;
  // returns its height.
  double draw_row(cairo_t* cr, const Row& row, const RowPart* part, double y) const {
    double height = 0;
    if (part) {
      height = part->height;
    } else {
      for (const Cell& c : row.cells) height = std::max(height, c.height());
      height += 2 * kPadY;
    }
    const double left = row.lefts.front(), right = row.rights.back();
    set_color(cr, row.fill);
    cairo_rectangle(cr, left, y, right - left, height);
    cairo_fill(cr);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Cell& cell = row.cells[c];
      const size_t begin = part ? part->cells[c].begin : 0;
      const size_t end = part ? part->cells[c].end : cell.spans().size();
      if (begin < end) cell.draw(cr, begin, end, row.lefts[c] + kPadX, y + kPadY);
      // The number again, muted, where a split row goes on: the reader knows whose text it is.
      if (part && part->continued && c == 0 && row.item) {
        Cell again = this->cell({plain(row.item->no, kPlain, 7, kGrayText)}, width(0));
        again.draw(cr, 0, again.spans().size(), row.lefts[c] + kPadX, y + kPadY);
      }
    }
    set_color(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      cairo_rectangle(cr, row.lefts[c], y, row.rights[c] - row.lefts[c], height);
    }
    cairo_stroke(cr);
    return height;
  }

  void add_outline(cairo_surface_t* surface, const std::map<const Section*, Bookmark>& sections,
                   const std::map<const Item*, Bookmark>& items) const {
    auto target = [](const Bookmark& b) {
      return "page=" + std::to_string(b.page) + " pos=[" + number(kMarginX) + " " + number(b.y) +
             "]";
    };
    for (const Section& s : checklist_.sections) {
      auto at = sections.find(&s);
      if (at == sections.end()) continue;
      const int parent =
          cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, s.title.c_str(),
                                        target(at->second).c_str(), cairo_pdf_outline_flags_t(0));
      for (const Item& item : s.items) {
        auto it = items.find(&item);
        if (it == items.end()) continue;
        const std::string label = item.no + ". " + item.item;
        cairo_pdf_surface_add_outline(surface, parent, label.c_str(), target(it->second).c_str(),
                                      cairo_pdf_outline_flags_t(0));
      }
    }
  }

  const Content& content_;
  const Checklist& checklist_;
  const BuildInfo& info_;
  const Map& strings_;
  const Fonts& fonts_;
  ContentLinks links_;
  std::vector<double> edges_;
  Cell title_;
  Row header_row_;
  std::vector<Row> rows_;
  std::vector<PageRows> pages_;
};

}  // namespace

std::vector<PdfColumn> pdf_checklist_columns() {
  const std::vector<double> edges = column_edges();
  std::vector<PdfColumn> columns;
  for (size_t i = 0; i + 1 < edges.size(); ++i) columns.push_back({edges[i], edges[i + 1]});
  return columns;
}

Result<std::string> render_checklist_pdf(const Content& content, const Checklist& checklist,
                                         const BuildInfo& info, const Theme& theme) {
  StageScope stage("pdf");
  const std::string language =
      content.site.languages.empty() ? "ja" : content.site.languages.front();
  Result<Map> strings = theme.strings(language);
  if (!strings.ok()) return strings.status();
  Result<std::string> families = theme.setting("pdf_font");
  if (!families.ok()) return families.status();
  Result<Fonts> fonts = Fonts::open(*families, language);
  if (!fonts.ok()) {
    return Status::Error(Location{theme.origin("theme.yaml")}, fonts.status().message());
  }
  return ChecklistPdf(content, checklist, info, *strings, *fonts).render();
}

}  // namespace trustpage
