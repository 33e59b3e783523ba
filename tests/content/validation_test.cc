// Every kind of mistake a vendor can make is an error naming file:line:col and what to do.
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "source/source.h"

namespace trustpage {
namespace {

const char kItemPath[] = "checklists/sla/ops/01-hours.md";

// Lines: 1 ---, 2 id, 3 no, 4 item, 5 status, 6 answer, 7 reviewed, then `extra`, then ---.
std::string item(const std::string& id, const std::string& status = "yes",
                 const std::string& extra = "") {
  return "---\nid: " + id + "\nno: 1\nitem: Service hours\nstatus: " + status +
         "\nanswer: 24/7\nreviewed: 2026-03-15\n" + extra + "---\nRemarks.\n";
}

// The smallest valid content; each test breaks one thing.
std::map<std::string, std::string> base() {
  return {
      {"site.yaml",
       "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\n"},
      {"checklists/sla/checklist.yaml",
       "title: SLA\nscale: [yes, no, partial, na]\nsections:\n  - id: ops\n    title: "
       "Operations\n"},
      {kItemPath, item("sla-01")},
      {"pages/about.md", "---\ntitle: About\n---\nBody.\n"},
      {"documents/sla.pdf", "%PDF-1.4"},
  };
}

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.list()) out += diagnostic.to_string() + "\n";
  return out;
}

Diagnostics load(const std::map<std::string, std::string>& files) {
  auto source = open_memory(files);
  LoadOptions options;
  options.today = *Date::parse("2026-04-01");
  Diagnostics diagnostics;
  load_content(*source, options, diagnostics);
  return diagnostics;
}

// The one diagnostic whose message contains `needle`.
Diagnostic the(const Diagnostics& diagnostics, const std::string& needle) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& diagnostic : diagnostics.list()) {
    if (diagnostic.message.find(needle) != std::string::npos) found.push_back(diagnostic);
  }
  INFO("looking for \"" << needle << "\" in:\n" << dump(diagnostics));
  REQUIRE(found.size() == 1);
  return found[0];
}

void check_at(const Diagnostic& diagnostic, const std::string& file, int line, int column) {
  INFO(diagnostic.to_string());
  CHECK(diagnostic.severity == Severity::kError);
  CHECK(diagnostic.where.file == file);
  CHECK(diagnostic.where.line == line);
  CHECK(diagnostic.where.column == column);
}

TEST_CASE("the base fixture is valid") {
  Diagnostics diagnostics = load(base());
  INFO(dump(diagnostics));
  CHECK(diagnostics.list().empty());
}

TEST_CASE("unknown key in an item, with did-you-mean") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: x\nstauts: yes\nanswer: x\nreviewed: 2026-03-15\n---\n";
  Diagnostics diagnostics = load(files);
  Diagnostic unknown = the(diagnostics, "unknown key \"stauts\"");
  check_at(unknown, kItemPath, 5, 1);
  CHECK_THAT(unknown.message, Catch::Contains("allowed keys are id, no, category, item, "
                                              "requirement, unit, status, answer, reviewed, "
                                              "evidence"));
  CHECK_THAT(unknown.message, Catch::EndsWith("did you mean \"status\"?"));
  // ...and the real key is then missing: reported at the mapping (line 2).
  check_at(the(diagnostics, "missing required key \"status\""), kItemPath, 2, 1);
  CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("unknown keys in site.yaml, contacts and certifications") {
  auto files = base();
  files["site.yaml"] =
      "organization: Example\n"
      "service: Cloud\n"
      "base_url: https://trust.example.com/\n"
      "organisation_url: https://example.com/\n"
      "contacts:\n"
      "  - label: Desk\n"
      "    mail: security@example.com\n"
      "certifications:\n"
      "  - name: ISO\n"
      "    vaild_until: 2027-03-31\n"
      "    colour: blue\n";
  Diagnostics diagnostics = load(files);
  Diagnostic site = the(diagnostics, "unknown key \"organisation_url\"");
  check_at(site, "site.yaml", 4, 1);
  CHECK_THAT(site.message, Catch::Contains("did you mean \"organization_url\"?"));
  Diagnostic contact = the(diagnostics, "unknown key \"mail\"");
  check_at(contact, "site.yaml", 7, 5);
  CHECK_THAT(contact.message, Catch::Contains("in a contact — allowed keys are label, email, url"));
  CHECK_THAT(contact.message, Catch::Contains("did you mean \"email\"?"));
  check_at(the(diagnostics, "a contact needs \"email\" or \"url\""), "site.yaml", 6, 5);
  Diagnostic certification = the(diagnostics, "unknown key \"vaild_until\"");
  check_at(certification, "site.yaml", 10, 5);
  CHECK_THAT(certification.message, Catch::Contains("did you mean \"valid_until\"?"));
  Diagnostic no_guess = the(diagnostics, "unknown key \"colour\"");
  check_at(no_guess, "site.yaml", 11, 5);
  CHECK_THAT(no_guess.message, Catch::Contains("fix the spelling or remove the line"));
  CHECK(diagnostics.error_count() == 5);
}

