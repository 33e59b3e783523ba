// `trustpage init DIR`: a new content repository with a checklist to answer.
#include <fstream>
#include <iostream>
#include <system_error>

#include "cli/commands.h"

namespace trustpage {
namespace fs = std::filesystem;

int run_init(const InitCommand& command) {
  std::optional<ChecklistTemplate> checklist = builtin_template(command.checklist);
  if (command.template_file) {
    std::ifstream in(*command.template_file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && text.empty()) {
      std::cerr << command.template_file->string() << ": error: cannot read this file\n";
      return 1;
    }
    Result<ChecklistTemplate> parsed = parse_template(text, command.template_file->string());
    if (!parsed.ok()) {
      std::cerr << parsed.status().as_diagnostic().to_string() << '\n';
      return 1;
    }
    checklist = std::move(*parsed);
  }
  if (!checklist) {
    std::string names;
    for (const std::string& n : builtin_template_names()) names += (names.empty() ? "" : ", ") + n;
    std::cerr << "error: no built-in checklist \"" << command.checklist << "\" — use one of "
              << names << ", or give the items with --template FILE.tsv\n";
    return 2;
  }
  Result<std::vector<PlannedFile>> files = plan_new_repository(*checklist, command.checklist);
  if (!files.ok()) {
    std::cerr << "error: " << files.status().message() << '\n';
    return 1;
  }
  std::error_code ec;
  for (const PlannedFile& f : *files) {
    if (fs::exists(command.dir / f.path, ec)) {
      std::cerr << (command.dir / f.path).string()
                << ": error: exists already — init starts a new repository; pick an empty "
                   "folder (nothing was written)\n";
      return 1;
    }
  }
  if (Status s = write_planned_files(*files, command.dir); !s.ok()) {
    std::cerr << s.as_diagnostic().to_string() << '\n';
    return 1;
  }
  fs::path dir = command.dir;
  std::cout << "Created " << files->size() << " files in " << dir.string() << "/:\n"
            << "  content/site.yaml                     your organization and site — edit it\n"
            << "  content/checklists/" << command.checklist << "/   " << checklist->items.size()
            << " items, all unanswered\n"
            << "  content/pages/overview.md             a sample page\n"
            << "  keys/, .gitignore                     public keys only; private keys stay out\n"
            << "  .github/workflows/trustpage.yml       CI: check, build, sign, upload public/\n\n"
            << "Next:\n"
            << "  cd " << dir.string() << " && git init\n"
            << "  trustpage import your-sheet.xlsx --checklist " << command.checklist
            << " --force   # if you already have answers\n"
            << "  trustpage check                       # lists what is left to answer\n"
            << "  trustpage keygen --name your-company  # once; store the key as a CI secret\n";
  return 0;
}

}  // namespace trustpage
