// checklists/<checklist>/: checklist.yaml plus one folder of item files per section.
#include <algorithm>
#include <tuple>

#include "content/load_context.h"
#include "content/names.h"
#include "content/suggest.h"

namespace trustpage::content_detail {
namespace {

struct ListedSection {
  Section section;
  Location where;  // of its id in checklist.yaml
};

struct Header {
  Checklist checklist;  // without sections
  std::vector<ListedSection> sections;
  bool read = false;  // checklist.yaml was usable
};

std::vector<AnswerStatus> read_scale(MapReader& map) {
  std::vector<AnswerStatus> scale;
  if (!map.has("scale")) return all_answer_statuses();
  std::vector<std::string_view> allowed;
  for (AnswerStatus status : all_answer_statuses()) allowed.push_back(to_string(status));
  for (const YAML::Node& element : map.list("scale", true)) {
    std::optional<std::string> text = map.element_text(element, "scale");
    if (!text) continue;
    Location at = map.yaml().at(element.Mark(), map.value_at("scale"));
    std::optional<AnswerStatus> status = parse_answer_status(*text);
    if (!status) {
      std::string message =
          "unknown status \"" + *text + "\" in scale — allowed statuses are " + join(allowed);
      if (auto guess = did_you_mean(*text, allowed))
        message += "; did you mean \"" + *guess + "\"?";
      map.diagnostics().error(at, message);
    } else if (std::find(scale.begin(), scale.end(), *status) != scale.end()) {
      map.diagnostics().error(at, "status \"" + *text + "\" is listed twice in scale — keep one");
    } else {
      scale.push_back(*status);
    }
  }
  // An unusable scale is reported above; items are then checked against every status so
  // one typo does not turn into an error per item.
  return scale.empty() ? all_answer_statuses() : scale;
}

std::vector<ListedSection> read_sections(MapReader& map) {
  std::vector<ListedSection> out;
  for (const YAML::Node& element : map.list("sections", true)) {
    MapReader section(map.yaml(), element, map.value_at("sections"), "a section", {"id", "title"},
                      map.diagnostics());
    if (!section.is_map()) continue;
    ListedSection listed;
    listed.section.id = section.text("id", true);
    listed.section.title = section.text("title", true);
    listed.where = section.value_at("id");
    if (listed.section.id.empty()) continue;
    if (!is_valid_name(listed.section.id)) {
      map.diagnostics().error(listed.where, "section id \"" + listed.section.id + "\" " +
                                                std::string(kNameRule) +
                                                " — it is the section's folder name");
      continue;
    }
    auto same = std::find_if(out.begin(), out.end(), [&](const ListedSection& other) {
      return other.section.id == listed.section.id;
    });
    if (same != out.end()) {
      map.diagnostics().error(listed.where, "section \"" + listed.section.id +
                                                "\" is listed twice (first on line " +
                                                std::to_string(same->where.line) + ") — keep one");
      continue;
    }
    out.push_back(std::move(listed));
  }
  return out;
}

Header read_header(LoadContext& context, const std::string& path) {
  Header header;
  header.checklist.scale = all_answer_statuses();
  std::optional<TextFile> file = context.read_text(path);
  if (!file) return header;
  YamlText yaml{&*file, file->start};
  std::optional<YAML::Node> root =
      parse_yaml(yaml, std::string_view(file->text).substr(file->start), context.diagnostics);
  if (!root) return header;
  MapReader map(
      yaml, *root, file->at_line(1), "checklist.yaml",
      {"title", "description", "source", "source_url", "license", "order", "scale", "sections"},
      context.diagnostics);
  if (!map.is_map()) return header;
  Checklist& checklist = header.checklist;
  checklist.title = map.text("title", true);
  checklist.description = map.markdown("description");
  checklist.source = map.text("source", false);
  checklist.source_url = read_web_url(map, "source_url", false);
  checklist.license = map.text("license", false);
  checklist.order = map.integer("order", -1000000, 1000000).value_or(0);
  checklist.scale = read_scale(map);
  header.sections = read_sections(map);
  header.read = true;
  return header;
}

// The items of one section folder, in natural order of `no`, then path.
std::vector<Item> load_section_items(LoadContext& context, const std::string& dir,
                                     const std::vector<AnswerStatus>& scale,
                                     const std::string& checklist_yaml) {
  std::vector<Item> items;
  for (const Entry& entry : context.list(dir)) {
    std::string path = join_path(dir, entry.name);
    if (!context.check_kind(path, entry)) continue;
    if (entry.kind == EntryKind::kDirectory) {
      context.diagnostics.error(context.at_path(path),
                                "unexpected folder — item files go directly in the section folder");
      continue;
    }
    if (!entry.name.ends_with(".md")) {
      context.diagnostics.error(context.at_path(path),
                                "this is not an item — item files end in .md, e.g. "
                                "01-service-hours.md (attachments go in documents/)");
      continue;
    }
    context.check_name(path, entry.name);
    try {
      if (auto item = load_item(context, path, scale, checklist_yaml)) {
        items.push_back(std::move(*item));
      }
    } catch (const std::exception& e) {  // yaml-cpp: no exception leaves the library
      context.diagnostics.error(context.at_path(path), std::string("cannot read: ") + e.what());
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (natural_less(a.no, b.no)) return true;
    if (natural_less(b.no, a.no)) return false;
    return a.path < b.path;
  });
  return items;
}

Checklist load_checklist(LoadContext& context, const std::string& id) {
  std::string dir = join_path("checklists", id);
  std::string yaml_path = join_path(dir, "checklist.yaml");
  std::vector<std::string> folders;
  bool has_yaml = false;
  context.item_nos.clear();  // item numbers repeat across checklists, not within one
  for (const Entry& entry : context.list(dir)) {
    std::string path = join_path(dir, entry.name);
    if (!context.check_kind(path, entry)) continue;
    if (entry.name == "checklist.yaml" && entry.kind == EntryKind::kFile) {
      has_yaml = true;
    } else if (entry.kind == EntryKind::kDirectory) {
      context.check_name(path, entry.name);
      folders.push_back(entry.name);
    } else {
      context.diagnostics.error(
          context.at_path(path),
          "unexpected file — a checklist folder holds checklist.yaml and one folder "
          "per section; items go inside a section folder");
    }
  }

  Header header;
  header.checklist.scale = all_answer_statuses();
  if (has_yaml) {
    try {
      header = read_header(context, yaml_path);
    } catch (const std::exception& e) {  // yaml-cpp: no exception leaves the library
      context.diagnostics.error(context.at_path(yaml_path),
                                std::string("cannot read: ") + e.what());
    }
  } else {
    context.diagnostics.error(
        context.at_path(dir),
        "this checklist folder has no checklist.yaml — add one with a title and "
        "the list of sections");
  }
  std::string checklist_yaml = context.source.display_path(yaml_path);

  // Copies: the sections are moved into the checklist below.
  std::vector<std::string> listed_ids;
  std::vector<std::string_view> missing_ids;  // listed without a folder: did-you-mean targets
  for (const ListedSection& listed : header.sections) listed_ids.push_back(listed.section.id);
  for (const std::string& listed : listed_ids) {
    if (std::find(folders.begin(), folders.end(), listed) == folders.end()) {
      missing_ids.push_back(listed);
    }
  }
  Checklist checklist = std::move(header.checklist);
  checklist.id = id;

  for (ListedSection& listed : header.sections) {
    if (std::find(folders.begin(), folders.end(), listed.section.id) == folders.end()) {
      context.diagnostics.error(listed.where,
                                "section \"" + listed.section.id + "\" is listed but " +
                                    context.source.display_path(join_path(dir, listed.section.id)) +
                                    "/ does not exist — create the folder with its items, or "
                                    "remove the section from sections:");
      continue;
    }
    listed.section.items = load_section_items(context, join_path(dir, listed.section.id),
                                              checklist.scale, checklist_yaml);
    checklist.sections.push_back(std::move(listed.section));
  }
  for (const std::string& folder : folders) {
    if (std::find(listed_ids.begin(), listed_ids.end(), folder) != listed_ids.end()) continue;
    std::string path = join_path(dir, folder);
    if (header.read) {
      std::string message = "this folder is not a section listed in " + checklist_yaml +
                            " — add \"- id: " + folder +
                            "\" with a title under sections:, or rename or delete the folder";
      if (auto guess = did_you_mean(folder, missing_ids))
        message += "; did you mean \"" + *guess + "\"?";
      context.diagnostics.error(context.at_path(path), message);
    }
    // Its items are still checked, so every problem shows up in one run.
    load_section_items(context, path, checklist.scale, checklist_yaml);
  }
  return checklist;
}

}  // namespace

std::vector<Checklist> load_checklists(LoadContext& context) {
  std::vector<Checklist> out;
  for (const Entry& entry : context.list("checklists")) {
    std::string path = join_path("checklists", entry.name);
    if (!context.check_kind(path, entry)) continue;
    if (entry.kind != EntryKind::kDirectory) {
      context.diagnostics.error(
          context.at_path(path),
          "unexpected file — each checklist is a folder checklists/<id>/ holding "
          "checklist.yaml and its section folders");
      continue;
    }
    context.check_name(path, entry.name);
    out.push_back(load_checklist(context, entry.name));
  }
  std::sort(out.begin(), out.end(), [](const Checklist& a, const Checklist& b) {
    return std::tie(a.order, a.id) < std::tie(b.order, b.id);
  });
  return out;
}

}  // namespace trustpage::content_detail