TEST_CASE("unknown keys in checklist.yaml, its sections and pages") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] =
      "titel: SLA\nsections:\n  - id: ops\n    title: Operations\n    titel_en: Ops\n";
  files["pages/about.md"] = "---\ntitle: About\nsumary: x\n---\n";
  Diagnostics diagnostics = load(files);
  Diagnostic checklist = the(diagnostics, "unknown key \"titel\"");
  check_at(checklist, "checklists/sla/checklist.yaml", 1, 1);
  CHECK_THAT(checklist.message, Catch::Contains("did you mean \"title\"?"));
  check_at(the(diagnostics, "missing required key \"title\" in checklist.yaml"),
           "checklists/sla/checklist.yaml", 1, 1);
  Diagnostic section = the(diagnostics, "unknown key \"titel_en\"");
  check_at(section, "checklists/sla/checklist.yaml", 5, 5);
  CHECK_THAT(section.message, Catch::Contains("in a section"));
  Diagnostic page = the(diagnostics, "unknown key \"sumary\"");
  check_at(page, "pages/about.md", 3, 1);  // front matter lines count from the file's top
  CHECK_THAT(page.message, Catch::Contains("did you mean \"summary\"?"));
  CHECK(diagnostics.error_count() == 4);
}

TEST_CASE("missing required keys") {
  auto files = base();
  files["site.yaml"] = "organization: Example\nbase_url: https://trust.example.com/\n";
  files[kItemPath] = "---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nreviewed: 2026-03-15\n---\n";
  files["pages/about.md"] = "---\n---\nNo title.\n";
  files["checklists/sla/checklist.yaml"] = "title: SLA\n";
  Diagnostics diagnostics = load(files);
  Diagnostic site = the(diagnostics, "missing required key \"service\"");
  check_at(site, "site.yaml", 1, 1);
  CHECK_THAT(site.message, Catch::Contains("add a line \"service: ...\""));
  check_at(the(diagnostics, "missing required key \"answer\" in an item"), kItemPath, 2, 1);
  // An empty front matter has no position of its own: line 1.
  Diagnostic page = the(diagnostics, "missing required key \"title\" in a page");
  CHECK(page.where.file == "pages/about.md");
  CHECK(page.where.line == 1);
  check_at(the(diagnostics, "missing required key \"sections\""), "checklists/sla/checklist.yaml",
           1, 1);
}

TEST_CASE("lists or keys where text is expected") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: [a, b]\nstatus: yes\nanswer:\n  short: x\n"
      "reviewed: 2026-03-15\n---\n";
  Diagnostics diagnostics = load(files);
  Diagnostic list = the(diagnostics, "\"item\" must be text, not a list");
  check_at(list, kItemPath, 4, 7);
  CHECK_THAT(list.message, Catch::Contains("item: |"));
  check_at(the(diagnostics, "\"answer\" must be text, not a set of keys"), kItemPath, 7, 3);
}

TEST_CASE("order and stale_after_months must be whole numbers") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] =
      "title: SLA\norder: first\nsections:\n  - id: ops\n    title: Operations\n";
  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\n"
      "stale_after_months: 1.5\n";
  files["pages/about.md"] = "---\ntitle: About\norder: [1]\n---\n";
  Diagnostics diagnostics = load(files);
  Diagnostic order = the(diagnostics, "\"order\" must be a whole number");
  check_at(order, "checklists/sla/checklist.yaml", 2, 8);
  CHECK_THAT(order.message, Catch::Contains("not \"first\""));
  check_at(the(diagnostics, "\"stale_after_months\" must be a whole number of at least 1"),
           "site.yaml", 4, 21);
  check_at(the(diagnostics, "\"order\" must be text, not a list"), "pages/about.md", 3, 8);
}

TEST_CASE("an unknown status lists the allowed ones") {
  auto files = base();
  files[kItemPath] = item("sla-01", "yse");
  Diagnostics diagnostics = load(files);
  Diagnostic status = the(diagnostics, "unknown status \"yse\"");
  check_at(status, kItemPath, 5, 9);
  CHECK_THAT(status.message,
             Catch::Contains("allowed statuses are yes, no, partial, na, undisclosed, planned"));
  CHECK_THAT(status.message, Catch::Contains("did you mean \"yes\"?"));
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("a status outside the checklist's scale") {
  auto files = base();
  files[kItemPath] = item("sla-01", "planned");
  Diagnostics diagnostics = load(files);
  Diagnostic status = the(diagnostics, "is not in this checklist's scale");
  check_at(status, kItemPath, 5, 9);
  CHECK_THAT(status.message, Catch::Contains("(yes, no, partial, na)"));
  CHECK_THAT(status.message, Catch::Contains("checklists/sla/checklist.yaml"));
}

TEST_CASE("a bad scale") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] =
      "title: SLA\nscale: [yes, nope, yes]\nsections:\n  - id: ops\n    title: Operations\n";
  Diagnostics diagnostics = load(files);
  check_at(the(diagnostics, "unknown status \"nope\" in scale"), "checklists/sla/checklist.yaml", 2,
           14);
  check_at(the(diagnostics, "listed twice in scale"), "checklists/sla/checklist.yaml", 2, 20);
}

