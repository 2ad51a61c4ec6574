#include "core/command/session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim {
namespace {

constexpr Time kWall = 1'772'000'000LL * kSecond;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / "swarmsim-session-tests" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.database_path = (dir_ / "cluster.db").string();
    options_.wall_now = kWall;
    options_.seed = 5;
  }

  CommandOutput Run(const std::vector<std::string>& args) { return RunSessionCommand(options_, args); }
  void MustRun(const std::vector<std::string>& args) {
    CommandOutput out = Run(args);
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }

  // The command run on the whole stored cluster, tasks included (the path every
  // other command takes), without a session.
  CommandOutput RunOnWholeCluster(const std::vector<std::string>& args) {
    auto db = Database::Open(options_.database_path).value();
    EXPECT_TRUE(db->Begin().ok());
    ClusterState state;
    EXPECT_TRUE(LoadState(db.get(), &state).ok());
    SyncClock(&state, options_.wall_now);
    CommandContext ctx;
    ctx.state = &state;
    ctx.db = db.get();
    CommandOutput out = RunCommand(&ctx, args);
    db->Rollback();
    return out;
  }

  // A cluster whose replica counts touch every rule: a down node with a running
  // task, a replicated job, a global service, a service mid-start.
  void BuildMixedCluster() {
    MustRun({"swarm", "init"});
    MustRun({"time", "pause"});
    MustRun({"node", "add", "--count", "3"});
    MustRun({"service", "create", "--name", "web", "--replicas", "6", "nginx"});
    MustRun({"service", "create", "--name", "every", "--mode", "global", "nginx"});
    MustRun({"service", "create", "--name", "once", "--mode", "replicated-job", "--replicas", "3",
             "--max-concurrent", "2", "example/job"});
    MustRun({"time", "advance", "1m"});
    MustRun({"node", "down", "node2"});
    MustRun({"time", "advance", "5s"});  // node2 not yet Down: its tasks still count
    MustRun({"service", "create", "--name", "late", "--replicas", "2", "nginx"});
  }

  std::filesystem::path dir_;
  SessionOptions options_;
};

TEST_F(SessionTest, ServiceLsWithoutTasksMatchesTheWholeCluster) {
  BuildMixedCluster();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"service", "ls"}, {"service", "ls", "--format", "{{.Name}} {{.Replicas}}"}, {"service", "ls", "-q"}}) {
    CommandOutput narrow = Run(args);
    CommandOutput whole = RunOnWholeCluster(args);
    ASSERT_EQ(narrow.exit_code, 0) << narrow.err;
    EXPECT_EQ(narrow.out, whole.out);
    EXPECT_EQ(narrow.out.empty(), false);
  }
  EXPECT_NE(Run({"service", "ls"}).out.find("once"), std::string::npos);
  // Later, node2 is Down and its tasks no longer count as running.
  MustRun({"time", "advance", "1m"});
  EXPECT_EQ(Run({"service", "ls"}).out, RunOnWholeCluster({"service", "ls"}).out);
}

TEST_F(SessionTest, ALiveClockWithSomethingDueLoadsTheTasks) {
  MustRun({"swarm", "init"});
  MustRun({"service", "create", "--name", "web", "--replicas", "2", "nginx"});
  // The live clock: by now every task has pulled and started, which only a
  // whole load and a catch-up show.
  options_.wall_now += 60 * kSecond;
  CommandOutput out = Run({"service", "ls"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("2/2"), std::string::npos) << out.out;
}

TEST_F(SessionTest, TallyTasksCountsEveryTaskOnce) {
  BuildMixedCluster();
  auto db = Database::Open(options_.database_path).value();
  ASSERT_TRUE(db->Begin().ok());
  ClusterState state;
  ASSERT_TRUE(LoadState(db.get(), &state).ok());
  auto tallies = TallyTasks(db.get());
  ASSERT_TRUE(tallies.ok()) << tallies.status().message();
  uint64_t total = 0;
  for (const TaskTally& t : tallies.value()) {
    total += t.count;
    EXPECT_EQ(t.node_id.empty(), t.state != TaskState::kRunning);
  }
  EXPECT_EQ(total, state.tasks.size());
  ClusterState without;
  std::optional<Time> due;
  ASSERT_TRUE(LoadStateWithoutTasks(db.get(), &without, &due).ok());
  EXPECT_TRUE(without.tasks.empty());
  EXPECT_EQ(without.services.size(), state.services.size());
  db->Rollback();
}

TEST_F(SessionTest, NodeLsStreamsTheTemplatesTable) {
  MustRun({"swarm", "init"});
  MustRun({"time", "pause"});
  MustRun({"node", "add", "--count", "12"});
  MustRun({"node", "add", "a-much-longer-hostname-than-the-others"});
  MustRun({"node", "promote", "node3"});
  MustRun({"node", "update", "--availability", "drain", "node4"});
  // The default table spelled out goes through the template and the tabwriter.
  const std::string kTemplate =
      "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t"
      "{{.ManagerStatus}}\t{{.EngineVersion}}";
  CommandOutput by_template = Run({"node", "ls", "--format", kTemplate});
  ASSERT_EQ(by_template.exit_code, 0) << by_template.err;
  CommandOutput collected = Run({"node", "ls"});
  EXPECT_FALSE(collected.stream);
  EXPECT_EQ(collected.out, by_template.out);

  options_.may_stream = true;
  CommandOutput streamed = Run({"node", "ls"});
  ASSERT_TRUE(streamed.stream);
  std::string text = streamed.out;
  int writes = 0;
  streamed.stream([&](std::string_view s) {
    text += s;
    ++writes;
    return true;
  });
  EXPECT_EQ(text, by_template.out);
  EXPECT_GE(writes, 1);
  // A reader that goes away after the first write gets nothing more.
  CommandOutput again = Run({"node", "ls"});
  int calls = 0;
  again.stream([&](std::string_view) { return ++calls < 1; });
  EXPECT_EQ(calls, 1);
}

// service ps's default table printed from its cells, collected or streamed, is
// the template's table: history rows, errors and all.
TEST_F(SessionTest, ServicePsTableMatchesTheTemplate) {
  BuildMixedCluster();
  MustRun({"service", "update", "--detach", "--image", "nginx:1.27", "web"});
  MustRun({"time", "advance", "2m"});
  const std::string kTemplate =
      "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t"
      "{{ .Ports }}";  // spaces in an action: the rows go through the template engine itself
  CommandOutput by_template = Run({"service", "ps", "web", "once", "--format", kTemplate});
  ASSERT_EQ(by_template.exit_code, 0) << by_template.err;
  EXPECT_NE(by_template.out.find(" \\_ web."), std::string::npos) << by_template.out;
  EXPECT_EQ(Run({"service", "ps", "web", "once"}).out, by_template.out);
  options_.may_stream = true;
  CommandOutput streamed = Run({"service", "ps", "web", "once"});
  ASSERT_TRUE(streamed.stream);
  std::string text = streamed.out;
  streamed.stream([&](std::string_view s) {
    text += s;
    return true;
  });
  EXPECT_EQ(text, by_template.out);
}

}  // namespace
}  // namespace swarmsim
