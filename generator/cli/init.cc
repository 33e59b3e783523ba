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
  CiRecipe ci{command.ci, command.trustpage_ref};
  if (ci.trustpage_ref.empty()) ci.trustpage_ref = std::string("v") + kVersion;
  Result<std::vector<PlannedFile>> files = plan_new_repository(*checklist, command.checklist, ci);
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
  bool github = command.ci == CiService::kGitHub;
  std::cout << "Created " << files->size() << " files in " << dir.string() << "/:\n"
            << "  content/site.yaml                     your organization and site — edit it\n"
            << "  content/checklists/" << command.checklist << "/   " << checklist->items.size()
            << " items, all unanswered\n"
            << "  content/pages/overview.md             a sample page\n"
            << "  keys/, .gitignore                     public keys only; private keys stay out\n"
            << (github
                    ? "  .github/workflows/trustpage.yml       CI: check, build, sign, deploy to "
                      "GitHub Pages\n\n"
                    : "  .gitlab-ci.yml                        CI: check, build, sign, deploy to "
                      "GitLab Pages\n\n")
            << "Next:\n"
            << "  cd " << dir.string() << " && git init\n"
            << "  trustpage import your-sheet.xlsx --checklist " << command.checklist
            << " --force   # if you already have answers\n"
            << "  trustpage check                       # lists what is left to answer\n"
            << "  set base_url in content/site.yaml     # the address the site is published at\n"
            << "  trustpage keygen --name your-company  # once; store the key as a CI secret\n"
            << "      it prints `fingerprint: SHA256:…`: give that to customers, who check the\n"
            << "      downloaded site with `trustpage verify DIR --fingerprint SHA256:…`\n"
            << "  commit everything, keys/ included (public halves only)\n\n";
  if (github) {
    std::cout << "In GitHub, before the first push (Settings › Secrets and variables › Actions):\n"
              << "  secret   TRUSTPAGE_SIGNING_KEY     the private key file keygen wrote "
                 "(~/.config/trustpage/your-company.key)\n"
              << "  secret   TRUSTPAGE_KEY_PASSPHRASE  only if the key is encrypted\n"
              << "  variable TRUSTPAGE_SOURCE          git URL of trustpage's sources (CI builds "
              << ci.trustpage_ref << ": TRUSTPAGE_REF in the workflow)\n"
              << "  Settings › Pages › Source: GitHub Actions\n"
              << "First release: Actions › publish › Run workflow, with first_release ticked\n"
              << "  (runs on push fail until then: nothing is deployed yet). Every later push\n"
              << "  publishes the next release, continuing the chain from the site at base_url.\n";
  } else {
    std::cout
        << "In GitLab, before the first push (Settings › CI/CD › Variables, Protected):\n"
        << "  TRUSTPAGE_SIGNING_KEY     Masked; the key as one line: base64 -w0 "
           "~/.config/trustpage/your-company.key\n"
        << "  TRUSTPAGE_KEY_PASSPHRASE  Masked; only if the key is encrypted\n"
        << "  TRUSTPAGE_SOURCE          git URL of trustpage's sources (CI builds "
        << ci.trustpage_ref << ": TRUSTPAGE_REF in .gitlab-ci.yml)\n"
        << "First release: Build › Pipelines › Run pipeline on the default branch, with the\n"
        << "  variable TRUSTPAGE_FIRST_RELEASE = 1 (pipelines on push fail until then: nothing\n"
        << "  is deployed yet). Every later push publishes the next release, continuing the\n"
        << "  chain from the site at base_url.\n";
  }
  return 0;
}

}  // namespace trustpage