TEST_CASE("impossible or non-ISO dates") {
  for (std::string bad : {"2026-02-30", "2026-13-01", "April 1", "2026/04/01"}) {
    auto files = base();
    files[kItemPath] =
        "---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nanswer: x\nreviewed: " + bad + "\n---\n";
    Diagnostics diagnostics = load(files);
    Diagnostic date = the(diagnostics, "is not a real date");
    check_at(date, kItemPath, 7, 11);
    CHECK_THAT(date.message, Catch::Contains("\"" + bad + "\""));
    CHECK_THAT(date.message, Catch::Contains("YYYY-MM-DD"));
  }
  auto files = base();
  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\n"
      "certifications:\n  - name: ISO\n    valid_until: 2027-02-29\n";
  check_at(the(load(files), "is not a real date"), "site.yaml", 6, 18);
}

TEST_CASE("duplicate ids name both files and lines") {
  auto files = base();
  files["checklists/sla/ops/02-other.md"] = item("sla-01");
  Diagnostics diagnostics = load(files);
  Diagnostic duplicate = the(diagnostics, "duplicate id \"sla-01\"");
  check_at(duplicate, "checklists/sla/ops/02-other.md", 2, 5);
  CHECK_THAT(duplicate.message, Catch::Contains("also used in checklists/sla/ops/01-hours.md:2:5"));
  CHECK(diagnostics.error_count() == 1);

  SECTION("across checklists too") {
    files.erase("checklists/sla/ops/02-other.md");
    files["checklists/zz/checklist.yaml"] = "title: Z\nsections:\n  - id: a\n    title: A\n";
    files["checklists/zz/a/1.md"] = item("sla-01");
    check_at(the(load(files), "duplicate id"), "checklists/zz/a/1.md", 2, 5);
  }
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
  auto files = base();
  // Line 6: "answer: 24時間" is 12 characters, so the stray byte is in column 13.
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nanswer: 24時間\xff\n"
      "reviewed: 2026-03-15\n---\n";
  files["site.yaml"] = "organization: \x8a\x94\x8e\xae\x89\xef\x8e\xd0\n";  // Shift_JIS
  Diagnostics diagnostics = load(files);
  Diagnostic item_error = the(diagnostics, "is not valid UTF-8 (byte 0xFF");
  check_at(item_error, kItemPath, 6, 13);
  CHECK_THAT(item_error.message, Catch::Contains("save it as UTF-8"));
  check_at(the(diagnostics, "is not valid UTF-8 (byte 0x8A"), "site.yaml", 1, 15);
  // Overlong encodings and surrogates are not UTF-8 either.
  files[kItemPath] = item("sla-01");
  files["site.yaml"] = "a: \xc0\xaf\n";
  check_at(the(load(files), "not valid UTF-8"), "site.yaml", 1, 4);
  files["site.yaml"] = "a: b\n\xed\xa0\x80\n";
  check_at(the(load(files), "not valid UTF-8"), "site.yaml", 2, 1);
}

TEST_CASE("a byte order mark is refused, and the rest is still checked") {
  auto files = base();
  files[kItemPath] = "\xEF\xBB\xBF" + item("sla-01");
  files["site.yaml"] = "\xEF\xBB\xBF" + files["site.yaml"] + "colour: red\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 3);
  const std::vector<Diagnostic>& list = diagnostics.list();
  CHECK(list[0].where.file == kItemPath);
  CHECK(list[0].where.line == 1);
  CHECK_THAT(list[0].message, Catch::Contains("starts with a byte order mark (BOM)"));
  CHECK(list[1].where.file == "site.yaml");
  CHECK_THAT(list[1].message, Catch::Contains("starts with a byte order mark (BOM)"));
  check_at(list[2], "site.yaml", 4, 1);  // the rest of the file was still read
  CHECK_THAT(list[2].message, Catch::Contains("unknown key \"colour\""));
}

TEST_CASE("symlinks anywhere are refused") {
  auto files = base();
  files["pages/link.md"] = "symlink:about.md";
  files["documents/linked.pdf"] = "symlink:/etc/passwd";
  files["checklists/sla/ops/02-link.md"] = "symlink:01-hours.md";
  files["extra"] = "symlink:/";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 4);
  for (const Diagnostic& diagnostic : diagnostics.list()) {
    CHECK_THAT(diagnostic.message, Catch::Contains("is a symlink — symlinks are refused"));
  }
  CHECK(diagnostics.list()[0].where.file == "checklists/sla/ops/02-link.md");
  CHECK(diagnostics.list()[1].where.file == "documents/linked.pdf");
  CHECK(diagnostics.list()[2].where.file == "extra");
  CHECK(diagnostics.list()[3].where.file == "pages/link.md");
}

