// Content files from an import: checklist.yaml and one Markdown file per item, in the
// layout and front matter the content loader reads.
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <system_error>

#include "import/text.h"

namespace trustpage {
namespace fs = std::filesystem;
namespace {

// YAML double-quoted: safe for any text, and `no` can never turn into a boolean.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '"')
      out += "\\\"";
    else if (ch == '\\')
      out += "\\\\";
    else if (ch == '\n')
      out += "\\n";
    else if (ch == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

bool valid_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// "Service Hours!" -> "service-hours"; "" when nothing ASCII is left.
std::string slugify(const std::string& text) {
  std::string out;
  for (char c : import_detail::nfkc(text)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 60);
}

// "5" -> "05", as the demo's files are named, so folders list in order.
std::string number_part(const std::string& no) {
  std::string slug = slugify(no);
  if (slug.empty()) return "x";
  if (std::all_of(slug.begin(), slug.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      slug.size() < 2)
    return "0" + slug;
  return slug;
}

struct Existing {
  std::string path;  // relative to the content folder
  std::string id;
};

// Items already in checklists/<id>/, by number: re-importing keeps their ids and files.
std::map<std::string, Existing> existing_items(const fs::path& content_dir,
                                               const std::string& checklist_id) {
  std::map<std::string, Existing> out;
  fs::path dir = content_dir / "checklists" / checklist_id;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  static const std::regex kId("(^|\n)id:[ \t]*\"?([^\"\n]*)\"?");
  static const std::regex kNo("(^|\n)no:[ \t]*['\"]?([^'\"\n]*)['\"]?");
  for (const auto& section : fs::directory_iterator(dir, ec)) {
    if (!section.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(section.path(), ec)) {
      if (file.path().extension() != ".md") continue;
      std::ifstream in(file.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      std::string body = text.str();
      std::smatch id, no;
      if (!std::regex_search(body, no, kNo)) continue;
      Existing e;
      e.path = "checklists/" + checklist_id + "/" + section.path().filename().string() + "/" +
               file.path().filename().string();
      if (std::regex_search(body, id, kId)) e.id = import_detail::trim(id[2].str());
      std::string key = import_detail::trim(no[2].str());
      if (!out.count(key) || e.path < out[key].path) out[key] = e;
    }
  }
  return out;
}

}  // namespace

std::string item_file_text(const ImportedItem& item, const std::string& id) {
  std::string out = "---\n";
  out += "id: " + id + "\n";
  out += "no: " + quoted(item.meta.no) + "\n";
  if (!item.meta.category.empty()) out += "category: " + quoted(item.meta.category) + "\n";
  out += "item: " + quoted(item.meta.item) + "\n";
  if (!item.meta.requirement.empty()) out += "requirement: " + quoted(item.meta.requirement) + "\n";
  if (!item.meta.unit.empty()) out += "unit: " + quoted(item.meta.unit) + "\n";
  // Unanswered: the keys stay, empty, so the vendor sees what to fill in and `check` lists it.
  out += "status:" + (item.status ? " " + std::string(to_string(*item.status)) : "") + "\n";
  out += "answer:" + (item.answer.empty() ? "" : " " + quoted(item.answer)) + "\n";
  out += "reviewed:" + (item.reviewed.empty() ? "" : " " + item.reviewed) + "\n";
  if (!item.evidence.empty()) {
    out += "evidence:\n";
    for (const std::string& e : item.evidence) out += "  - " + quoted(e) + "\n";
  }
  out += "---\n";
  std::string remarks = import_detail::trim(item.remarks);
  if (!remarks.empty()) out += remarks + "\n";
  return out;
}

std::string checklist_yaml_text(const ChecklistTemplate& checklist,
                                const std::vector<std::pair<std::string, std::string>>& sections) {
  std::string out;
  out += "title: " + quoted(checklist.title) + "\n";
  if (!checklist.source.empty()) out += "source: " + quoted(checklist.source) + "\n";
  if (!checklist.source_url.empty()) out += "source_url: " + quoted(checklist.source_url) + "\n";
  if (!checklist.license.empty()) out += "license: " + quoted(checklist.license) + "\n";
  out += "scale: [yes, partial, planned, no, na, undisclosed]\n";
  out += "sections:\n";
  for (const auto& [id, title] : sections) {
    out += "  - id: " + id + "\n    title: " + quoted(title.empty() ? id : title) + "\n";
  }
  return out;
}

Result<std::vector<PlannedFile>> plan_checklist_files(const ImportResult& result,
                                                      const fs::path& content_dir,
                                                      const std::string& checklist_id, bool force) {
  if (!valid_name(checklist_id)) {
    return Status::Error("--checklist \"" + checklist_id +
                         "\" is the checklist's folder name: use only a-z, 0-9, - and _ (e.g. "
                         "meti or " +
                         (slugify(checklist_id).empty() ? "my-sheet" : slugify(checklist_id)) +
                         ")");
  }
  if (result.items.empty()) {
    return Status::Error("no item could be read from the sheet — see the rows listed above");
  }
  std::map<std::string, Existing> existing = existing_items(content_dir, checklist_id);
  std::string dir = "checklists/" + checklist_id;

  // Sections in order of first use; ids from the template, the sheet, or the title.
  std::vector<std::pair<std::string, std::string>> sections;
  std::map<std::string, std::string> section_of_title;
  std::vector<std::string> item_sections;
  for (const ImportedItem& item : result.items) {
    std::string id = item.meta.section_id;
    if (id.empty() && section_of_title.count(item.meta.section))
      id = section_of_title[item.meta.section];
    if (id.empty()) id = slugify(item.meta.section);
    if (id.empty() || !valid_name(id)) id = "section-" + std::to_string(sections.size() + 1);
    section_of_title.emplace(item.meta.section, id);
    if (std::none_of(sections.begin(), sections.end(),
                     [&](const auto& s) { return s.first == id; })) {
      sections.emplace_back(id, item.meta.section);
    }
    item_sections.push_back(id);
  }

  std::vector<PlannedFile> files;
  std::set<std::string> paths, ids;
  std::error_code ec;
  PlannedFile yaml{dir + "/checklist.yaml", "", false};
  ChecklistTemplate meta = result.checklist;
  if (meta.title.empty()) meta.title = checklist_id;
  yaml.bytes = checklist_yaml_text(meta, sections);
  yaml.replaces = fs::exists(content_dir / yaml.path, ec);
  files.push_back(yaml);
  for (size_t i = 0; i < result.items.size(); ++i) {
    const ImportedItem& item = result.items[i];
    std::string no = number_part(item.meta.no);
    std::string slug = item.meta.slug;
    std::string id = item.id;
    if (slug.empty() && !id.empty()) {
      // "meti-01-service-hours" -> "service-hours", so a re-imported export keeps its names.
      size_t at = id.find("-" + no + "-");
      slug = at == std::string::npos ? id : id.substr(at + no.size() + 2);
    }
    if (slug.empty()) slug = slugify(item.meta.item);
    std::string name = no + (slug.empty() ? "" : "-" + slug);
    if (id.empty() || !valid_name(id)) id = checklist_id + "-" + name;
    std::string path = dir + "/" + item_sections[i] + "/" + name + ".md";
    bool replaces = false;
    if (auto found = existing.find(item.meta.no); found != existing.end()) {
      path = found->second.path;
      if (!found->second.id.empty() && valid_name(found->second.id)) id = found->second.id;
      replaces = true;
    }
    replaces = replaces || fs::exists(content_dir / path, ec);
    while (paths.count(path) || ids.count(id)) {  // a number twice in the sheet
      path = path.substr(0, path.size() - 3) + "-2.md";
      id += "-2";
    }
    paths.insert(path);
    ids.insert(id);
    files.push_back({path, item_file_text(item, id), replaces});
  }
  std::vector<std::string> clashes;
  for (const PlannedFile& f : files)
    if (f.replaces) clashes.push_back(f.path);
  if (!clashes.empty() && !force) {
    std::string list;
    for (size_t i = 0; i < clashes.size() && i < 5; ++i)
      list += "\n  " + (content_dir / clashes[i]).string();
    if (clashes.size() > 5) list += "\n  … and " + std::to_string(clashes.size() - 5) + " more";
    return Status::Error(std::to_string(clashes.size()) +
                         " file(s) of this checklist exist already:" + list +
                         "\nNothing was written. Pass --force to replace them (items keep their "
                         "ids and files), or import into another --checklist.");
  }
  return files;
}

Status write_planned_files(const std::vector<PlannedFile>& files, const fs::path& content_dir) {
  for (const PlannedFile& file : files) {
    fs::path path = content_dir / file.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return Status::Error(Location{path.parent_path().string()},
                           "cannot create the folder: " + ec.message());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << file.bytes;
    out.close();
    if (!out) return Status::Error(Location{path.string()}, "cannot write this file");
  }
  return Status::Ok();
}

}  // namespace trustpage
