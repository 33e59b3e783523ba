// tp_static_server: serves a folder on 127.0.0.1 for the shell tests, so they can point
// `trustpage build --previous` and `verify --site` at a "deployed" site, including hostile
// ones (a redirect elsewhere, an answer that never comes, a body that never ends).
//
//   tp_static_server --root DIR --port-file FILE [--seconds N] [--redirect PATH=URL]...
//                    [--stall PATH]... [--endless PATH]...
//
// Files are read from disk on every request: tests change DIR between two builds.
#include <httplib.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace {

struct ServerOptions {
  fs::path root;
  fs::path port_file;
  int seconds = 300;
  std::map<std::string, std::string> redirects;  // request path -> Location
  std::set<std::string> stalled;
  std::set<std::string> endless;
};

// "a/b" and "/a/b" both name the request path "/a/b".
std::string request_path(std::string path) {
  return path.starts_with('/') ? path : '/' + path;
}

// DIR/path when it is a regular file inside DIR once symlinks are resolved; "" otherwise.
fs::path file_inside(const fs::path& root, std::string path) {
  if (path.empty() || path.ends_with('/')) path += "index.html";
  fs::path relative = fs::path(path).relative_path();
  for (const fs::path& part : relative) {
    if (part == "..") return {};
  }
  std::error_code ec;
  fs::path real = fs::canonical(root / relative, ec);
  if (ec || !fs::is_regular_file(real, ec)) return {};
  auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end() ? real : fs::path();
}

std::string content_type(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".txt" || ext == ".sig" || ext == ".minisig") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool write_port_file(const fs::path& file, int port) {
  // Written aside and renamed: a test polling for the file never reads half a number.
  const fs::path temp = file.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << port << "\n";
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(temp, file, ec);
  return !ec;
}

}  // namespace

int main(int argc, char** argv) {
  ServerOptions options;
  std::vector<std::string> redirects, stalled, endless;
  CLI::App app{"Serves a folder on 127.0.0.1 for trustpage's tests"};
  app.add_option("--root", options.root, "folder to serve")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("--port-file", options.port_file, "where to write the chosen port")->required();
  app.add_option("--seconds", options.seconds, "exit after this long")->check(CLI::PositiveNumber);
  app.add_option("--redirect", redirects, "PATH=URL: answer PATH with a 302 to URL");
  app.add_option("--stall", stalled, "PATH: never answer");
  app.add_option("--endless", endless, "PATH: stream zeros without Content-Length");
  CLI11_PARSE(app, argc, argv);
  for (const std::string& r : redirects) {
    size_t eq = r.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "--redirect " << r << ": expected PATH=URL\n";
      return 2;
    }
    options.redirects[request_path(r.substr(0, eq))] = r.substr(eq + 1);
  }
  for (const std::string& p : stalled) options.stalled.insert(request_path(p));
  for (const std::string& p : endless) options.endless.insert(request_path(p));
  std::error_code ec;
  options.root = fs::canonical(options.root, ec);

  // SIGTERM and SIGINT are taken by sigtimedwait below, so every thread must block them;
  // the server's threads are created after this and inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::atomic<bool> stopping{false};
  httplib::Server server;
  // Short keep-alive, read and write timeouts, so stop() is not held up by an idle client or
  // by one that reads an endless body slowly.
  server.set_keep_alive_timeout(1);
  server.set_read_timeout(2);
  server.set_write_timeout(1);
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::cerr << "tp_static_server: " << req.method << " " << req.target << " -> " << res.status
              << "\n";
  });
  server.Get(R"(.*)", [&](const httplib::Request& req, httplib::Response& res) {
    if (auto it = options.redirects.find(req.path); it != options.redirects.end()) {
      res.set_redirect(it->second, 302);
      return;
    }
    if (options.stalled.count(req.path)) {
      while (!stopping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      res.status = 503;
      return;
    }
    if (options.endless.count(req.path)) {
      // Ends the response (returns false) once the client has gone or the server stops.
      auto zeros = [&stopping](size_t, httplib::DataSink& sink) {
        static const std::string chunk(64 * 1024, '\0');
        return !stopping && sink.write(chunk.data(), chunk.size());
      };
      res.set_chunked_content_provider("application/octet-stream", zeros);
      return;
    }
    fs::path file = file_inside(options.root, req.path.substr(1));
    std::ifstream in(file, std::ios::binary);
    if (file.empty() || !in) {
      res.status = 404;
      res.set_content("not found\n", "text/plain");
      return;
    }
    // Not `stream << rdbuf()`, which fails on an empty file: an empty file is still a file.
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    res.set_content(bytes, content_type(file));
  });

  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::cerr << "tp_static_server: cannot listen on 127.0.0.1\n";
    return 1;
  }
  std::thread listener([&server] { server.listen_after_bind(); });
  // stop() is a no-op until the server runs: a SIGTERM sent as soon as the port file
  // appears must still stop it.
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!write_port_file(options.port_file, port)) {
    std::cerr << "tp_static_server: cannot write " << options.port_file << "\n";
    server.stop();
    listener.join();
    return 1;
  }

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.seconds);
  for (;;) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::seconds(0)) {
      std::cerr << "tp_static_server: " << options.seconds << " s are up\n";
      break;
    }
    const auto whole = std::chrono::duration_cast<std::chrono::seconds>(left);
    const timespec wait{static_cast<time_t>(whole.count()),
                        static_cast<long>(std::chrono::nanoseconds(left - whole).count())};
    if (sigtimedwait(&stop_signals, nullptr, &wait) >= 0) break;  // SIGTERM or SIGINT
    // Otherwise EAGAIN (time is up: checked above) or EINTR (another signal): wait on.
  }

  stopping = true;
  // Bounded even if a client holds a connection open: the process ends a few seconds later.
  std::thread([] {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    std::_Exit(0);
  }).detach();
  server.stop();
  listener.join();
  return 0;
}