TEST_CASE("unexpected top-level entries are errors, README.md and dotfiles are ignored") {
  auto files = base();
  files["README.md"] = "# Content\n";
  files[".gitignore"] = "*.tmp\n";
  files[".github/workflows/ci.yml"] = "on: push\n";
  files["page/about.md"] = "---\ntitle: x\n---\n";
  files["notes.txt"] = "todo\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  Diagnostic folder = the(diagnostics, "unexpected folder \"page\"");
  CHECK(folder.where.file == "page");
  CHECK_THAT(folder.message, Catch::Contains("did you mean \"pages\"?"));
  CHECK(the(diagnostics, "unexpected file \"notes.txt\"").where.file == "notes.txt");
}

TEST_CASE("missing site.yaml") {
  auto files = base();
  files.erase("site.yaml");
  Diagnostic missing = the(load(files), "site.yaml is missing");
  CHECK(missing.where.file == "site.yaml");
}

TEST_CASE("section folders must match the sections listed in checklist.yaml") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] =
      "title: SLA\nsections:\n  - id: ops\n    title: Operations\n  - id: security\n"
      "    title: Security\n";
  files["checklists/sla/secuirty/01-x.md"] = item("sla-sec-01");
  Diagnostics diagnostics = load(files);
  Diagnostic listed = the(diagnostics, "section \"security\" is listed but");
  check_at(listed, "checklists/sla/checklist.yaml", 5, 9);
  CHECK_THAT(listed.message, Catch::Contains("checklists/sla/security/ does not exist"));
  Diagnostic unlisted = the(diagnostics, "is not a section listed in");
  CHECK(unlisted.where.file == "checklists/sla/secuirty");
  CHECK_THAT(unlisted.message, Catch::Contains("did you mean \"security\"?"));
  CHECK(diagnostics.error_count() == 2);

  SECTION("items in an unlisted folder are still checked") {
    files["checklists/sla/secuirty/01-x.md"] = item("sla-sec-01", "maybe");
    Diagnostics more = load(files);
    check_at(the(more, "unknown status \"maybe\""), "checklists/sla/secuirty/01-x.md", 5, 9);
  }
}

TEST_CASE("a checklist folder needs checklist.yaml and nothing loose") {
  auto files = base();
  files["checklists/other/a/1.md"] = item("other-1");
  files["checklists/sla/notes.md"] = "# notes\n";
  files["checklists/loose.yaml"] = "title: x\n";
  Diagnostics diagnostics = load(files);
  CHECK(the(diagnostics, "has no checklist.yaml").where.file == "checklists/other");
  CHECK(the(diagnostics, "unexpected file — a checklist folder").where.file ==
        "checklists/sla/notes.md");
  CHECK(the(diagnostics, "unexpected file — each checklist is a folder").where.file ==
        "checklists/loose.yaml");
}

TEST_CASE("file, folder and id names outside a-z 0-9 - _ .") {
  auto files = base();
  files["checklists/sla/ops/02 Backup.md"] = item("sla-02");
  files["documents/Report 2025.pdf"] = "%PDF";
  files["pages/Über.md"] = "---\ntitle: x\n---\n";
  files["checklists/sla/ops/03-x.md"] = item("SLA-03");
  Diagnostics diagnostics = load(files);
  Diagnostic item_name = the(diagnostics, "\"02 Backup.md\"");
  CHECK(item_name.where.file == "checklists/sla/ops/02 Backup.md");
  CHECK_THAT(item_name.message, Catch::Contains("may use only a-z, 0-9"));
  CHECK_THAT(item_name.message, Catch::Contains("e.g. to \"02-backup.md\""));
  CHECK(the(diagnostics, "\"Report 2025.pdf\"").where.file == "documents/Report 2025.pdf");
  CHECK(the(diagnostics, "\"Über.md\"").where.file == "pages/Über.md");
  Diagnostic id = the(diagnostics, "id \"SLA-03\"");
  check_at(id, "checklists/sla/ops/03-x.md", 2, 5);
  CHECK_THAT(id.message, Catch::Contains("\"sla-03\""));
  CHECK(diagnostics.error_count() == 4);
}

TEST_CASE("hidden files below the top level are refused") {
  auto files = base();
  files["documents/.DS_Store"] = "junk";
  Diagnostic hidden = the(load(files), "hidden files and folders");
  CHECK(hidden.where.file == "documents/.DS_Store");
}

TEST_CASE("required lists must not be empty") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] = "title: SLA\nscale: []\nsections: []\n";
  files.erase(kItemPath);
  Diagnostics diagnostics = load(files);
  check_at(the(diagnostics, "\"sections\" is empty"), "checklists/sla/checklist.yaml", 3, 11);
  check_at(the(diagnostics, "\"scale\" is empty"), "checklists/sla/checklist.yaml", 2, 8);
}

