// `trustpage serve`: rebuilds the working tree into memory whenever a file changes and
// serves it on loopback; open pages long-poll for a new version and reload themselves.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "render/html5.h"

namespace trustpage {
namespace fs = std::filesystem;

namespace {

constexpr const char* kLiveScript = R"JS((function () {
  var version = null;
  function poll() {
    fetch('/__trustpage/wait?v=' + (version === null ? '' : version), {cache: 'no-store'})
      .then(function (r) { if (!r.ok) throw new Error('busy'); return r.text(); })
      .then(function (v) {
        if (version !== null && v !== version) { location.reload(); return; }
        version = v;
        poll();
      })
      // Not answered (the server is restarting) or answered early (too many pages wait):
      // try again a little later, at a random moment so that waiting pages do not align.
      .catch(function () { setTimeout(poll, 1000 + Math.random() * 3000); });
  }
  poll();
})();
)JS";

// Paths, sizes and mtimes of every file under the watched folders: cheap to compute for a
// content repo (hundreds of files) and robust where inotify is not (network mounts, editors
// that replace files).
std::string snapshot(const std::vector<fs::path>& roots) {
  std::string out;
  for (const fs::path& root : roots) {
    std::error_code walk;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, walk);
         !walk && it != fs::end(it); it.increment(walk)) {
      // A file that vanishes or cannot be read mid-walk (an editor's temp file) must not
      // hide the files after it.
      std::error_code ec;
      auto size = it->is_regular_file(ec) ? it->file_size(ec) : 0;
      auto time = it->last_write_time(ec).time_since_epoch().count();
      out += it->path().string() + '\t' + std::to_string(size) + '\t' + std::to_string(time) + '\n';
    }
  }
  return out;
}

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".pdf", "application/pdf"},
      {".atom", "application/atom+xml"}};
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= std::strlen(ext) && path.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

// The failed build's diagnostics as a page that reloads itself once the content is fixed.
std::string error_page(const Diagnostics& diagnostics) {
  pugi::xml_document doc;
  pugi::xml_node html = doc.append_child("html");
  pugi::xml_node head = html.append_child("head");
  head.append_child("meta").append_attribute("charset") = "utf-8";
  head.append_child("title").text() = "build failed";
  head.append_child("script").append_attribute("src") = "/__trustpage/live.js";
  pugi::xml_node body = html.append_child("body");
  body.append_child("h1").text() = "The content has errors";
  body.append_child("p").text() = "Fix them and this page reloads.";
  std::string text;
  for (const Diagnostic& d : diagnostics.list()) text += d.to_string() + "\n";
  body.append_child("pre").text() = text.c_str();
  Result<std::string> out = serialize_html5(doc);
  return out.ok() ? *out : text;
}

class Preview {
 public:
  explicit Preview(BuildOptions options) : options_(std::move(options)) {}

  void rebuild() {
    BuildResult result = build_bundle(options_);
    report(result.diagnostics);
    {
      std::lock_guard lock(mutex_);
      if (result.diagnostics.has_errors()) {
        failure_ = error_page(result.diagnostics);
      } else {
        failure_.clear();
        bundle_ = std::make_shared<Bundle>(std::move(result.bundle));
      }
      ++version_;
    }
    changed_.notify_all();
    std::cerr << (result.diagnostics.has_errors() ? "build failed" : "rebuilt") << " (version "
              << version_ << ")\n";
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    std::shared_ptr<Bundle> bundle;
    std::string failure;
    {
      std::lock_guard lock(mutex_);
      bundle = bundle_;
      failure = failure_;
    }
    res.set_header("Cache-Control", "no-store");
    if (!failure.empty()) {
      res.status = 500;
      res.set_content(failure, "text/html; charset=utf-8");
      return;
    }
    std::string path = req.path.substr(1);
    if (path.empty() || path.ends_with("/")) path += "index.html";
    auto it = bundle ? bundle->files().find(path) : decltype(bundle->files().end()){};
    if (!bundle || it == bundle->files().end()) {
      res.status = 404;
      auto nf = bundle ? bundle->files().find("404.html") : decltype(bundle->files().end()){};
      if (bundle && nf != bundle->files().end()) {
        res.set_content(nf->second, "text/html; charset=utf-8");
      } else {
        res.set_content("not found\n", "text/plain");
      }
      return;
    }
    res.set_content(it->second, content_type(path));
  }

