#include "core/command/loaded_cluster.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/cluster/canonical.h"
#include "core/command/session.h"
#include "core/sim/clock.h"
#include "core/store/state_store.h"

namespace swarmsim {
namespace {

constexpr Time kWall = 1'767'603'600LL * kSecond;

class LoadedClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / "swarmsim-loaded-cluster-tests" / info->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.database_path = (dir_ / "cluster.db").string();
    options_.seed = 42;
    options_.wall_now = kWall;
    cluster_.path = options_.database_path;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Run(std::vector<std::string> args, Time wall = kWall) {
    options_.wall_now = wall;
    CommandOutput out = RunSessionCommand(options_, args);
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }

  std::filesystem::path dir_;
  SessionOptions options_;
  LoadedCluster cluster_;
};

TEST_F(LoadedClusterTest, ReadsAgainOnlyWhenAnotherConnectionWrote) {
  Run({"swarm", "init"});
  Run({"service", "create", "--name", "web", "nginx:1.25"});
  Run({"time", "pause"});
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  EXPECT_EQ(cluster_.reads, 1u);
  EXPECT_EQ(cluster_.state.services.size(), 1u);
  // A paused clock: however late, nothing to read, nothing written.
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall + 10 * kMinute).ok());
  EXPECT_EQ(cluster_.reads, 1u);
  Run({"service", "create", "--name", "api", "nginx:1.25"});
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  EXPECT_EQ(cluster_.reads, 2u);
  EXPECT_EQ(cluster_.state.services.size(), 2u);
}

TEST_F(LoadedClusterTest, AnIdleLiveClockMovesInMemoryWithoutAReadOrAWrite) {
  Run({"swarm", "init"});
  Run({"service", "create", "--name", "web", "nginx:1.25"});
  Run({"time", "advance", "1m"});  // the task runs; nothing else is due for a while
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  ASSERT_EQ(cluster_.reads, 1u);
  auto due = NextDueTime(&cluster_.state);
  Time before = cluster_.state.clock.now;
  Time step = (due ? std::min<Time>(*due - before, kSecond) : kSecond) / 2;
  ASSERT_GT(step, 0);
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall + step).ok());
  EXPECT_EQ(cluster_.reads, 1u);
  EXPECT_EQ(cluster_.state.clock.now, before + step);
}

TEST_F(LoadedClusterTest, WorkFallingDueIsCaughtUpAndSavedOnce) {
  Run({"swarm", "init"});
  Run({"service", "create", "--name", "web", "nginx:1.25"});
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  ASSERT_NE(cluster_.state.tasks.begin()->second.status.state, TaskState::kRunning);
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall + kMinute).ok());
  EXPECT_EQ(cluster_.reads, 1u) << "nobody else wrote: caught up in memory";
  EXPECT_EQ(cluster_.state.tasks.begin()->second.status.state, TaskState::kRunning);
  // Saved: the file itself holds the running task.
  auto db = Database::Open(options_.database_path).value();
  ASSERT_TRUE(db->Begin().ok());
  ClusterState stored;
  ASSERT_TRUE(LoadState(db.get(), &stored).ok());
  db->Rollback();
  EXPECT_EQ(stored.tasks.begin()->second.status.state, TaskState::kRunning);
}

// Work falling due with no other writer is caught up in memory and saved, not read
// again; the state held and the file then equal what fresh reads give, step after
// step through a rolling update on a live clock.
TEST_F(LoadedClusterTest, WorkFallingDueWithNoOtherWriterIsCaughtUpInMemory) {
  Run({"swarm", "init"});
  Run({"node", "add", "--count", "2"});
  Run({"service", "create", "-d", "--name", "web", "--replicas", "6", "--update-parallelism", "2", "nginx:1.25"});
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  Run({"time", "advance", "1m"}, kWall);
  Run({"service", "update", "-d", "--image", "nginx:1.27", "web"}, kWall);
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  uint64_t reads = cluster_.reads;
  for (Time t = kWall; t <= kWall + 2 * kMinute; t += 700 * kMillisecond) {
    ASSERT_TRUE(RefreshLoadedCluster(&cluster_, t).ok());
    LoadedCluster fresh;
    fresh.path = options_.database_path;
    ASSERT_TRUE(RefreshLoadedCluster(&fresh, t).ok());
    ASSERT_EQ(CanonicalState(cluster_.state), CanonicalState(fresh.state)) << "at +" << (t - kWall) / kMillisecond;
  }
  EXPECT_EQ(cluster_.reads, reads) << "caught up in memory, never read whole";
  EXPECT_EQ(cluster_.state.services.begin()->second.update_status->state, "completed");
}

TEST_F(LoadedClusterTest, ALockedDatabaseKeepsThePreviousState) {
  Run({"swarm", "init"});
  cluster_.busy_timeout_ms = 10;
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  Run({"node", "add"});
  auto cli = Database::Open(options_.database_path).value();
  ASSERT_TRUE(cli->Begin().ok());
  EXPECT_FALSE(RefreshLoadedCluster(&cluster_, kWall).ok());
  EXPECT_EQ(cluster_.state.nodes.size(), 1u);
  cli->Rollback();
  ASSERT_TRUE(RefreshLoadedCluster(&cluster_, kWall).ok());
  EXPECT_EQ(cluster_.state.nodes.size(), 2u);
}

}  // namespace
}  // namespace swarmsim