TEST_CASE("item and page files must end in .md") {
  auto files = base();
  files["checklists/sla/ops/notes.txt"] = "x";
  files["pages/about.html"] = "<p>x</p>";
  files["checklists/sla/ops/nested/01.md"] = item("sla-nested");
  Diagnostics diagnostics = load(files);
  CHECK(the(diagnostics, "is not an item — item files end in .md").where.file ==
        "checklists/sla/ops/notes.txt");
  CHECK(the(diagnostics, "is not a page — page files end in .md").where.file == "pages/about.html");
  CHECK(the(diagnostics, "unexpected folder").where.file == "checklists/sla/ops/nested");
  CHECK(diagnostics.error_count() == 3);
}

TEST_CASE("empty required values") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: ''\nitem: x\nstatus: yes\nanswer:\nreviewed: 2026-03-15\n---\n";
  Diagnostics diagnostics = load(files);
  Diagnostic answer = the(diagnostics, "\"answer\" is empty");
  check_at(answer, kItemPath, 6, 1);  // an empty value points at its key
  CHECK_THAT(answer.message, Catch::Contains("write a value after \"answer:\""));
  check_at(the(diagnostics, "\"no\" is empty"), kItemPath, 3, 5);
  CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("an unanswered item is one error saying what to fill in") {
  auto files = base();
  // As `trustpage init` writes it: the keys are there, the values are not.
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: Service hours\nstatus:\nanswer:\nreviewed:\n---\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  CHECK(diagnostics.error_count() == 1);
  Diagnostic unanswered = the(diagnostics, "not answered yet");
  check_at(unanswered, kItemPath, 5, 1);  // an empty value points at its key
  CHECK_THAT(unanswered.message, Catch::Contains("set status (yes, no, partial, na), answer"));
}

TEST_CASE("an imported answer without a status asks for the status, quoting the answer") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: Service hours\nstatus:\nanswer: 99.9%以上を目標\n"
      "reviewed: 2026-03-15\n---\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  CHECK(diagnostics.error_count() == 1);
  Diagnostic missing = the(diagnostics, "status not set");
  check_at(missing, kItemPath, 5, 1);
  CHECK_THAT(missing.message, Catch::Contains("\"99.9%以上を目標\""));
}

TEST_CASE("an item with only its answer missing still names the answer") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: Service hours\nstatus: yes\nanswer:\n"
      "reviewed: 2026-03-15\n---\n";
  Diagnostics diagnostics = load(files);
  CHECK(diagnostics.error_count() == 1);
  check_at(the(diagnostics, "\"answer\" is empty"), kItemPath, 6, 1);
}

TEST_CASE("base_url must be an absolute http(s) URL") {
  for (std::string bad : {"trust.example.com", "ftp://trust.example.com/", "https://", "/trust/"}) {
    auto files = base();
    files["site.yaml"] = "organization: Example\nservice: Cloud\nbase_url: " + bad + "\n";
    check_at(the(load(files), "\"base_url\""), "site.yaml", 3, 11);
  }
}

TEST_CASE("links may only be http, https or mailto") {
  auto files = base();
  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\n"
      "contacts:\n"
      "  - label: Desk\n"
      "    url: javascript:alert(1)\n"
      "  - label: Mail\n"
      "    email: mailto:security@example.com\n"
      "certifications:\n"
      "  - name: ISO\n"
      "    url: ftp://example.com/iso.pdf\n";
  files[kItemPath] = item("sla-01", "yes",
                          "evidence:\n"
                          "  - file:///etc/passwd\n"
                          "  - documents/missing.pdf\n"
                          "  - sla.pdf\n"
                          "  - documents/sla.pdf\n"
                          "  - https://example.com/sla\n"
                          "  - mailto:sla@example.com\n");
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  check_at(the(diagnostics, "\"javascript:alert(1)\" uses \"javascript:\""), "site.yaml", 6, 10);
  check_at(the(diagnostics, "is not an e-mail address"), "site.yaml", 8, 12);
  check_at(the(diagnostics, "\"ftp://example.com/iso.pdf\" uses \"ftp:\""), "site.yaml", 11, 10);
  check_at(the(diagnostics, "evidence \"file:///etc/passwd\" uses \"file:\""), kItemPath, 9, 5);
  Diagnostic missing = the(diagnostics, "evidence \"documents/missing.pdf\" does not exist");
  check_at(missing, kItemPath, 10, 5);
  Diagnostic relative = the(diagnostics, "evidence \"sla.pdf\" is neither a link");
  check_at(relative, kItemPath, 11, 5);
  CHECK_THAT(relative.message, Catch::Contains("did you mean \"documents/sla.pdf\"?"));
  CHECK(diagnostics.error_count() == 6);
}

TEST_CASE("evidence may be a single text value") {
  auto files = base();
  files[kItemPath] = item("sla-01", "yes", "evidence: documents/nope.pdf\n");
  check_at(the(load(files), "does not exist"), kItemPath, 8, 11);
}