  // The version after a change from `seen` (or after 20 s), or nullopt when this poll was
  // answered early to make room: each holds a worker thread, and a page request needs one.
  std::optional<std::string> wait(const std::string& seen) {
    std::unique_lock lock(mutex_);
    const unsigned long ticket = next_ticket_++;
    if (waiting_.size() >= kMaxWaiting) {
      released_.insert(waiting_.front());  // the oldest goes first: it has waited longest
      waiting_.pop_front();
      changed_.notify_all();
    }
    waiting_.push_back(ticket);
    bool released = false;
    changed_.wait_for(lock, std::chrono::seconds(20), [&] {
      released = released_.count(ticket) > 0;
      return released || seen.empty() || std::to_string(version_) != seen;
    });
    released_.erase(ticket);
    if (auto it = std::find(waiting_.begin(), waiting_.end(), ticket); it != waiting_.end())
      waiting_.erase(it);
    if (released) return std::nullopt;
    return std::to_string(version_);
  }

  // Long-polls held at once; the server has kWorkers threads, so ordinary requests always
  // find one free.
  static constexpr size_t kMaxWaiting = 16;
  static constexpr size_t kWorkers = 64;

 private:
  BuildOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::shared_ptr<Bundle> bundle_;
  std::string failure_;
  unsigned version_ = 0;
  unsigned long next_ticket_ = 0;
  std::deque<unsigned long> waiting_;  // tickets of the polls waiting, oldest first
  std::set<unsigned long> released_;   // answered early, not yet woken
};

}  // namespace

int run_serve(const ServeCommand& command) {
  BuildOptions options = command.build.options;
  options.worktree = true;
  options.preview = true;
  std::vector<fs::path> watched{options.content_dir};
  fs::path theme = options.theme_dir.value_or(themes_folder(options.content_dir));
  std::error_code ec;
  if (fs::is_directory(theme, ec)) watched.push_back(theme);

  Preview preview(options);
  preview.rebuild();

  httplib::Server server;
  // Every open page holds one long-poll: the default pool (a few threads) would leave no
  // worker for page requests once a handful of tabs are open.
  server.new_task_queue = [] { return new httplib::ThreadPool(Preview::kWorkers); };
  // An idle keep-alive connection holds a worker too: let go of it soon.
  server.set_keep_alive_timeout(1);
  // Only this machine's browser, by name: a page elsewhere that rebinds its DNS name to
  // 127.0.0.1 must not read the unpublished preview.
  const std::string port = std::to_string(command.port);
  server.set_pre_routing_handler([port](const httplib::Request& req, httplib::Response& res) {
    const std::string host = req.get_header_value("Host");
    if (host == "127.0.0.1:" + port || host == "localhost:" + port || host == "[::1]:" + port) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 403;
    res.set_content("trustpage serve answers only http://127.0.0.1:" + port + "/\n", "text/plain");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get("/__trustpage/live.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(kLiveScript, "text/javascript; charset=utf-8");
  });
  server.Get("/__trustpage/wait", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    std::optional<std::string> version = preview.wait(req.get_param_value("v"));
    if (!version) {
      res.status = 503;  // the page polls again a little later
      res.set_header("Retry-After", "2");
      res.set_content("too many pages wait for changes\n", "text/plain");
      return;
    }
    res.set_content(*version, "text/plain");
  });
  server.Get(R"(/.*)",
             [&](const httplib::Request& req, httplib::Response& res) { preview.serve(req, res); });

  std::atomic<bool> running{true};
  std::thread watcher([&] {
    std::string last = snapshot(watched);
    while (running) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      std::string now = snapshot(watched);
      if (now != last) {
        last = now;
        preview.rebuild();
      }
    }
  });

  if (!server.bind_to_port("127.0.0.1", command.port)) {
    std::cerr << "cannot listen on 127.0.0.1:" << command.port
              << " — is another server running? Try --port\n";
    running = false;
    watcher.join();
    return 1;
  }
  std::cout << "previewing " << options.content_dir.string()
            << " at http://127.0.0.1:" << command.port << "/ (Ctrl-C to stop)" << std::endl;
  server.listen_after_bind();
  running = false;
  watcher.join();
  return 0;
}

}  // namespace trustpage
