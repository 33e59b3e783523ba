#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetch/remote_site.h"
#include "support/git_fixture.h"

using trustpage::FetchLimits;
using trustpage::is_url;
using trustpage::RemoteSite;

namespace {

using Clock = std::chrono::steady_clock;

// A web host on 127.0.0.1 that runs in this process for one test and records what it was asked.
class TestHost {
 public:
  struct Certificate {
    std::string cert_file, key_file;  // PEM
  };

  explicit TestHost(const std::function<void(httplib::Server&, TestHost&)>& routes,
                    const Certificate* tls = nullptr)
      : server_(tls ? std::make_unique<httplib::SSLServer>(tls->cert_file.c_str(),
                                                           tls->key_file.c_str())
                    : std::make_unique<httplib::Server>()),
        scheme_(tls ? "https" : "http") {
    REQUIRE(server_->is_valid());
    server_->set_keep_alive_timeout(1);
    // Recorded before the handler runs: a logger runs after the response is sent, so the
    // client could check before the last request was written down.
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard lock(mutex_);
      targets_.push_back(req.target);
      user_agents_.push_back(req.get_header_value("User-Agent"));
      return httplib::Server::HandlerResponse::Unhandled;
    });
    routes(*server_, *this);
    port_ = server_->bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() is a no-op until the server runs, and a listen that starts after it never ends.
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TestHost() {
    stopping_ = true;  // lets stalled and endless handlers return, so stop() can join them
    server_->stop();
    thread_.join();
  }
  TestHost(const TestHost&) = delete;
  TestHost& operator=(const TestHost&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "") const {
    return scheme_ + "://127.0.0.1:" + std::to_string(port_) + "/" + path;
  }
  bool stopping() const { return stopping_; }
  std::vector<std::string> targets() const {
    std::lock_guard lock(mutex_);
    return targets_;
  }
  std::vector<std::string> user_agents() const {
    std::lock_guard lock(mutex_);
    return user_agents_;
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> targets_;
  std::vector<std::string> user_agents_;
};

void serve_text(httplib::Server& server, const std::string& path, const std::string& body) {
  server.Get(path, [body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/octet-stream");
  });
}

RemoteSite open_site(const std::string& url, FetchLimits limits = {}) {
  auto site = RemoteSite::open(url, limits);
  INFO(site.status().message());
  REQUIRE(site.ok());
  return std::move(site).value();
}

// A port on 127.0.0.1 where nothing listens: bound by the kernel's choice, then released.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  close(fd);
  return ntohs(address.sin_port);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a published file is read back byte for byte, as trustpage") {
  const std::string bytes("{\"release\": 3}\n\0\xff binary", 24);
  TestHost host([&](httplib::Server& s, TestHost&) { serve_text(s, "/release.json", bytes); });
  RemoteSite site = open_site(host.url());
  auto file = site.get("release.json");
  INFO(file.status().message());
  REQUIRE(file.ok());
  REQUIRE(file->has_value());
  CHECK(**file == bytes);
  CHECK(site.bytes_fetched() == bytes.size());
  CHECK(host.user_agents() == std::vector<std::string>{"trustpage"});
}

TEST_CASE("a site under a folder is read from that folder, with the slash added") {
  TestHost host([](httplib::Server& s, TestHost&) { serve_text(s, "/trust/release.json", "3"); });
  RemoteSite site = open_site(host.url("trust"));
  CHECK(site.base_url() == host.url("trust/"));
  auto file = site.get("release.json");
  REQUIRE(file.ok());
  REQUIRE(file->has_value());
  CHECK(**file == "3");
}

TEST_CASE("a missing file (404 or 410) is no file, not an error") {
  TestHost host([](httplib::Server& s, TestHost&) {
    s.Get("/gone.json", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
  });
  RemoteSite site = open_site(host.url());
  auto missing = site.get("releases/4/release.json");
  INFO(missing.status().message());
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
  auto gone = site.get("gone.json");
  REQUIRE(gone.ok());
  CHECK_FALSE(gone->has_value());
}

TEST_CASE("a server error names the URL and the status") {
  TestHost host([](httplib::Server& s, TestHost&) {
    s.Get("/release.json", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("oops", "text/plain");
    });
  });
  RemoteSite site = open_site(host.url());
  auto file = site.get("release.json");
  REQUIRE_FALSE(file.ok());
  CHECK_THAT(file.status().message(), Catch::StartsWith(host.url("release.json") + ": "));
  CHECK_THAT(file.status().message(), Catch::Contains("HTTP status 500"));
}