TEST_CASE("languages are ja or en, once each") {
  auto files = base();
  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\n"
      "languages: [ja, jp, ja]\n";
  Diagnostics diagnostics = load(files);
  Diagnostic unknown = the(diagnostics, "unknown language \"jp\"");
  check_at(unknown, "site.yaml", 4, 17);
  CHECK_THAT(unknown.message, Catch::Contains("did you mean \"ja\"?"));
  check_at(the(diagnostics, "language \"ja\" is listed twice"), "site.yaml", 4, 21);

  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\nlanguages: "
      "[]\n";
  check_at(the(load(files), "\"languages\" is empty"), "site.yaml", 4, 12);
  files["site.yaml"] =
      "organization: Example\nservice: Cloud\nbase_url: https://trust.example.com/\nlanguages: "
      "ja\n";
  check_at(the(load(files), "\"languages\" must be a list"), "site.yaml", 4, 12);
}

TEST_CASE("front matter must open and close with ---") {
  auto files = base();
  files[kItemPath] = "id: sla-01\nno: 1\n";
  files["pages/about.md"] = "---\ntitle: About\nBody without a closing line.\n";
  Diagnostics diagnostics = load(files);
  Diagnostic missing = the(diagnostics, "no front matter");
  CHECK(missing.where.file == kItemPath);
  CHECK(missing.where.line == 1);
  CHECK_THAT(missing.message, Catch::Contains("must start with a line \"---\""));
  Diagnostic unclosed = the(diagnostics, "is never closed");
  CHECK(unclosed.where.file == "pages/about.md");
  CHECK(unclosed.where.line == 1);
}

TEST_CASE("YAML syntax errors point into the file") {
  auto files = base();
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nanswer: 対応: あり\nreviewed: "
      "2026-03-15\n---\n";
  files["checklists/sla/checklist.yaml"] = "title: SLA\nsections: [\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  std::vector<Diagnostic> syntax;
  for (const Diagnostic& diagnostic : diagnostics.list()) {
    if (diagnostic.message.starts_with("YAML syntax error")) syntax.push_back(diagnostic);
  }
  REQUIRE(syntax.size() == 2);
  CHECK(syntax[0].where.file == "checklists/sla/checklist.yaml");
  CHECK(syntax[0].where.line >= 2);
  CHECK(syntax[1].where.file == kItemPath);
  CHECK(syntax[1].where.line == 6);
  CHECK(syntax[1].where.column == 11);  // characters, not bytes: the second ':'
  CHECK_THAT(syntax[1].message, Catch::Contains("in quotes"));
}

TEST_CASE("a stray comma in YAML is a syntax error at the comma and does not hang") {
  // yaml-cpp's LoadAll returned an endless stream of empty documents here.
  auto files = base();
  files[kItemPath] = "---\n\"id\", sla-01\n---\n";
  files["checklists/sla/checklist.yaml"] = "[yes, no], partial\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  std::vector<Diagnostic> comma;
  for (const Diagnostic& diagnostic : diagnostics.list()) {
    if (diagnostic.message.starts_with("YAML syntax error: unexpected \",\"")) {
      comma.push_back(diagnostic);
    }
  }
  REQUIRE(comma.size() == 2);
  check_at(comma[0], "checklists/sla/checklist.yaml", 1, 10);
  check_at(comma[1], kItemPath, 2, 5);
}

TEST_CASE("a second YAML document is named at its first key") {
  auto files = base();
  files["site.yaml"] += "---\nlanguages: [ja]\n";
  check_at(the(load(files), "a second YAML document starts here"), "site.yaml", 5, 1);
}

TEST_CASE("a key given twice") {
  auto files = base();
  files[kItemPath] = item("sla-01", "yes", "status: no\n");
  Diagnostic twice = the(load(files), "key \"status\" is given twice");
  check_at(twice, kItemPath, 8, 1);
  CHECK_THAT(twice.message, Catch::Contains("first on line 5"));
}

TEST_CASE("a whole file that is not a mapping") {
  auto files = base();
  files["site.yaml"] = "- organization\n- service\n";
  files[kItemPath] = "---\njust text\n---\n";
  Diagnostics diagnostics = load(files);
  check_at(the(diagnostics, "site.yaml must be a set of \"key: value\" lines, not a list"),
           "site.yaml", 1, 1);
  check_at(the(diagnostics, "an item must be a set of \"key: value\" lines, not text"), kItemPath,
           2, 1);
}

