#include "import/zip_package.h"

#include <map>
#include <vector>

#include "import/limits.h"

namespace trustpage::import_detail {
namespace {

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string resolve_target(std::string target) {
  if (target.rfind('/', 0) == 0) return target.substr(1);
  return "xl/" + target;
}

}  // namespace

Status broken_workbook(const std::string& file, const std::string& why) {
  return Status::Error(Location{file}, "cannot read this XLSX workbook: " + why +
                                           " — the file may be truncated or damaged; open it "
                                           "in Excel and save it again, or export CSV UTF-8");
}

Result<ZipHandle> open_package(const std::string& bytes, const std::string& file) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return broken_workbook(file, zip_error_strerror(&error));
  ZipHandle zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return broken_workbook(file, why);
  }
  return zip;
}

Result<std::optional<std::string>> read_part(zip_t* zip, const std::string& name,
                                             const std::string& file) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::optional<std::string>();
  if (st.size > kMaxXlsxPartBytes) {
    // Not a check sheet (and maybe a ZIP bomb): refused before it is decompressed.
    return Status::Error(Location{file}, name + " unpacks to " + size_text(st.size) +
                                             "; a check sheet's part is far smaller (the limit "
                                             "is " +
                                             size_text(kMaxXlsxPartBytes) +
                                             ") — save only the table as XLSX or CSV");
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> part(zip_fopen(zip, name.c_str(), 0));
  if (!part) return broken_workbook(file, "cannot open " + name + " (" + zip_strerror(zip) + ")");
  std::string data(st.size, '\0');
  zip_int64_t got = zip_fread(part.get(), data.data(), st.size);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return broken_workbook(file, "cannot read " + name);
  }
  return std::optional<std::string>(std::move(data));
}

Result<pugi::xml_document> parse_part(zip_t* zip, const std::string& name, const std::string& file,
                                      bool required) {
  Result<std::optional<std::string>> bytes = read_part(zip, name, file);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!*bytes) {
    if (required) return broken_workbook(file, name + " is missing");
    return doc;
  }
  pugi::xml_parse_result parsed = doc.load_buffer((*bytes)->data(), (*bytes)->size());
  if (!parsed) {
    return broken_workbook(file, name + " is not well-formed XML (" + parsed.description() + ")");
  }
  return doc;
}

Result<std::vector<WorksheetPart>> list_worksheets(zip_t* zip, const std::string& file) {
  Result<pugi::xml_document> workbook = parse_part(zip, "xl/workbook.xml", file, true);
  if (!workbook.ok()) return workbook.status();
  Result<pugi::xml_document> rels = parse_part(zip, "xl/_rels/workbook.xml.rels", file, true);
  if (!rels.ok()) return rels.status();
  std::map<std::string, std::string> targets;
  for (pugi::xml_node rel : rels->child("Relationships").children("Relationship")) {
    targets[rel.attribute("Id").value()] = resolve_target(rel.attribute("Target").value());
  }
  std::vector<WorksheetPart> sheets;
  for (pugi::xml_node sheet : workbook->child("workbook").child("sheets").children("sheet")) {
    auto target = targets.find(sheet.attribute("r:id").value());
    sheets.push_back(
        {target != targets.end() ? target->second : "", sheet.attribute("name").value()});
  }
  return sheets;
}

Result<WorksheetPart> find_worksheet(zip_t* zip, const std::string& file,
                                     const std::string& worksheet) {
  Result<std::vector<WorksheetPart>> sheets = list_worksheets(zip, file);
  if (!sheets.ok()) return sheets.status();
  std::string list;
  for (const WorksheetPart& sheet : *sheets) {
    if (!sheet.part.empty() && (worksheet.empty() || sheet.name == worksheet)) return sheet;
    list += (list.empty() ? "" : ", ") + ("\"" + sheet.name + "\"");
  }
  if (!worksheet.empty()) {
    return Status::Error(Location{file},
                         "no worksheet named \"" + worksheet + "\" — the workbook has " + list);
  }
  return broken_workbook(file, "it lists no worksheet");
}

}  // namespace trustpage::import_detail