TEST_CASE("a redirect within the site is followed") {
  TestHost host([](httplib::Server& s, TestHost& h) {
    s.Get("/old.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/moved/new.json", 301);
    });
    s.Get("/moved/new.json", [&h](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(h.url("final.json"), 307);  // absolute, same origin
    });
    serve_text(s, "/final.json", "final");
  });
  RemoteSite site = open_site(host.url());
  auto file = site.get("old.json");
  INFO(file.status().message());
  REQUIRE(file.ok());
  REQUIRE(file->has_value());
  CHECK(**file == "final");
  CHECK(host.targets() == std::vector<std::string>{"/old.json", "/moved/new.json", "/final.json"});
}

TEST_CASE("a redirect to another host, port or scheme is refused without following it") {
  TestHost elsewhere([](httplib::Server& s, TestHost&) { serve_text(s, "/x.json", "evil"); });
  const std::string localhost = "http://localhost:" + std::to_string(elsewhere.port()) + "/x.json";
  const std::string other_port = elsewhere.url("x.json");
  TestHost host([&](httplib::Server& s, TestHost& h) {
    s.Get("/host.json",
          [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(localhost); });
    s.Get("/port.json",
          [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(other_port); });
    s.Get("/scheme.json", [&h](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("https://127.0.0.1:" + std::to_string(h.port()) + "/x.json");
    });
  });
  RemoteSite site = open_site(host.url());
  struct Case {
    const char* path;
    const char* reason;
  };
  for (Case c : {Case{"host.json", "(another host)"}, Case{"port.json", "(another port)"},
                 Case{"scheme.json", "(another scheme)"}}) {
    INFO(c.path);
    auto file = site.get(c.path);
    REQUIRE_FALSE(file.ok());
    const std::string& message = file.status().message();
    CHECK_THAT(message, Catch::StartsWith(host.url(c.path) + ": refused: redirect from " +
                                          host.url(c.path) + " to "));
    CHECK_THAT(message, Catch::Contains(c.reason));
  }
  CHECK(elsewhere.targets().empty());
}

TEST_CASE("a redirect loop stops at the redirect limit") {
  TestHost host([](httplib::Server& s, TestHost&) {
    s.Get("/loop.json",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop.json"); });
  });
  FetchLimits limits;
  limits.max_redirects = 2;
  RemoteSite site = open_site(host.url(), limits);
  auto file = site.get("loop.json");
  REQUIRE_FALSE(file.ok());
  CHECK_THAT(file.status().message(), Catch::Contains("more than 2 redirects"));
  CHECK(host.targets().size() == 3);
}

TEST_CASE("a body over the size limit is refused, announced or not") {
  TestHost host([](httplib::Server& s, TestHost& h) {
    serve_text(s, "/big.json", std::string(5000, 'x'));
    s.Get("/endless.json", [&h](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/json", [&h](size_t, httplib::DataSink& sink) {
        static const std::string zeros(16 * 1024, '0');
        return !h.stopping() && sink.write(zeros.data(), zeros.size());
      });
    });
  });
  FetchLimits limits;
  limits.max_file_bytes = 4096;
  RemoteSite site = open_site(host.url(), limits);
  for (const char* path : {"big.json", "endless.json"}) {
    INFO(path);
    const auto start = Clock::now();
    auto file = site.get(path);
    REQUIRE_FALSE(file.ok());
    CHECK_THAT(file.status().message(), Catch::StartsWith(host.url(path) + ": refused: "));
    CHECK_THAT(file.status().message(), Catch::Contains("limit of 4096 bytes for one file"));
    CHECK(seconds_since(start) < 2);
  }
  CHECK(site.bytes_fetched() <= 2 * 4096);
}

TEST_CASE("the files of one site together stay under the total limit") {
  TestHost host([](httplib::Server& s, TestHost&) {
    serve_text(s, "/a.json", std::string(800, 'a'));
    serve_text(s, "/b.json", std::string(800, 'b'));
  });
  FetchLimits limits;
  limits.max_file_bytes = 1000;
  limits.max_total_bytes = 1500;
  RemoteSite site = open_site(host.url(), limits);
  auto a = site.get("a.json");
  REQUIRE(a.ok());
  CHECK(site.bytes_fetched() == 800);
  auto b = site.get("b.json");
  REQUIRE_FALSE(b.ok());
  CHECK_THAT(b.status().message(), Catch::StartsWith(host.url("b.json") + ": refused: "));
  CHECK_THAT(b.status().message(), Catch::Contains("limit of 1500 bytes"));
  CHECK(site.bytes_fetched() <= 1500);
}