TEST_CASE("control characters are refused at their line and column") {
  auto files = base();
  // Line 6: "answer: 24時間" is 12 characters, so the NUL is in column 13. It used to cut
  // the answer short on the page without a word.
  files[kItemPath] = std::string("---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nanswer: 24時間") +
                     std::string(1, '\0') + "です\nreviewed: 2026-03-15\n---\n";
  files["site.yaml"] += "service_url: https://example.com/\x0b\n";
  files["pages/about.md"] = "---\ntitle: About\n---\n\tIndented\r\nEsc \x1b[0m and \x7f\x01\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  Diagnostic nul = the(diagnostics, "control character U+0000");
  check_at(nul, kItemPath, 6, 13);
  CHECK(nul.message ==
        "control character U+0000 at line 6, column 13 (after \"answer: 24時間\") — remove it "
        "(often pasted from Excel/PDF)");
  Diagnostic vertical_tab = the(diagnostics, "control character U+000B");
  check_at(vertical_tab, "site.yaml", 4, 34);
  // TAB and CR are fine; the first bad byte is reported, with a count of the rest.
  Diagnostic escape = the(diagnostics, "control character U+001B");
  check_at(escape, "pages/about.md", 5, 5);
  CHECK(escape.message ==
        "control character U+001B at line 5, column 5 (after \"Esc \") — remove it (often pasted "
        "from Excel/PDF); there are 2 more in this file");
  CHECK(diagnostics.error_count() == 3);

  SECTION("DEL, and a control character at the start of a line") {
    files = base();
    files["checklists/sla/checklist.yaml"] += "\x7f\n";
    files["pages/about.md"] = "---\ntitle: About\n---\nok\tok\n";  // a TAB alone is fine
    Diagnostics del = load(files);
    INFO(dump(del));
    Diagnostic at_start = the(del, "control character U+007F");
    check_at(at_start, "checklists/sla/checklist.yaml", 6, 1);
    CHECK(at_start.message ==
          "control character U+007F at line 6, column 1 — remove it (often pasted from "
          "Excel/PDF)");
    CHECK(del.error_count() == 1);
  }
}

TEST_CASE("documents/ publishes an allowlist of types; anything else is refused by name") {
  auto files = base();
  // .xht and .xhtm were once published: served as application/xhtml+xml they run script.
  const std::vector<std::string> refused_names = {
      "x.html", "x.htm",  "x.xhtml",  "x.xht",       "x.xhtm",     "x.shtml",
      "x.svg",  "x.svgz", "x.xml",    "x.xsl",       "x.js",       "x.mjs",
      "x.exe",  "x.swf",  "a/b.html", "noextension", "x.pdf.html", ".hidden"};
  for (const std::string& name : refused_names) files["documents/" + name] = "<p>hi</p>";
  files["documents/UPPER.HTML"] = "<p>hi</p>";  // the extension check ignores case
  files["documents/html.pdf"] = "%PDF";         // only the extension counts
  files["documents/notes.txt"] = "text";
  files["documents/data.json"] = "{}";
  files["documents/Photo.JPG"] = "jpeg";
  files["documents/readme.md"] = "# published as text";
  files[kItemPath] = item("sla-01", "yes", "evidence: documents/x.html\n");
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  const std::string list =
      "pdf, png, jpg, jpeg, gif, webp, txt, md, csv, tsv, json, xlsx, docx, pptx, odt, ods, odp, "
      "zip, asc, sig, minisig";
  for (const std::string& name : refused_names) {
    Diagnostic refused = the(diagnostics, "documents/" + name + " is not a type");
    CHECK(refused.severity == Severity::kError);
    CHECK(refused.where.file == "documents/" + name);
    CHECK(refused.where.line == 0);
    CHECK(refused.message == "documents/" + name + " is not a type documents/ publishes (" + list +
                                 "): a browser could run another type as a web page on the "
                                 "trust center's own site — convert it to one of these (PDF, "
                                 "say), or link to it with an https URL");
  }
  CHECK(the(diagnostics, "documents/UPPER.HTML is not a type").where.file ==
        "documents/UPPER.HTML");
  the(diagnostics, "\"UPPER.HTML\" may use only");  // and its name is refused as always
  the(diagnostics, "\"Photo.JPG\" may use only");   // likewise
  // UPPER.HTML's type and name, Photo.JPG's and .hidden's names; the evidence naming a
  // refused document is not reported missing on top.
  CHECK(diagnostics.error_count() == refused_names.size() + 4);

  auto source = open_memory(files);
  LoadOptions options;
  Diagnostics again;
  Content content = load_content(*source, options, again);
  std::vector<std::string> published;
  for (const Document& document : content.documents) published.push_back(document.path);
  CHECK(published == std::vector<std::string>{"Photo.JPG", "data.json", "html.pdf", "notes.txt",
                                              "readme.md", "sla.pdf"});
}

