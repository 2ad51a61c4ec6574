// Property: whatever a class types, `replay --verify` rebuilds the stored cluster.
// Seeded random sessions of node, service, stack and time commands (some of them
// rejected, which must change nothing), on paused and live clocks, through the
// same session code as the CLI; then `replay --verify` must succeed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/command/session.h"

namespace swarmsim {
namespace {

namespace fs = std::filesystem;

constexpr Time kStartWall = 1'767'603'600LL * kSecond;  // 2026-01-05T09:00:00Z

class Session {
 public:
  Session(const fs::path& db, uint64_t seed) {
    options_.database_path = db.string();
    options_.seed = seed;
    options_.wall_now = kStartWall;
    options_.env = {{"PWD", SWARMSIM_SOURCE_DIR}};
    options_.read_file = [](const std::string& path) -> Result<std::string> {
      fs::path p = fs::path(path).is_absolute() ? fs::path(path) : fs::path(SWARMSIM_SOURCE_DIR) / path;
      std::ifstream f(p, std::ios::binary);
      if (!f) return Status::IOError("open " + path + ": no such file or directory");
      std::stringstream ss;
      ss << f.rdbuf();
      return ss.str();
    };
  }

  CommandOutput Run(const std::vector<std::string>& args) { return RunSessionCommand(options_, args); }
  void WallAdvance(Duration d) { options_.wall_now += d; }

 private:
  SessionOptions options_;
};

// One random command. Names come from small pools so commands often hit
// existing objects (and sometimes missing ones).
std::vector<std::string> RandomCommand(std::mt19937_64& rng) {
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  const std::vector<std::string> services = {"web", "api", "db", "ghost"};
  const std::vector<std::string> nodes = {"node1", "node2", "node3", "node4", "node9"};
  const std::vector<std::string> images = {"nginx:1.25", "nginx:1.26", "swarmsim/greeter:1.0",
                                           "swarmsim/greeter:2.0", "swarmsim/greeter:2.1", "swarmsim/crasher",
                                           "swarmsim/oneshot", "alpine"};
  const std::vector<std::string> durations = {"0s", "1s", "5s", "10s", "30s", "2m"};
  switch (rng() % 16) {
    case 0: return {"node", "add"};
    case 1: return {"node", "update", "--availability", pick({"active", "pause", "drain"}), pick(nodes)};
    case 2: return {"node", "down", pick(nodes)};
    case 3: return {"node", "up", pick(nodes)};
    case 4:
      return {"service", "create", "--name", pick(services), "--replicas", std::to_string(rng() % 6),
              "--update-parallelism", std::to_string(rng() % 3), "--update-failure-action",
              pick({"pause", "continue", "rollback"}), "--update-order", pick({"stop-first", "start-first"}),
              "--restart-condition", pick({"any", "on-failure", "none"}), "--restart-max-attempts",
              std::to_string(rng() % 3), pick(images)};
    case 5: return {"service", "update", "--detach", "--image", pick(images), pick(services)};
    case 6: return {"service", "update", "--detach", "--force", pick(services)};
    case 7: return {"service", "scale", "--detach", pick(services) + "=" + std::to_string(rng() % 7)};
    case 8: return {"service", "rm", pick(services)};
    case 9: return {"service", "rollback", "--detach", pick(services)};
    case 10:
      return {"stack", "deploy", "-c",
              pick({"tests/data/greeter/v1.yml", "tests/data/greeter/v2.yml",
                    "tests/data/greeter/v3.yml", "scenarios/todo-list/v1.yml"}),
              pick({"greet", "todo"})};
    case 11: return {"stack", "rm", pick({"greet", "todo"})};
    case 12: return {"time", "step"};
    case 13: return {"service", "update", "--detach", "--update-delay", pick(durations), pick(services)};
    default: return {"time", "advance", pick(durations)};
  }
}

class ReplayProperty : public ::testing::TestWithParam<uint64_t> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("swarmsim-replay-property-" + std::to_string(::getpid()) + "-" + std::to_string(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_P(ReplayProperty, RandomSessionsReplayExactly) {
  const uint64_t seed = GetParam();
  std::mt19937_64 rng(seed);
  Session s(dir_ / "cluster.db", seed + 1);
  ASSERT_EQ(s.Run({"swarm", "init"}).exit_code, 0);
  ASSERT_EQ(s.Run({"node", "add", "--count", "2"}).exit_code, 0);
  // Odd seeds keep a live clock that moves with the wall clock between commands.
  bool live = seed % 2 == 1;
  if (!live) {
    ASSERT_EQ(s.Run({"time", "pause"}).exit_code, 0);
  }
  int ok = 0;
  std::string transcript;
  for (int i = 0; i < 80; ++i) {
    if (live) s.WallAdvance(static_cast<Duration>(rng() % 20) * kSecond);
    std::vector<std::string> cmd = RandomCommand(rng);
    for (const auto& a : cmd) transcript += a + " ";
    CommandOutput out = s.Run(cmd);
    transcript += "-> " + std::to_string(out.exit_code) + "\n";
    ok += out.exit_code == 0;
  }
  CommandOutput verify = s.Run({"replay", "--verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err << "\nsession:\n" << transcript;
  EXPECT_NE(verify.out.find("equals the stored one"), std::string::npos) << verify.out;
  EXPECT_GT(ok, 30) << "most random commands should be accepted:\n" << transcript;
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReplayProperty, ::testing::Values(1, 2, 3, 4, 5, 6));

}  // namespace
}  // namespace swarmsim
