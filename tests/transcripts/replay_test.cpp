// Replaying the command log from an empty cluster reproduces the stored state:
// `swarmsim replay --verify` after mixed sessions, on a paused clock and on a live
// one (the wall clock moving between commands).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

class Replay : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("swarmsim-replay-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `args` with the wall clock at `wall` seconds after 09:00:00.
  int Run(const std::string& args, int wall = 0, std::string* err = nullptr) {
    char clock[64];
    std::snprintf(clock, sizeof clock, "2026-01-05T09:%02d:%02dZ", wall / 60, wall % 60);
    std::string cmd = "cd '" + std::string(SWARMSIM_SOURCE_DIR) + "' && SWARMSIM_STATE='" +
                      (dir_ / "cluster.db").string() + "' SWARMSIM_SEED=3 SWARMSIM_WALL_CLOCK=" + clock + " '" +
                      SWARMSIM_BIN + "' " + args + " >/dev/null 2>'" + (dir_ / "err").string() + "'";
    int status = std::system(cmd.c_str());
    if (err) {
      std::ifstream f(dir_ / "err");
      std::stringstream ss;
      ss << f.rdbuf();
      *err = ss.str();
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path dir_;
};

TEST_F(Replay, PausedSessionReplaysExactly) {
  ASSERT_EQ(Run("swarm init"), 0);
  ASSERT_EQ(Run("node add --count 3 --cpus 2"), 0);
  ASSERT_EQ(Run("time pause"), 0);
  ASSERT_EQ(Run("service create --name web --replicas 4 --reserve-cpu 0.5 nginx:1.25"), 0);
  ASSERT_EQ(Run("time step"), 0);
  ASSERT_EQ(Run("time advance 7s"), 0);
  ASSERT_EQ(Run("service update --image nginx:1.26 web"), 0);
  ASSERT_EQ(Run("time advance 3s"), 0);
  ASSERT_EQ(Run("node update --availability drain node2"), 0);
  ASSERT_EQ(Run("time advance 30s"), 0);
  ASSERT_EQ(Run("service scale web=2"), 0);
  ASSERT_EQ(Run("service create --name db --constraint node.labels.storage==raid postgres"), 0);
  ASSERT_EQ(Run("node update --label-add storage=raid node3"), 0);
  ASSERT_EQ(Run("time advance 1m"), 0);
  ASSERT_NE(Run("service scale nosuch=3"), 0);  // rejected commands leave no trace in the log
  std::string err;
  EXPECT_EQ(Run("replay --verify", 0, &err), 0) << err;
}

TEST_F(Replay, LiveSessionReplaysExactly) {
  // The wall clock moves between commands, so every command first catches up.
  ASSERT_EQ(Run("swarm init", 0), 0);
  ASSERT_EQ(Run("node add --count 2", 1), 0);
  ASSERT_EQ(Run("service create --name web --replicas 5 nginx", 2), 0);
  ASSERT_EQ(Run("service ls", 4), 0);  // read-only: not logged, but it moved time
  ASSERT_EQ(Run("service update --limit-memory 100M web", 5), 0);
  ASSERT_EQ(Run("time speed 4", 9), 0);
  ASSERT_EQ(Run("service ps web", 20), 0);
  ASSERT_EQ(Run("node update --availability drain node1", 21), 0);
  std::string err;
  EXPECT_EQ(Run("replay --verify", 90, &err), 0) << err;
}

TEST_F(Replay, ConfigsAndSecretsReplayFromTheLog) {
  // Their content comes from files and stdin; replay uses what the log recorded,
  // so deleting the file afterwards changes nothing.
  fs::path file = dir_ / "app.json";
  std::ofstream(file) << "{ \"Greeting\": \"recorded\" }\n";
  ASSERT_EQ(Run("swarm init"), 0);
  ASSERT_EQ(Run("time pause"), 0);
  ASSERT_EQ(Run("config create todo-list-config '" + file.string() + "'"), 0);
  ASSERT_EQ(Run("secret create todo-list-secret - < scenarios/todo-list/secrets/secrets.json"), 0);
  ASSERT_EQ(Run("stack deploy -c tests/data/configs/stack.yml app"), 0);
  ASSERT_EQ(Run("time advance 30s"), 0);
  ASSERT_EQ(Run("stack deploy -c tests/data/configs/stack-v2.yml app"), 0);
  ASSERT_EQ(Run("time advance 30s"), 0);
  fs::remove(file);
  std::string err;
  EXPECT_EQ(Run("replay --verify", 0, &err), 0) << err;
}

TEST_F(Replay, NetworksRolesAndPerObjectRemovalsReplay) {
  // `config rm A nope B` is one command per object: two log entries, the failure
  // none. Addresses, tokens and the lead must come out the same.
  ASSERT_EQ(Run("swarm init"), 0);
  ASSERT_EQ(Run("node add --count 2"), 0);
  ASSERT_EQ(Run("time pause"), 0);
  ASSERT_EQ(Run("network create -d overlay backend"), 0);
  ASSERT_EQ(Run("service create --name api --network backend --publish 8080:80 --replicas 3 nginx"), 0);
  ASSERT_EQ(Run("time advance 30s"), 0);
  ASSERT_EQ(Run("node promote node2"), 0);
  ASSERT_EQ(Run("node demote node1"), 0);
  ASSERT_EQ(Run("swarm join-token --rotate worker"), 0);
  ASSERT_EQ(Run("swarm update --task-history-limit 1"), 0);
  ASSERT_EQ(Run("service update --force api"), 0);
  ASSERT_EQ(Run("time advance 30s"), 0);
  ASSERT_EQ(Run("config create a - < scenarios/todo-list/secrets/secrets.json"), 0);
  ASSERT_EQ(Run("config create b - < scenarios/todo-list/secrets/secrets.json"), 0);
  ASSERT_EQ(Run("volume create --node node3 pgdata"), 0);
  ASSERT_EQ(Run("config rm a nope b"), 1);
  ASSERT_EQ(Run("service rm api"), 0);
  ASSERT_EQ(Run("network rm backend"), 0);
  std::string err;
  EXPECT_EQ(Run("replay --verify", 0, &err), 0) << err;
}

}  // namespace