TEST_CASE("a Git LFS pointer in documents/ is refused") {
  auto files = base();
  files["documents/sla.pdf"] =
      "version https://git-lfs.github.com/spec/v1\n"
      "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
      "size 12345\n";
  files["documents/about-lfs.txt"] = "See version https://git-lfs.github.com/spec/v1\n";  // fine
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  Diagnostic pointer = the(diagnostics, "is a Git LFS pointer");
  CHECK(pointer.severity == Severity::kError);
  CHECK(pointer.where.file == "documents/sla.pdf");
  CHECK(pointer.where.line == 0);
  CHECK(pointer.message ==
        "documents/sla.pdf is a Git LFS pointer: the file itself is not committed — run `git lfs "
        "pull` before building, or commit the file without LFS");
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("Markdown over 64 KiB is refused at the body's line") {
  auto files = base();
  std::string long_text;
  while (long_text.size() < 70 * 1024) long_text += "とても長い備考です。\n";  // 31 bytes a line
  // item(): the body starts on line 9, after the closing "---" on line 8.
  files[kItemPath] =
      "---\nid: sla-01\nno: 1\nitem: x\nstatus: yes\nanswer: x\n"
      "reviewed: 2026-03-15\n---\n" +
      long_text;
  files["pages/about.md"] = "---\ntitle: About\n---\n" + long_text;
  std::string indented;  // 31 bytes a line once unindented: 93,000 bytes, 91 KiB
  for (size_t i = 0; i < 3000; ++i) indented += "  とても長い説明です。\n";
  files["checklists/sla/checklist.yaml"] =
      "title: SLA\ndescription: |\n" + indented + "sections:\n  - id: ops\n    title: Operations\n";
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  size_t kib = (long_text.size() + 1023) / 1024;
  Diagnostic remarks = the(diagnostics, "remarks are");
  check_at(remarks, kItemPath, 9, 0);
  CHECK(remarks.message == "remarks are " + std::to_string(kib) +
                               " KiB; the limit is 64 KiB — move long material to documents/ "
                               "and link it");
  Diagnostic page = the(diagnostics, "the page text is");
  check_at(page, "pages/about.md", 4, 0);
  CHECK_THAT(page.message, Catch::EndsWith("KiB; the limit is 64 KiB — move long material to "
                                           "documents/ and link it"));
  Diagnostic description = the(diagnostics, "\"description\" is");
  check_at(description, "checklists/sla/checklist.yaml", 2, 14);
  CHECK_THAT(description.message,
             Catch::StartsWith("\"description\" is 91 KiB; the limit is 64 KiB"));
  CHECK(diagnostics.error_count() == 3);

  SECTION("in site.yaml too") {
    files = base();
    files["site.yaml"] += "description: |\n" + indented;
    check_at(the(load(files), "\"description\" is 91 KiB"), "site.yaml", 4, 14);
  }
  SECTION("exactly 64 KiB is fine") {
    files = base();
    std::string body(64 * 1024 - 1, 'x');
    files["pages/about.md"] = "---\ntitle: About\n---\n" + body + "\n";
    Diagnostics fine = load(files);
    INFO(dump(fine));
    CHECK(fine.list().empty());
    files["pages/about.md"] = "---\ntitle: About\n---\n" + body + "x\n";
    CHECK(the(load(files), "the page text is").message.starts_with("the page text is 65 KiB"));
  }
}

TEST_CASE("the same no twice in one checklist is a warning naming both") {
  auto files = base();
  files["checklists/sla/checklist.yaml"] =
      "title: SLA\nsections:\n  - id: ops\n    title: Operations\n  - id: sec\n    title: S\n";
  files["checklists/sla/ops/02-other.md"] = item("sla-02");  // no: 1, like 01-hours.md
  files["checklists/sla/sec/01-x.md"] =
      "---\nid: sla-sec\nno: '01'\nitem: x\nstatus: yes\nanswer: x\nreviewed: 2026-03-15\n---\n";
  // Another checklist may use the same numbers.
  files["checklists/zz/checklist.yaml"] = "title: Z\nsections:\n  - id: a\n    title: A\n";
  files["checklists/zz/a/1.md"] = item("zz-1");
  Diagnostics diagnostics = load(files);
  INFO(dump(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(diagnostics.warning_count() == 2);
  const Diagnostic& same = diagnostics.list()[0];
  CHECK(same.severity == Severity::kWarning);
  CHECK(same.where.file == "checklists/sla/ops/02-other.md");
  CHECK(same.where.line == 3);
  CHECK(same.where.column == 5);
  CHECK(same.message ==
        "no \"1\" is also used by checklists/sla/ops/01-hours.md:3 — check the numbering");
  const Diagnostic& padded = diagnostics.list()[1];
  CHECK(padded.where.file == "checklists/sla/sec/01-x.md");
  CHECK(padded.where.line == 3);
  CHECK(padded.where.column == 5);
  CHECK(padded.message ==
        "no \"01\" is also used by checklists/sla/ops/01-hours.md:3 (as \"1\") "
        "— check the numbering");
}

TEST_CASE("hostile input never throws") {
  const std::vector<std::string> inputs = {"",
                                           "---",
                                           "---\n---",
                                           "\n\n\n",
                                           "key: *missing_alias\n",
                                           "a: &x [*x]\n",
                                           "[[[[[[[[[[\n",
                                           "? [a, b]\n: c\n",
                                           "a: !!binary AAAA\n",
                                           "a: !!int nope\n",
                                           "%YAML 9.9\n---\na: b\n",
                                           "a: b\n...\nc: d\n",
                                           std::string("a: \0b\n", 6),
                                           "\t- x\n",
                                           "{a: 1, a: 1}\n"};
  for (const std::string& input : inputs) {
    auto files = base();
    files["site.yaml"] = input;
    files[kItemPath] = "---\n" + input + "\n---\n";
    files["checklists/sla/checklist.yaml"] = input;
    files["pages/about.md"] = input;
    INFO(input);
    CHECK_NOTHROW(load(files));
  }
}

}  // namespace
}  // namespace trustpage
