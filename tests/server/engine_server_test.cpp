// The server over a real unix socket: HTTP-level bad input, time-outs, many
// connections, and a clean stop. The server runs in a thread of the test and is
// stopped with SIGTERM, as a terminal would stop it.
#include "server/engine_server.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <thread>

#include "core/command/session.h"

namespace swarmsim {
namespace {

namespace fs = std::filesystem;

class EngineServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("swarmsim-server-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    options_.session.database_path = (dir_ / "cluster.db").string();
    options_.session.seed = 42;
    options_.wall_clock = [] { return 1'767'603'600LL * kSecond; };
    options_.request_timeout = std::chrono::milliseconds(300);
    options_.idle_timeout = std::chrono::milliseconds(300);
    options_.max_body_bytes = 64 * 1024;
    options_.max_connections = 400;
    SessionOptions s = options_.session;
    s.wall_now = options_.wall_clock();
    ASSERT_EQ(RunSessionCommand(s, {"swarm", "init"}).exit_code, 0);
    socket_ = (dir_ / "docker.sock").string();
    options_.addresses.push_back(ParseListenAddress("unix://" + socket_).value());
    server_ = std::thread([this] { exit_code_ = RunEngineServer(options_, out_, err_); });
    for (int i = 0; i < 200 && !fs::exists(socket_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(fs::exists(socket_)) << err_.str();
  }

  void TearDown() override {
    kill(getpid(), SIGTERM);
    server_.join();
    EXPECT_EQ(exit_code_, 0);
    EXPECT_FALSE(fs::exists(socket_)) << "the socket is removed on stop";
    fs::remove_all(dir_);
  }

  int Connect() {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket_.c_str());
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }

  // Sends `request` and reads until the connection closes or `timeout_ms` passes.
  std::string Exchange(int fd, const std::string& request, int timeout_ms = 2000) {
    if (!request.empty()) {
      EXPECT_EQ(write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    }
    std::string got;
    char buf[4096];
    pollfd p{fd, POLLIN, 0};
    while (poll(&p, 1, timeout_ms) > 0) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
      if (got.find("\r\n\r\n") != std::string::npos && got.find("Connection: close") == std::string::npos &&
          got.find("Content-Length: ") != std::string::npos) {
        size_t head = got.find("\r\n\r\n") + 4;
        size_t len = std::stoul(got.substr(got.find("Content-Length: ") + 16));
        if (got.size() >= head + len) break;
      }
    }
    return got;
  }

  std::string Request(const std::string& request) {
    int fd = Connect();
    std::string r = Exchange(fd, request);
    close(fd);
    return r;
  }

  fs::path dir_;
  std::string socket_;
  ServeOptions options_;
  std::ostringstream out_, err_;
  std::thread server_;
  int exit_code_ = -1;
};

TEST_F(EngineServerTest, PrintsTheLineToPasteAndMakesThePrivateSocket) {
  EXPECT_NE(out_.str().find("export DOCKER_HOST=unix://" + socket_ + "\n"), std::string::npos) << out_.str();
  struct stat st;
  ASSERT_EQ(stat(socket_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(EngineServerTest, PingHeadHasHeadersButNoBodyAndKeepsTheConnection) {
  int fd = Connect();
  std::string head = Exchange(fd, "HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n", 500);
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("Api-Version: 1.50\r\n"), std::string::npos);
  EXPECT_EQ(head.substr(head.find("\r\n\r\n") + 4), "");
  std::string get = Exchange(fd, "GET /v1.47/_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
  EXPECT_EQ(get.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << get;
  EXPECT_EQ(get.substr(get.size() - 2), "OK");
  close(fd);
}

TEST_F(EngineServerTest, BadRequestsGetDockersErrorShapeAndTheServerStaysUp) {
  std::string junk = Request("NONSENSE\r\n\r\n");
  EXPECT_EQ(junk.rfind("HTTP/1.1 400", 0), 0u) << junk;
  EXPECT_NE(junk.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(junk.find("{\"message\":"), std::string::npos);
  std::string notfound = Request("GET /v1.47/nosuch HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(notfound.rfind("HTTP/1.1 404", 0), 0u) << notfound;
  EXPECT_NE(notfound.find("{\"message\":\"page not found\"}"), std::string::npos);
  std::string method = Request("PATCH /v1.47/services HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(method.rfind("HTTP/1.1 405", 0), 0u) << method;
  std::string version = Request("GET /v1.51/info HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(version.rfind("HTTP/1.1 400", 0), 0u) << version;
  std::string big(70 * 1024, 'x');
  std::string oversized = Request("POST /v1.47/services/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " + std::to_string(big.size()) + "\r\n\r\n" + big);
  EXPECT_EQ(oversized.rfind("HTTP/1.1 413", 0), 0u) << oversized.substr(0, 200);
  std::string ok = Request("GET /v1.47/info HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(ok.rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(EngineServerTest, AStalledClientIsDroppedWithoutHoldingOthers) {
  int stalled = Connect();
  ASSERT_EQ(write(stalled, "GET /v1.47/info HTTP/1.1\r\nHo", 29), 29);
  std::string other = Request("GET /v1.47/version HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(other.rfind("HTTP/1.1 200", 0), 0u);
  // After the request time-out the stalled connection is closed by the server.
  std::string rest = Exchange(stalled, "", 3000);
  char c;
  EXPECT_LE(read(stalled, &c, 1), 0);
  close(stalled);
}

TEST_F(EngineServerTest, HundredsOfConcurrentConnectionsAreAllAnswered) {
  std::vector<int> fds;
  for (int i = 0; i < 300; ++i) fds.push_back(Connect());
  const std::string ping = "GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n";
  for (int fd : fds) ASSERT_EQ(write(fd, ping.data(), ping.size()), static_cast<ssize_t>(ping.size()));
  int answered = 0;
  for (int fd : fds) {
    std::string r = Exchange(fd, "", 5000);
    answered += r.rfind("HTTP/1.1 200", 0) == 0;
    close(fd);
  }
  EXPECT_EQ(answered, 300);
}

}  // namespace
}  // namespace swarmsim