TEST_CASE("a host that never answers runs into the time limit") {
  TestHost host([](httplib::Server& s, TestHost& h) {
    s.Get("/stall.json", [&h](const httplib::Request&, httplib::Response& res) {
      while (!h.stopping()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      res.status = 503;
    });
  });
  FetchLimits limits;
  limits.transfer_timeout_seconds = 1;
  RemoteSite site = open_site(host.url(), limits);
  const auto start = Clock::now();
  auto file = site.get("stall.json");
  REQUIRE_FALSE(file.ok());
  CHECK_THAT(file.status().message(), Catch::StartsWith(host.url("stall.json") + ": timed out"));
  CHECK(seconds_since(start) < 3);
}

TEST_CASE("nothing listening on the port is a clear error") {
  const std::string url = "http://127.0.0.1:" + std::to_string(free_port()) + "/";
  RemoteSite site = open_site(url);
  auto file = site.get("release.json");
  REQUIRE_FALSE(file.ok());
  CHECK_THAT(file.status().message(), Catch::StartsWith(url + "release.json: cannot connect"));
}

TEST_CASE("https with a certificate the system does not trust is refused before any request") {
  const std::filesystem::path dir = trustpage::testing::unique_temp_dir("fetch-tls");
  const TestHost::Certificate self_signed{(dir / "cert.pem").string(), (dir / "key.pem").string()};
  trustpage::testing::run(
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 "
      "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
      self_signed.key_file + "' -out '" + self_signed.cert_file + "' 2>/dev/null");
  {
    TestHost host([](httplib::Server& s, TestHost&) { serve_text(s, "/release.json", "3"); },
                  &self_signed);
    RemoteSite site = open_site(host.url());
    auto file = site.get("release.json");
    REQUIRE_FALSE(file.ok());
    CHECK_THAT(file.status().message(), Catch::StartsWith(host.url("release.json") + ": TLS"));
    CHECK(host.targets().empty());
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("only https sites, and plain http on this machine, can be opened") {
  struct Refusal {
    const char* url;
    const char* says;
  };
  for (Refusal r :
       {Refusal{"http://example.com/", "use https://"},
        Refusal{"http://127.0.0.2/", "use https://"},
        Refusal{"ftp://example.com/", "only https://"}, Refusal{"file:///etc/", "only https://"},
        Refusal{"https://u@trust.example.com/", "user name or password"},
        Refusal{"https://u:p@trust.example.com/", "user name or password"},
        Refusal{"https://@trust.example.com/", "user name or password"},
        Refusal{"https://trust.example.com/?q", "query or fragment"},
        Refusal{"https://trust.example.com/?", "query or fragment"},
        Refusal{"https://trust.example.com/#top", "query or fragment"},
        Refusal{"https:///trust/", "host"},
        Refusal{"https://trust example.com/", "not a valid URL"}, Refusal{"site/", "not a URL"}}) {
    INFO(r.url);
    auto site = RemoteSite::open(r.url);
    REQUIRE_FALSE(site.ok());
    CHECK_THAT(site.status().message(), Catch::StartsWith(std::string(r.url) + ": "));
    CHECK_THAT(site.status().message(), Catch::Contains(r.says));
  }
  CHECK(open_site("https://trust.example.com").base_url() == "https://trust.example.com/");
  CHECK(open_site("http://127.0.0.1:8080/sub/").base_url() == "http://127.0.0.1:8080/sub/");
  CHECK(open_site("http://localhost:8080/sub").base_url() == "http://localhost:8080/sub/");
  CHECK(open_site("http://[::1]:8080/").base_url() == "http://[::1]:8080/");
  CHECK(open_site("HTTPS://trust.example.com/x/").base_url() == "https://trust.example.com/x/");
}

TEST_CASE("a URL is told from a folder by its scheme") {
  CHECK(is_url("https://trust.example.com/"));
  CHECK(is_url("HTTP://127.0.0.1/"));
  CHECK_FALSE(is_url("site/public"));
  CHECK_FALSE(is_url("ftp://example.com/"));
  CHECK_FALSE(is_url("https:/trust.example.com"));
}

TEST_CASE("file names are percent-encoded, so none becomes a query or leaves its folder") {
  TestHost host([](httplib::Server&, TestHost&) {});  // every path is a 404
  RemoteSite site = open_site(host.url());
  auto spaced = site.get("docs/my file \xC3\xA9.pdf");
  INFO(spaced.status().message());
  REQUIRE(spaced.ok());
  CHECK_FALSE(spaced->has_value());
  auto marks = site.get("a?b#c%d");
  REQUIRE(marks.ok());
  CHECK(host.targets() ==
        std::vector<std::string>{"/docs/my%20file%20%C3%A9.pdf", "/a%3Fb%23c%25d"});
}

TEST_CASE("an unsafe path is refused before anything is requested") {
  TestHost host([](httplib::Server&, TestHost&) {});  // every path is a 404
  RemoteSite site = open_site(host.url());
  for (const char* path : {"../x", "a/../../x", "/etc/passwd", "a//b", "", "a\\b"}) {
    INFO(path);
    auto file = site.get(path);
    REQUIRE_FALSE(file.ok());
    CHECK_THAT(file.status().message(), Catch::StartsWith(host.url(path) + ": refused: "));
  }
  CHECK(host.targets().empty());
}
