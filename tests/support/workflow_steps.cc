// tp_workflow_steps: reads a CI recipe the way the CI service does, so a shell test can run
// its steps on this machine. GitHub Actions: a job's steps in order, each with its env (the
// workflow's, the job's and the step's, later ones winning) and its script; `${{ … }}` is
// left as written for the test to substitute. GitLab CI: a job's scripts and variables.
//
//   tp_workflow_steps FILE.yml JOB [--out DIR]      DIR/NN/{name,id,kind,uses,with,env,shell,run}
//   tp_workflow_steps --gitlab FILE.yml JOB [--out DIR]
//                                   DIR/{image,variables,rules}, DIR/{before_script,script}/NN
//   tp_workflow_steps --permissions FILE.yml        "JOB SCOPE=LEVEL…", "workflow …" first
//   tp_workflow_steps --get FILE.yml KEY[.KEY…]     the node there: a scalar as is, else YAML
//
// env, with and variables hold NUL-terminated KEY=VALUE records (values may span lines).
// Without --out the same is printed for a person to read. Exit 1 when the file does not
// parse or the job or key is missing, 2 on wrong usage.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {
namespace fs = std::filesystem;

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Failure {
  std::string message;
};

std::string scalar(const YAML::Node& node) {
  if (!node || node.IsNull()) return "";
  if (node.IsScalar()) return node.as<std::string>();
  YAML::Emitter out;
  out << node;
  return out.c_str();
}

// The node at root[k1][k2]…, or an undefined node: yaml-cpp throws when indexing a missing one.
YAML::Node child(const YAML::Node& root, std::initializer_list<const char*> keys) {
  YAML::Node node;
  node.reset(root);
  for (const char* key : keys) {
    if (!node.IsMap() || !node[key]) return YAML::Node(YAML::NodeType::Undefined);
    YAML::Node next;
    next.reset(node[key]);
    node.reset(next);
  }
  return node;
}

// A later definition of a key replaces an earlier one, as in the CI services.
void merge(Pairs* into, const YAML::Node& map) {
  if (!map || !map.IsMap()) return;
  for (const auto& kv : map) {
    std::string key = kv.first.as<std::string>();
    // GitLab's long form: `NAME: {value: …, description: …}`.
    std::string value = kv.second.IsMap() ? scalar(kv.second["value"]) : scalar(kv.second);
    auto same = [&](const auto& p) { return p.first == key; };
    if (auto it = std::find_if(into->begin(), into->end(), same); it != into->end()) {
      it->second = value;
    } else {
      into->emplace_back(key, value);
    }
  }
}

std::string records(const Pairs& pairs) {
  std::string out;
  for (const auto& [key, value] : pairs) out += key + "=" + value + '\0';
  return out;
}

std::string readable(const Pairs& pairs, const std::string& indent) {
  std::string out;
  for (const auto& [key, value] : pairs) out += indent + key + "=" + value + "\n";
  return out;
}

YAML::Node load(const std::string& file) {
  try {
    return YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    throw Failure{file + ":" + std::to_string(e.mark.line + 1) + ":" +
                  std::to_string(e.mark.column + 1) + ": error: " + e.msg};
  }
}

YAML::Node job_of(const YAML::Node& root, const std::string& file, const std::string& job) {
  const YAML::Node jobs = root["jobs"] ? root["jobs"] : root;  // GitLab jobs are top-level
  YAML::Node found = jobs.IsMap() ? jobs[job] : YAML::Node();
  if (!found || !found.IsMap()) throw Failure{file + ": error: no job \"" + job + "\""};
  return found;
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw Failure{path.string() + ": error: cannot write"};
}

std::string numbered(size_t i) {
  std::ostringstream name;
  name << std::setw(2) << std::setfill('0') << i + 1;
  return name.str();
}

int github_steps(const std::string& file, const std::string& job_name,
                 const std::optional<fs::path>& out) {
  YAML::Node root = load(file);
  YAML::Node job = job_of(root, file, job_name);
  Pairs job_env;
  merge(&job_env, root["env"]);
  merge(&job_env, job["env"]);
  std::string default_shell = scalar(child(root, {"defaults", "run", "shell"}));
  if (YAML::Node shell = child(job, {"defaults", "run", "shell"})) default_shell = scalar(shell);
  const YAML::Node steps = job["steps"];
  if (!steps || !steps.IsSequence())
    throw Failure{file + ": error: job " + job_name + " has no steps"};
  for (size_t i = 0; i < steps.size(); ++i) {
    const YAML::Node step = steps[i];
    Pairs env = job_env;
    merge(&env, step["env"]);
    Pairs with;
    merge(&with, step["with"]);
    std::string kind = step["uses"] ? "uses" : "run";
    std::string id = scalar(step["id"]);
    std::string name = step["name"]  ? scalar(step["name"])
                       : !id.empty() ? id
                                     : scalar(step["uses"]);
    std::string shell = step["shell"] ? scalar(step["shell"]) : default_shell;
    if (out) {
      fs::path dir = *out / numbered(i);
      write_file(dir / "name", name);
      write_file(dir / "id", id);
      write_file(dir / "kind", kind);
      write_file(dir / "uses", scalar(step["uses"]));
      write_file(dir / "with", records(with));
      write_file(dir / "env", records(env));
      write_file(dir / "shell", shell);
      write_file(dir / "run", scalar(step["run"]));
    } else {
      std::cout << numbered(i) << " " << kind << " " << name
                << (id.empty() ? "" : " (id " + id + ")") << "\n"
                << (kind == "uses" ? "  uses: " + scalar(step["uses"]) + "\n" : "")
                << (with.empty() ? "" : "  with:\n" + readable(with, "    "))
                << (env.empty() ? "" : "  env:\n" + readable(env, "    "))
                << (kind == "run" ? "  run (" + (shell.empty() ? "default" : shell) + "):\n" : "");
      std::istringstream script(scalar(step["run"]));
      for (std::string line; std::getline(script, line);) std::cout << "    " << line << "\n";
    }
  }
  return 0;
}

