// Content files from an import: checklist.yaml and one Markdown file per item, in the
// layout and front matter the content loader reads.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>

#include "import/existing.h"
#include "import/merge.h"
#include "import/text.h"

namespace trustpage {
namespace fs = std::filesystem;
namespace {

// YAML double-quoted: safe for any text, and `no` can never turn into a boolean.
std::string yaml_quoted(const std::string& text) {
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

using import_detail::ExistingChecklist;
using Sections = std::vector<std::pair<std::string, std::string>>;

std::string scale_text(const std::vector<std::string>& scale) {
  if (scale.empty()) return "[yes, partial, planned, no, na, undisclosed]";
  std::string out;
  for (const std::string& s : scale) out += (out.empty() ? "" : ", ") + s;
  return "[" + out + "]";
}

// checklist.yaml over an existing one: its keys stay (the vendor's title, description,
// source wording, order, scale, section titles); keys it lacks come from the template;
// sections the import adds go at the end. `changes` lists what differs.
std::string merged_checklist_yaml(const ExistingChecklist& existing, const ChecklistTemplate& meta,
                                  const std::string& title, const Sections& sections,
                                  std::vector<std::string>* changes) {
  auto pick = [&](const char* key, const std::string& current, const std::string& offered) {
    if (current.empty() && !offered.empty()) {
      changes->push_back(std::string(key) + ": (empty) → \"" +
                         import_detail::excerpt_text(offered) + "\"");
      return offered;
    }
    return current;
  };
  std::string out;
  std::string kept_title = existing.title.empty() ? meta.title : existing.title;
  if (!title.empty() && title != kept_title) {
    changes->push_back("title: \"" + kept_title + "\" → \"" + title + "\"");
    kept_title = title;
  }
  out += "title: " + yaml_quoted(kept_title) + "\n";
  if (!existing.description.empty())
    out += "description: " + yaml_quoted(existing.description) + "\n";
  std::string source = pick("source", existing.source, meta.source);
  if (!source.empty()) out += "source: " + yaml_quoted(source) + "\n";
  std::string url = pick("source_url", existing.source_url, meta.source_url);
  if (!url.empty()) out += "source_url: " + yaml_quoted(url) + "\n";
  std::string license = pick("license", existing.license, meta.license);
  if (!license.empty()) out += "license: " + yaml_quoted(license) + "\n";
  if (!existing.order.empty()) out += "order: " + existing.order + "\n";
  out += "scale: " + scale_text(existing.scale) + "\n";
  out += "sections:\n";
  for (const auto& [id, section_title] : sections) {
    out += "  - id: " + id +
           "\n    title: " + yaml_quoted(section_title.empty() ? id : section_title) + "\n";
  }
  return out;
}

}  // namespace

std::string item_file_text(const ImportedItem& item, const std::string& id) {
  std::string out = "---\n";
  out += "id: " + id + "\n";
  out += "no: " + yaml_quoted(item.meta.no) + "\n";
  if (!item.meta.category.empty()) out += "category: " + yaml_quoted(item.meta.category) + "\n";
  out += "item: " + yaml_quoted(item.meta.item) + "\n";
  if (!item.meta.requirement.empty())
    out += "requirement: " + yaml_quoted(item.meta.requirement) + "\n";
  if (!item.meta.unit.empty()) out += "unit: " + yaml_quoted(item.meta.unit) + "\n";
  // Unanswered: the keys stay, empty, so the vendor sees what to fill in and `check` lists it.
  out += "status:" + (item.status ? " " + std::string(to_string(*item.status)) : "") + "\n";
  out += "answer:" + (item.answer.empty() ? "" : " " + yaml_quoted(item.answer)) + "\n";
  out += "reviewed:" + (item.reviewed.empty() ? "" : " " + item.reviewed) + "\n";
  if (!item.evidence.empty()) {
    out += "evidence:\n";
    for (const std::string& e : item.evidence) out += "  - " + yaml_quoted(e) + "\n";
  }
  out += "---\n";
  std::string remarks = import_detail::trim(item.remarks);
  if (!remarks.empty()) out += remarks + "\n";
  return out;
}

std::string checklist_yaml_text(const ChecklistTemplate& checklist,
                                const std::vector<std::pair<std::string, std::string>>& sections) {
  std::string out;
  out += "title: " + yaml_quoted(checklist.title) + "\n";
  if (!checklist.source.empty()) out += "source: " + yaml_quoted(checklist.source) + "\n";
  if (!checklist.source_url.empty())
    out += "source_url: " + yaml_quoted(checklist.source_url) + "\n";
  if (!checklist.license.empty()) out += "license: " + yaml_quoted(checklist.license) + "\n";
  out += "scale: [yes, partial, planned, no, na, undisclosed]\n";
  out += "sections:\n";
  for (const auto& [id, title] : sections) {
    out += "  - id: " + id + "\n    title: " + yaml_quoted(title.empty() ? id : title) + "\n";
  }
  return out;
}

Result<std::vector<PlannedFile>> plan_checklist_files(const ImportResult& result,
                                                      const fs::path& content_dir,
                                                      const std::string& checklist_id, bool force) {
  PlanOptions options;
  options.force = force;
  return plan_checklist_files(result, content_dir, checklist_id, options);
}

Result<std::vector<PlannedFile>> plan_checklist_files(const ImportResult& result,
                                                      const fs::path& content_dir,
                                                      const std::string& checklist_id,
                                                      const PlanOptions& options) {
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
  Result<ExistingChecklist> found =
      import_detail::read_existing_checklist(content_dir, checklist_id);
  if (!found.ok()) return found.status();
  const ExistingChecklist& existing = *found;
  std::string dir = "checklists/" + checklist_id;

  // Sections: those checklist.yaml lists already, in its order, then new ones in order of
  // first use; ids from the template, the sheet, or the title.
  Sections sections = existing.sections;
  std::map<std::string, std::string> section_of_title;
  for (const auto& [id, title] : existing.sections) section_of_title.emplace(title, id);
  std::vector<std::string> item_sections;
  for (const ImportedItem& item : result.items) {
    std::string id;
    if (auto e = existing.items.find(item.meta.no); e != existing.items.end()) {
      // The item stays in its folder: "checklists/<id>/<section>/<file>".
      std::string rest = e->second.path.substr(dir.size() + 1);
      id = rest.substr(0, rest.find('/'));
    }
    if (id.empty()) id = item.meta.section_id;
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
  if (existing.present) {
    yaml.replaces = true;
    yaml.bytes = merged_checklist_yaml(existing, meta, options.title, sections, &yaml.changes);
    for (size_t s = existing.sections.size(); s < sections.size(); ++s) {
      yaml.changes.push_back("sections: + " + sections[s].first + " (" + sections[s].second + ")");
    }
    yaml.unchanged = yaml.changes.empty();
    if (yaml.unchanged) yaml.bytes = existing.bytes;
  } else {
    if (!options.title.empty()) meta.title = options.title;
    yaml.bytes = checklist_yaml_text(meta, sections);
    yaml.replaces = fs::exists(fs::symlink_status(content_dir / yaml.path, ec));
  }
  files.push_back(yaml);
  for (size_t i = 0; i < result.items.size(); ++i) {
    ImportedItem item = result.items[i];
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
    PlannedFile file;
    if (auto e = existing.items.find(item.meta.no); e != existing.items.end()) {
      path = e->second.path;
      if (!e->second.id.empty() && valid_name(e->second.id)) id = e->second.id;
      item = import_detail::merge_item(item, e->second, &file.changes);
      file.replaces = true;
    }
    file.replaces = file.replaces || fs::exists(fs::symlink_status(content_dir / path, ec));
    while (paths.count(path) || ids.count(id)) {  // a number twice in the sheet
      path = path.substr(0, path.size() - 3) + "-2.md";
      id += "-2";
    }
    paths.insert(path);
    ids.insert(id);
    file.path = path;
    file.bytes = item_file_text(item, id);
    if (auto e = existing.items.find(item.meta.no);
        e != existing.items.end() && e->second.path == path && e->second.bytes == file.bytes) {
      file.unchanged = true;  // only values kept against the sheet can be listed
    }
    files.push_back(std::move(file));
  }
  std::vector<std::string> clashes;
  for (const PlannedFile& f : files)
    if (f.replaces && !f.unchanged) clashes.push_back(f.path);
  if (!clashes.empty() && !options.force) {
    std::string list;
    for (size_t i = 0; i < clashes.size() && i < 5; ++i)
      list += "\n  " + (content_dir / clashes[i]).string();
    if (clashes.size() > 5) list += "\n  … and " + std::to_string(clashes.size() - 5) + " more";
    return Status::Error(std::to_string(clashes.size()) +
                         " file(s) of this checklist exist already:" + list +
                         "\nNothing was written. Pass --dry-run to see each change, then --force "
                         "to replace them (items keep their ids and files, and every value the "
                         "sheet leaves empty), or import into another --checklist.");
  }
  return files;
}

Status check_content_folder(const fs::path& content_dir) {
  return import_detail::refuse_symlinks(content_dir);
}

namespace {

// Creates the folders of `relative` under `root` one at a time, refusing any that is a
// symlink or not a folder, so a file is never written outside `root`.
Status make_folders(const fs::path& root, const fs::path& relative) {
  std::error_code root_ec;
  fs::create_directories(root, root_ec);  // the root itself is the vendor's to choose
  fs::path at = root;
  for (const fs::path& part : relative.parent_path()) {
    at /= part;
    std::error_code ec;
    fs::file_status st = fs::symlink_status(at, ec);
    if (st.type() == fs::file_type::not_found) {
      fs::create_directory(at, ec);
      if (ec)
        return Status::Error(Location{at.string()}, "cannot create the folder: " + ec.message());
      st = fs::symlink_status(at, ec);
    }
    if (st.type() != fs::file_type::directory) {
      return Status::Error(Location{at.string()},
                           "this is not a folder (a symlink or a file) — nothing is written "
                           "through it; replace it with a real folder");
    }
  }
  return Status::Ok();
}

Status write_file(const fs::path& path, const std::string& bytes) {
  // O_NOFOLLOW: a symlink at the file's own path is refused, not followed.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::string why = errno == ELOOP ? "it is a symlink — nothing is written through it"
                                     : std::error_code(errno, std::generic_category()).message();
    return Status::Error(Location{path.string()}, "cannot write this file: " + why);
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return Status::Error(Location{path.string()}, "cannot write this file");
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::Error(Location{path.string()}, "cannot write this file");
  return Status::Ok();
}

}  // namespace

Status write_planned_files(const std::vector<PlannedFile>& files, const fs::path& content_dir) {
  for (const PlannedFile& file : files) {
    if (file.unchanged) continue;
    if (Status s = make_folders(content_dir, file.path); !s.ok()) return s;
    if (Status s = write_file(content_dir / file.path, file.bytes); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace trustpage
