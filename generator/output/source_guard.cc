#include "output/source_guard.h"

#include <system_error>

namespace trustpage {
namespace fs = std::filesystem;

namespace {

// An absolute path with symlinks resolved as far as the path exists.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path out = fs::weakly_canonical(absolute, ec);
  if (ec) out = absolute.lexically_normal();
  if (out.filename().empty()) out = out.parent_path();  // "dir/" -> "dir"
  return out;
}

// Whether `inner` is `outer` or lies below it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

Status refuse(const fs::path& out, const std::string& why) {
  return Status::Error("refusing --out " + out.string() + ": " + why +
                       "; the build replaces the --out folder completely and would delete "
                       "it — choose a folder of its own, such as public/ beside content/");
}

// The nearest folder holding .git at or above `dir`: the repository's work tree.
fs::path repository_root(const fs::path& dir) {
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (fs::exists(fs::symlink_status(p / ".git", ec))) return p;
    if (p == p.root_path()) break;
  }
  return {};
}

// A .git anywhere inside `out` (a clone someone keeps there, say for a Pages branch). Only a
// folder that will be replaced is looked through, and not without end: after this many
// entries it is not a previous site anyway, and the output stage refuses it.
fs::path git_inside(const fs::path& out) {
  constexpr size_t kMaxEntries = 200000;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(out, ec))) return {};
  size_t seen = 0;
  for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (++seen > kMaxEntries) break;
    if (it->path().filename() == ".git") return it->path();
  }
  return {};
}

}  // namespace

Status check_output_clear_of_sources(const fs::path& out_dir,
                                     const std::vector<SourceFolder>& sources) {
  const fs::path out = resolved(out_dir);
  for (const SourceFolder& source : sources) {
    const fs::path folder = resolved(source.path);
    if (out == folder) return refuse(out, "it is " + source.role);
    if (within(out, folder)) {
      return refuse(out, "it is inside " + source.role + " (" + folder.string() + ")");
    }
    const fs::path root = repository_root(folder);
    if (!root.empty() && out == root) {
      return refuse(out, "it is the root of the git repository holding " + source.role);
    }
    if (!root.empty() && within(root, out)) {
      return refuse(out,
                    "it contains the git repository " + root.string() + " holding " + source.role);
    }
    if (!root.empty() && within(out, root / ".git")) {
      return refuse(out, "it is inside the repository's .git folder");
    }
    if (within(folder, out)) {
      return refuse(out, "it contains " + source.role + " (" + folder.string() + ")");
    }
  }
  if (fs::path git = git_inside(out); !git.empty()) {
    return refuse(out, "it holds a git repository (" + git.string() + ")");
  }
  return Status::Ok();
}

}  // namespace trustpage