int gitlab_job(const std::string& file, const std::string& job_name,
               const std::optional<fs::path>& out) {
  YAML::Node root = load(file);
  YAML::Node job = job_of(root, file, job_name);
  Pairs variables;
  merge(&variables, root["variables"]);
  merge(&variables, job["variables"]);
  std::string image = job["image"] ? scalar(job["image"]) : scalar(root["image"]);
  std::string rules;
  for (const auto& rule : job["rules"]) rules += scalar(rule["if"]) + "\n";
  auto lines = [](const YAML::Node& node) {
    std::vector<std::string> all;
    if (node && node.IsSequence()) {
      for (const auto& line : node) all.push_back(scalar(line));
    } else if (node) {
      all.push_back(scalar(node));
    }
    return all;
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> scripts = {
      {"before_script", lines(job["before_script"] ? job["before_script"] : root["before_script"])},
      {"script", lines(job["script"])},
  };
  if (scripts[1].second.empty())
    throw Failure{file + ": error: job " + job_name + " has no script"};
  if (out) {
    write_file(*out / "image", image);
    write_file(*out / "variables", records(variables));
    write_file(*out / "rules", rules);
    for (const auto& [section, entries] : scripts) {
      fs::create_directories(*out / section);
      for (size_t i = 0; i < entries.size(); ++i)
        write_file(*out / section / numbered(i), entries[i]);
    }
    return 0;
  }
  std::cout << "image: " << image << "\nvariables:\n" << readable(variables, "  ") << "rules:\n";
  std::istringstream rule_lines(rules);
  for (std::string line; std::getline(rule_lines, line);) std::cout << "  if " << line << "\n";
  for (const auto& [section, entries] : scripts) {
    std::cout << section << ":\n";
    for (size_t i = 0; i < entries.size(); ++i) {
      std::istringstream script(entries[i]);
      std::string prefix = "  " + numbered(i) + " ";
      for (std::string line; std::getline(script, line); prefix = "     ") {
        std::cout << prefix << line << "\n";
      }
    }
  }
  return 0;
}

std::string permissions_line(const std::string& who, const YAML::Node& permissions) {
  if (!permissions) return who + " (inherits)";
  if (permissions.IsScalar()) return who + " " + scalar(permissions);
  std::vector<std::string> scopes;
  for (const auto& kv : permissions) scopes.push_back(scalar(kv.first) + "=" + scalar(kv.second));
  if (scopes.empty()) return who + " (none)";
  std::sort(scopes.begin(), scopes.end());
  std::string line = who;
  for (const std::string& s : scopes) line += " " + s;
  return line;
}

int permissions(const std::string& file) {
  YAML::Node root = load(file);
  std::cout << permissions_line("workflow", root["permissions"]) << "\n";
  for (const auto& kv : root["jobs"]) {
    std::cout << permissions_line(scalar(kv.first), kv.second["permissions"]) << "\n";
  }
  return 0;
}

int get(const std::string& file, const std::string& path) {
  YAML::Node node = load(file);
  std::string walked;
  std::istringstream keys(path);
  for (std::string key; std::getline(keys, key, '.');) {
    walked += (walked.empty() ? "" : ".") + key;
    // Each step of the walk needs its own node: assigning to a YAML::Node overwrites the
    // node it refers to instead of rebinding it.
    YAML::Node next;
    if (node.IsMap() && node[key]) {
      next.reset(node[key]);
    } else if (node.IsSequence() && !key.empty() &&
               std::all_of(key.begin(), key.end(), ::isdigit) && std::stoul(key) < node.size()) {
      next.reset(node[std::stoul(key)]);
    } else {
      throw Failure{file + ": error: no " + walked};
    }
    node.reset(next);
  }
  std::cout << (node.IsNull() ? "null" : scalar(node)) << "\n";
  return 0;
}

int usage() {
  std::cerr << "usage: tp_workflow_steps FILE.yml JOB [--out DIR]\n"
               "       tp_workflow_steps --gitlab FILE.yml JOB [--out DIR]\n"
               "       tp_workflow_steps --permissions FILE.yml\n"
               "       tp_workflow_steps --get FILE.yml KEY[.KEY…]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::optional<fs::path> out;
  if (args.size() >= 2 && args[args.size() - 2] == "--out") {
    out = args.back();
    args.resize(args.size() - 2);
  }
  try {
    if (args.size() == 2 && args[0] == "--permissions" && !out) return permissions(args[1]);
    if (args.size() == 3 && args[0] == "--get" && !out) return get(args[1], args[2]);
    if (args.size() == 3 && args[0] == "--gitlab") return gitlab_job(args[1], args[2], out);
    if (args.size() == 2 && !args[0].starts_with("--")) return github_steps(args[0], args[1], out);
  } catch (const Failure& f) {
    std::cerr << f.message << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return usage();
}
