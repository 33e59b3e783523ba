#include "import/existing.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "import/limits.h"
#include "import/text.h"

namespace trustpage::import_detail {
namespace fs = std::filesystem;
namespace {

// Far above any item a vendor writes; bounds what is read from a folder import will write to.
constexpr uintmax_t kMaxExistingFileBytes = 4 * 1024 * 1024;

Result<std::string> read_small_file(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::Error(Location{path.string()}, "cannot read: " + ec.message());
  if (size > kMaxExistingFileBytes) {
    return Status::Error(Location{path.string()},
                         "this file is " + size_text(size) +
                             "; import reads existing files of up to " +
                             size_text(kMaxExistingFileBytes) +
                             " — shorten it or move it out of content/, then import again");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Error(Location{path.string()}, "cannot read this file");
  return bytes.str();
}

// A scalar as text; a list or mapping where text belongs reads as "".
std::string text_of(const YAML::Node& node) {
  return node && node.IsScalar() ? trim(node.Scalar()) : "";
}

Status unreadable(const fs::path& path, const std::string& why) {
  return Status::Error(Location{path.string()},
                       "cannot read this file's YAML (" + why +
                           ") — import would replace it without knowing its answer; fix it "
                           "(`trustpage check` shows where) or move it away, then import again");
}

// "---\n<yaml>---\n<remarks>"; nullopt when the file has no front matter.
std::optional<std::pair<std::string, std::string>> split_item(const std::string& text) {
  std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
  if (body.rfind("---\n", 0) != 0 && body.rfind("---\r\n", 0) != 0) return std::nullopt;
  size_t start = body.find('\n') + 1;
  for (size_t at = start; at < body.size();) {
    size_t end = body.find('\n', at);
    std::string_view line(body.data() + at, (end == std::string::npos ? body.size() : end) - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---") {
      std::string remarks = end == std::string::npos ? "" : body.substr(end + 1);
      return std::pair{body.substr(start, at - start), remarks};
    }
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return std::nullopt;
}

Result<std::optional<ExistingItem>> read_item(const fs::path& file, const std::string& path) {
  Result<std::string> text = read_small_file(file);
  if (!text.ok()) return text.status();
  auto parts = split_item(*text);
  if (!parts) return std::optional<ExistingItem>();  // not an item: import leaves it alone
  ExistingItem item;
  item.path = path;
  item.bytes = *text;
  item.remarks = trim(parts->second);
  try {
    YAML::Node yaml = YAML::Load(parts->first);
    if (!yaml.IsMap()) return std::optional<ExistingItem>();
    item.id = text_of(yaml["id"]);
    item.no = text_of(yaml["no"]);
    item.category = text_of(yaml["category"]);
    item.item = text_of(yaml["item"]);
    item.requirement = text_of(yaml["requirement"]);
    item.unit = text_of(yaml["unit"]);
    item.status = text_of(yaml["status"]);
    item.answer = text_of(yaml["answer"]);
    item.reviewed = text_of(yaml["reviewed"]);
    YAML::Node evidence = yaml["evidence"];
    if (evidence && evidence.IsScalar() && !text_of(evidence).empty()) {
      item.evidence.push_back(text_of(evidence));
    } else if (evidence && evidence.IsSequence()) {
      for (const YAML::Node& e : evidence) item.evidence.push_back(text_of(e));
    }
  } catch (const std::exception& e) {  // yaml-cpp: no exception leaves the library
    return unreadable(file, e.what());
  }
  if (item.no.empty()) return std::optional<ExistingItem>();
  return std::optional<ExistingItem>(std::move(item));
}

Status read_checklist_yaml(const fs::path& file, ExistingChecklist& out) {
  Result<std::string> text = read_small_file(file);
  if (!text.ok()) return text.status();
  out.present = true;
  out.bytes = *text;
  try {
    YAML::Node yaml = YAML::Load(*text);
    if (!yaml.IsMap()) return unreadable(file, "it is not a mapping of keys");
    out.title = text_of(yaml["title"]);
    YAML::Node description = yaml["description"];
    if (description && description.IsScalar()) out.description = description.Scalar();
    out.source = text_of(yaml["source"]);
    out.source_url = text_of(yaml["source_url"]);
    out.license = text_of(yaml["license"]);
    out.order = text_of(yaml["order"]);
    if (YAML::Node scale = yaml["scale"]; scale && scale.IsSequence()) {
      for (const YAML::Node& s : scale) out.scale.push_back(text_of(s));
    }
    if (YAML::Node sections = yaml["sections"]; sections && sections.IsSequence()) {
      for (const YAML::Node& s : sections) {
        if (s.IsMap()) out.sections.emplace_back(text_of(s["id"]), text_of(s["title"]));
      }
    }
  } catch (const std::exception& e) {
    return unreadable(file, e.what());
  }
  return Status::Ok();
}

// English siblings (NN-slug.en.md) hold translations of an item, never its own number.
bool is_translation(const std::string& name) {
  std::string stem = name.substr(0, name.size() - 3);
  size_t dot = stem.rfind('.');
  return dot != std::string::npos && stem.size() - dot <= 6;
}

}  // namespace

Status refuse_symlinks(const fs::path& content_dir) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(content_dir, ec))) return Status::Ok();
  fs::recursive_directory_iterator it(content_dir, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::file_type type = it->symlink_status(ec).type();
    if (ec) break;
    if (type == fs::file_type::directory || type == fs::file_type::regular) continue;
    std::string what = type == fs::file_type::symlink ? "a symlink" : "a special file";
    return Status::Error(Location{it->path().string()},
                         "this is " + what +
                             " — import writes only real files and folders inside " +
                             content_dir.string() +
                             "/ (build and check refuse symlinks too); replace it with the "
                             "file or folder itself, then import again. Nothing was written.");
  }
  if (ec) {
    return Status::Error(Location{content_dir.string()}, "cannot be listed: " + ec.message());
  }
  return Status::Ok();
}

Result<ExistingChecklist> read_existing_checklist(const fs::path& content_dir,
                                                  const std::string& checklist_id) {
  ExistingChecklist out;
  fs::path dir = content_dir / "checklists" / checklist_id;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return out;
  if (fs::is_regular_file(fs::symlink_status(dir / "checklist.yaml", ec))) {
    if (Status s = read_checklist_yaml(dir / "checklist.yaml", out); !s.ok()) return s;
  }
  std::vector<fs::path> sections;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.symlink_status(ec).type() == fs::file_type::directory) sections.push_back(entry);
  }
  std::sort(sections.begin(), sections.end());
  for (const fs::path& section : sections) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(section, ec)) {
      std::string name = entry.path().filename().string();
      if (entry.symlink_status(ec).type() == fs::file_type::regular && name.ends_with(".md") &&
          !is_translation(name))
        files.push_back(entry);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string path = "checklists/" + checklist_id + "/" + section.filename().string() + "/" +
                         file.filename().string();
      Result<std::optional<ExistingItem>> item = read_item(file, path);
      if (!item.ok()) return item.status();
      if (*item && !out.items.count((*item)->no)) out.items[(*item)->no] = std::move(**item);
    }
  }
  return out;
}

}  // namespace trustpage::import_detail
