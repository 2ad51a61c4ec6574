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

#include <grp.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <thread>

#include "core/command/session.h"
#include <nlohmann/json.hpp>
#include <set>

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
    // The socket exists before the line to paste is printed, and the line is
    // printed before the first request is served: once one is answered, out_ is
    // complete (reading it any earlier raced the server thread).
    std::string ping = Request("GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(ping.rfind("HTTP/1.1 200", 0), 0u) << ping;
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

// A socket for a group: mode 0660, owned by that group, as dockerd's -G makes it.
TEST(EngineServerGroupTest, GroupMakesTheSocketGroupReadable) {
  fs::path dir = fs::temp_directory_path() / ("swarmsim-server-group-" + std::to_string(getpid()));
  fs::create_directories(dir);
  ServeOptions options;
  options.session.database_path = (dir / "cluster.db").string();
  options.wall_clock = [] { return 1'767'603'600LL * kSecond; };
  std::string socket = (dir / "docker.sock").string();
  options.addresses.push_back(ParseListenAddress("unix://" + socket).value());
  struct group* mine = getgrgid(getgid());
  ASSERT_NE(mine, nullptr);
  options.group = mine->gr_name;
  std::ostringstream out, err;
  int code = -1;
  std::thread server([&] { code = RunEngineServer(options, out, err); });
  for (int i = 0; i < 200 && !fs::exists(socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  struct stat st;
  ASSERT_EQ(stat(socket.c_str(), &st), 0) << err.str();
  EXPECT_EQ(st.st_mode & 0777, 0660u);
  EXPECT_EQ(st.st_gid, getgid());
  kill(getpid(), SIGTERM);
  server.join();
  EXPECT_EQ(code, 0);

  // A group that does not exist: a clear error, and nothing left listening.
  options.group = "no-such-group-swarmsim";
  std::ostringstream out2, err2;
  EXPECT_EQ(RunEngineServer(options, out2, err2), 1);
  EXPECT_EQ(err2.str(), "swarmsim serve: could not change group of unix socket " + socket +
                            ": no such group: no-such-group-swarmsim\n");
  EXPECT_FALSE(fs::exists(socket));
  fs::remove_all(dir);
}

// The read path without a server: requests answered as the server answers them.
class CallEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("swarmsim-call-engine-" + std::to_string(getpid())) / info->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.session.database_path = (dir_ / "cluster.db").string();
    options_.session.seed = 42;
    options_.wall_clock = [this] { return wall_; };
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }

  void Run(const std::vector<std::string>& args) {
    SessionOptions s = options_.session;
    s.wall_now = wall_;
    CommandOutput out = RunSessionCommand(s, args);
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }
  EngineResponse Get(const std::string& target) { return CallEngine(options_, &cache_, "GET", target, ""); }
  fs::path dir_;
  ServeOptions options_;
  LoadedCluster cache_;
  Time wall_ = 1'767'603'600LL * kSecond;
};

TEST_F(CallEngineTest, ReadsOnAPausedClockLoadNothingAndWriteNothing) {
  Run({"swarm", "init"});
  Run({"service", "create", "--name", "web", "nginx:1.25"});
  Run({"time", "pause"});
  ASSERT_EQ(Get("/v1.47/services").status, 200);
  ASSERT_EQ(cache_.reads, 1u);
  auto wal = fs::path(options_.session.database_path + "-wal");
  auto wal_size = fs::exists(wal) ? fs::file_size(wal) : 0;
  for (int i = 0; i < 20; ++i) {
    wall_ += kMinute;
    ASSERT_EQ(Get("/v1.47/tasks").status, 200);
    ASSERT_EQ(Get("/_ping").status, 200);
  }
  EXPECT_EQ(cache_.reads, 1u);
  EXPECT_EQ(fs::exists(wal) ? fs::file_size(wal) : 0, wal_size) << "a read wrote to the database";
  // A change made elsewhere is seen by the next read...
  Run({"service", "create", "--name", "api", "nginx:1.25"});
  ASSERT_EQ(Get("/_ping").status, 200);
  EXPECT_EQ(cache_.reads, 1u) << "_ping does not read the cluster";
  auto list = nlohmann::json::parse(Get("/v1.47/services").body);
  EXPECT_EQ(list.size(), 2u);
  EXPECT_EQ(cache_.reads, 2u);
  // ...and so is one made through the API itself, which goes through the session.
  EngineResponse created = CallEngine(options_, &cache_, "POST", "/v1.47/volumes/create", R"({"Name":"data"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(nlohmann::json::parse(Get("/v1.47/volumes").body)["Volumes"].size(), 1u);
  EXPECT_EQ(cache_.reads, 3u);
}

TEST_F(CallEngineTest, ALiveClockMovesTheTasksAsTheCliWould) {
  Run({"swarm", "init"});
  Run({"service", "create", "--name", "web", "nginx:1.25"});
  auto tasks = nlohmann::json::parse(Get("/v1.47/tasks").body);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_NE(tasks[0]["Status"]["State"], "running");
  wall_ += kMinute;
  tasks = nlohmann::json::parse(Get("/v1.47/tasks").body);
  EXPECT_EQ(tasks[0]["Status"]["State"], "running");
}

TEST_F(CallEngineTest, VolumeCreateIsLoggedAndReplays) {
  Run({"swarm", "init"});
  Run({"node", "add"});
  ServeOptions node2 = options_;
  node2.node = "node2";
  EngineResponse created = CallEngine(node2, &cache_, "POST", "/v1.47/volumes/create",
                                      R"({"Name":"data","Labels":{"tier":"db"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(nlohmann::json::parse(created.body)["Name"], "data");
  SessionOptions s = options_.session;
  s.wall_now = wall_;
  CommandOutput replay = RunSessionCommand(s, {"replay", "--verify"});
  EXPECT_EQ(replay.exit_code, 0) << replay.out << replay.err;
  CommandOutput ls = RunSessionCommand(s, {"volume", "ls", "--node", "node2", "-q"});
  EXPECT_EQ(ls.out, "data\n");
}

// docker events' scope and container filters, as the daemon applies them.
TEST_F(CallEngineTest, EventFiltersScopeAndContainer) {
  Run({"swarm", "init"});
  Run({"network", "create", "--driver", "overlay", "backend"});
  Run({"network", "create", "--driver", "bridge", "localnet"});
  Run({"service", "create", "--name", "web", "--mount", "source=data,target=/data", "nginx:1.25"});
  wall_ += kMinute;
  Run({"volume", "ls"});
  auto events = [&](const std::string& filters) {
    std::string target = "/v1.47/events?since=0&until=" + std::to_string(wall_ / kSecond + 1);
    if (!filters.empty()) target += "&filters=" + filters;
    EngineResponse r = Get(target);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<nlohmann::json> out;
    size_t start = 0;
    while (start < r.body.size()) {
      size_t end = r.body.find('\n', start);
      out.push_back(nlohmann::json::parse(r.body.substr(start, end - start)));
      start = end + 1;
    }
    return out;
  };
  auto all = events("");
  std::string container_id;
  std::set<std::string> scopes;
  for (const auto& e : all) {
    scopes.insert(e["Type"].get<std::string>() + ":" + e["scope"].get<std::string>());
    if (e["Type"] == "container") container_id = e["Actor"]["ID"];
  }
  EXPECT_EQ(scopes, (std::set<std::string>{"container:local", "network:local", "network:swarm", "node:swarm",
                                           "service:swarm", "volume:local"}));
  ASSERT_FALSE(container_id.empty());
  // %7B%22scope%22%3A%7B%22local%22%3Atrue%7D%7D = {"scope":{"local":true}}
  for (const auto& e : events("%7B%22scope%22%3A%7B%22local%22%3Atrue%7D%7D")) {
    EXPECT_EQ(e["scope"], "local");
    EXPECT_TRUE(e["Type"] == "container" || e["Type"] == "volume" || e["Actor"]["Attributes"]["name"] == "localnet")
        << e.dump();
  }
  for (const auto& e : events("%7B%22scope%22%3A%7B%22swarm%22%3Atrue%7D%7D")) EXPECT_EQ(e["scope"], "swarm");
  // container=ID prefix, and container=NAME prefix (web.1.TASKID).
  auto by_id = events("%7B%22container%22%3A%7B%22" + container_id.substr(0, 12) + "%22%3Atrue%7D%7D");
  ASSERT_FALSE(by_id.empty());
  for (const auto& e : by_id) EXPECT_EQ(e["Actor"]["ID"], container_id);
  auto by_name = events("%7B%22container%22%3A%7B%22web.1%22%3Atrue%7D%7D");
  ASSERT_FALSE(by_name.empty());
  for (const auto& e : by_name) EXPECT_EQ(e["Actor"]["ID"], container_id);
  // As the daemon does, a container filter also keeps objects whose name starts
  // the same: "web" matches the service web as well as its containers.
  std::set<std::string> types;
  for (const auto& e : events("%7B%22container%22%3A%7B%22web%22%3Atrue%7D%7D")) types.insert(e["Type"]);
  EXPECT_EQ(types, (std::set<std::string>{"container", "service"}));
  EXPECT_TRUE(events("%7B%22container%22%3A%7B%22nosuch%22%3Atrue%7D%7D").empty());
}

}  // namespace
}  // namespace swarmsim
