// What docker prints while it waits for a service to converge, poll by poll, on a
// simulated cluster: replicated (a row per slot), global (a row per node), jobs,
// failures, a paused update and a manual rollback.
#include "core/command/service_progress.h"

#include <gtest/gtest.h>

#include "core/control/services.h"
#include "core/orchestrator/reconcile.h"
#include "core/sim/clock.h"

namespace swarmsim {
namespace {

// A line as the tests read it: "ID: action [current/total]", or "> message" for a
// message line.
std::string Describe(const ProgressLine& line) {
  if (!line.message.empty()) return "> " + (line.id.empty() ? "" : line.id + ": ") + line.message;
  std::string s = line.id + ": " + line.action;
  if (line.total != 0) s += " [" + std::to_string(line.current) + "/" + std::to_string(line.total) + "]";
  return s;
}

std::vector<std::string> Describe(const ProgressPoll& poll) {
  std::vector<std::string> out;
  for (const auto& line : poll.lines) out.push_back(Describe(line));
  return out;
}

class ServiceProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.swarm_active = true;
    s_.id_seed = 7;
    s_.clock.now = 1'700'000'000LL * kSecond;
    for (int i = 1; i <= 3; ++i) {
      Node n;
      n.id = NewId(&s_);
      n.description.hostname = "node" + std::to_string(i);
      n.description.resources = {4'000'000'000LL, 8LL << 30};
      n.status.state = NodeState::kReady;
      Touch(&s_, &n);
      s_.nodes[n.id] = n;
      node_ids_.push_back(n.id);
    }
  }

  std::string Create(const std::string& name, ServiceMode mode, uint64_t replicas, const std::string& image,
                     uint64_t max_concurrent = 1) {
    ServiceSpec spec;
    spec.name = name;
    spec.mode = mode;
    spec.replicas = replicas;
    spec.max_concurrent = max_concurrent;
    spec.task_template.container.image = image;
    auto id = CreateService(&s_, spec);
    EXPECT_TRUE(id.ok()) << id.status().message();
    Reconcile(&s_);
    return *id;
  }

  void Advance(Duration d) { AdvanceTo(&s_, s_.clock.now + d); }

  // Polls every 200 ms (virtual) until done, at most `limit`; every line seen.
  std::vector<std::string> PollUntilDone(ServiceProgress* p, Duration limit = 2 * kMinute) {
    std::vector<std::string> all;
    for (Time end = s_.clock.now + limit; s_.clock.now <= end; Advance(200 * kMillisecond)) {
      ProgressPoll poll = p->Poll(&s_);
      for (auto& l : Describe(poll)) all.push_back(l);
      last_ = poll;
      if (poll.done) return all;
    }
    ADD_FAILURE() << "not done after the limit";
    return all;
  }

  static bool Has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  }

  ClusterState s_;
  std::vector<std::string> node_ids_;
  ProgressPoll last_;
};

TEST_F(ServiceProgressTest, ReplicatedFirstPollDrawsEveryRowThenTheStates) {
  Create("web", ServiceMode::kReplicated, 3, "nginx:1.25");
  ServiceProgress p("web");
  ProgressPoll first = p.Poll(&s_);
  EXPECT_FALSE(first.done);
  EXPECT_EQ(Describe(first), (std::vector<std::string>{
                                 "overall progress: 0 out of 3 tasks",
                                 "1/3:  ",
                                 "2/3:  ",
                                 "3/3:  ",
                                 "1/3: assigned  [4/9]",
                                 "2/3: assigned  [4/9]",
                                 "3/3: assigned  [4/9]",
                                 "overall progress: 0 out of 3 tasks",
                             }));
  Advance(200 * kMillisecond);
  EXPECT_EQ(Describe(p.Poll(&s_)), (std::vector<std::string>{
                                       "1/3: preparing [6/9]",
                                       "2/3: preparing [6/9]",
                                       "3/3: preparing [6/9]",
                                       "overall progress: 0 out of 3 tasks",
                                   }));
}

TEST_F(ServiceProgressTest, ReplicatedConvergesAfterTheMonitorPeriod) {
  Create("web", ServiceMode::kReplicated, 2, "nginx:1.25");
  ServiceProgress p("web");
  auto lines = PollUntilDone(&p);
  EXPECT_TRUE(last_.error.ok());
  // Once every task runs: the count, then the monitor period counting down in
  // whole seconds, then the verdict naming the service as given.
  auto at = std::find(lines.begin(), lines.end(), "overall progress: 2 out of 2 tasks");
  ASSERT_NE(at, lines.end());
  EXPECT_EQ(*(at - 1), "2/2: running   [9/9]");
  EXPECT_EQ(*(at + 1), "verify: Waiting 5 seconds to verify that tasks are stable...");
  EXPECT_TRUE(Has(lines, "verify: Waiting 1 seconds to verify that tasks are stable..."));
  EXPECT_FALSE(Has(lines, "verify: Waiting 6 seconds to verify that tasks are stable..."));
  EXPECT_EQ(lines.back(), "verify: Service web converged");
  // After convergence the rows stop changing: no task line follows the full count.
  for (auto it = at + 1; it != lines.end(); ++it) EXPECT_EQ(it->rfind("verify: ", 0), 0u) << *it;
}

TEST_F(ServiceProgressTest, MoreThanTwentyReplicasShowCountsOnly) {
  // 21 tasks on three 4-CPU nodes fit (no reservations).
  Create("many", ServiceMode::kReplicated, 21, "nginx:1.25");
  ServiceProgress p("many");
  EXPECT_EQ(Describe(p.Poll(&s_)), (std::vector<std::string>{"overall progress: 0 out of 21 tasks",
                                                            "overall progress: 0 out of 21 tasks"}));
}

TEST_F(ServiceProgressTest, GlobalHasARowPerNodeNamedByShortNodeId) {
  Create("agent", ServiceMode::kGlobal, 0, "alpine");
  ServiceProgress p("agent");
  auto first = Describe(p.Poll(&s_));
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first[0], "overall progress: 0 out of 3 tasks");
  EXPECT_EQ(first[1], node_ids_[0].substr(0, 12) + ": assigned  [4/9]");
  EXPECT_EQ(first[4], "overall progress: 0 out of 3 tasks");
  auto lines = PollUntilDone(&p);
  EXPECT_TRUE(Has(lines, "overall progress: 3 out of 3 tasks"));
  EXPECT_EQ(lines.back(), "verify: Service agent converged");
}

TEST_F(ServiceProgressTest, GlobalWithNoEligibleNodeWaitsForTasks) {
  ServiceSpec spec;
  spec.name = "nowhere";
  spec.mode = ServiceMode::kGlobal;
  spec.task_template.container.image = "alpine";
  spec.task_template.placement.constraints = {"node.labels.gpu==yes"};
  ASSERT_TRUE(CreateService(&s_, spec).ok());
  Reconcile(&s_);
  ServiceProgress p("nowhere");
  EXPECT_EQ(Describe(p.Poll(&s_)), std::vector<std::string>{"overall progress: waiting for new tasks"});
}

TEST_F(ServiceProgressTest, ReplicatedJobCountsCompletionsAndEndsWithoutVerifying) {
  Create("once", ServiceMode::kReplicatedJob, 2, "example/job:latest", /*max_concurrent=*/1);
  ServiceProgress p("once");
  auto first = Describe(p.Poll(&s_));
  EXPECT_EQ(first, (std::vector<std::string>{
                       "job progress: 0 out of 2 complete [0/2]",
                       "active tasks: 0 out of 1 tasks",
                       "1/2:  ",
                       "2/2:  ",
                       "1/2: assigned  [4/10]",
                       "job progress: 0 out of 2 complete [0/2]",
                       "active tasks: 1 out of 1 tasks",
                   }));
  auto lines = PollUntilDone(&p);
  EXPECT_TRUE(Has(lines, "1/2: complete  [10/10]"));
  EXPECT_TRUE(Has(lines, "job progress: 1 out of 2 complete [1/2]"));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[lines.size() - 3], "job progress: 2 out of 2 complete [2/2]");
  EXPECT_EQ(lines[lines.size() - 2], "active tasks: 0 out of 0 tasks");
  EXPECT_EQ(lines.back(), "> job complete");
}

TEST_F(ServiceProgressTest, GlobalJobCountsTheNodesItStartedOn) {
  Create("everywhere", ServiceMode::kGlobalJob, 0, "example/job:latest");
  ServiceProgress p("everywhere");
  auto first = Describe(p.Poll(&s_));
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first[0], "job progress: 0 out of 3 complete [0/3]");
  EXPECT_EQ(first[1], node_ids_[0] + ": assigned  [4/10]");  // the whole node ID, as docker
  auto lines = PollUntilDone(&p);
  EXPECT_EQ(lines[lines.size() - 2], "job progress: 3 out of 3 complete [3/3]");
  EXPECT_EQ(lines.back(), "> job complete");
}

TEST_F(ServiceProgressTest, ATaskFailureAfterConvergingIsReported) {
  Create("web", ServiceMode::kReplicated, 1, "nginx:1.25");
  ServiceProgress p("web");
  ProgressPoll poll;
  do {
    Advance(200 * kMillisecond);
    poll = p.Poll(&s_);
  } while (!poll.lines.empty() && poll.lines.back().id != "verify");
  ASSERT_EQ(Describe(poll).back(), "verify: Waiting 5 seconds to verify that tasks are stable...");
  // The task dies: the slot shows its error (cut to 75 bytes), the count drops and
  // the wait for stability starts over.
  for (auto& [id, t] : s_.tasks) {
    t.status.state = TaskState::kFailed;
    t.status.err = "task: non-zero exit (137): the container was killed because it ran out of memory";
    t.desired_state = TaskState::kShutdown;
  }
  EXPECT_EQ(Describe(p.Poll(&s_)),
            (std::vector<std::string>{
                "1/1: task: non-zero exit (137): the container was killed because it ran out of \xE2\x80\xA6",
                "overall progress: 0 out of 1 tasks",
                "verify: Detected task failure",
            }));
  EXPECT_FALSE(p.Interrupted().empty());  // no longer converged: Ctrl-C would say so
}

TEST_F(ServiceProgressTest, ErrorsAreCutToSeventyFiveBytes) {
  Create("bad", ServiceMode::kReplicated, 1, "nginx:1.25");
  for (auto& [id, t] : s_.tasks) t.status.err = std::string(80, 'x') + "\nmore";
  ServiceProgress p("bad");
  auto lines = Describe(p.Poll(&s_));
  EXPECT_EQ(lines[2], "1/1: " + std::string(74, 'x') + "\xE2\x80\xA6");
}

TEST_F(ServiceProgressTest, APausedUpdateEndsTheWaitWithDockersError) {
  std::string id = Create("api", ServiceMode::kReplicated, 1, "nginx:1.25");
  s_.services[id].update_status = UpdateStatus{"paused", s_.clock.now, 0,
                                               "update paused due to failure or early termination of task x"};
  ServiceProgress p("api");
  ProgressPoll poll = p.Poll(&s_);
  EXPECT_TRUE(poll.done);
  EXPECT_TRUE(poll.lines.empty());
  EXPECT_EQ(poll.error.message(),
            "service update paused: update paused due to failure or early termination of task x");
  s_.services[id].update_status->state = "rollback_paused";
  ServiceProgress q("api");
  EXPECT_EQ(q.Poll(&s_).error.message(),
            "service rollback paused: update paused due to failure or early termination of task x");
}

TEST_F(ServiceProgressTest, AFinishedUpdateSeenBeforeConvergingEndsAtOnce) {
  std::string id = Create("web", ServiceMode::kReplicated, 1, "nginx:1.25");
  s_.services[id].update_status = UpdateStatus{"completed", s_.clock.now, s_.clock.now, "update completed"};
  ServiceProgress p("web");
  ProgressPoll poll = p.Poll(&s_);
  EXPECT_TRUE(poll.done);
  EXPECT_TRUE(poll.error.ok());
  EXPECT_TRUE(poll.lines.empty());
}

TEST_F(ServiceProgressTest, AManualRollbackSaysSoAndCountsAsRollingBack) {
  std::string id = Create("web", ServiceMode::kReplicated, 2, "nginx:1.25");
  Advance(30 * kSecond);
  ServiceSpec spec = s_.services[id].spec;
  spec.task_template.container.image = "nginx:1.26";
  ASSERT_TRUE(UpdateService(&s_, id, spec).ok());
  Reconcile(&s_);
  Advance(2 * kMinute);
  ASSERT_EQ(s_.services[id].update_status->state, "completed");
  ASSERT_TRUE(RollbackService(&s_, id).ok());
  Reconcile(&s_);
  ServiceProgress p("web");
  auto lines = PollUntilDone(&p);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "rollback: manually requested rollback");
  EXPECT_EQ(lines[1], "overall progress: rolling back update: 0 out of 2 tasks");
  EXPECT_TRUE(Has(lines, "overall progress: rolling back update: 2 out of 2 tasks"));
  // The rollback finished during the monitor period, after convergence was seen:
  // docker keeps its closing message only when it finishes before that.
  EXPECT_EQ(s_.services[id].update_status->state, "rollback_completed");
  EXPECT_EQ(lines.back(), "verify: Service web converged");
}

TEST_F(ServiceProgressTest, ARollbackFinishedBeforeConvergingClosesWithItsMessage) {
  // The rollback is over while the tasks still start (set by hand: swarmsim's
  // updater always finishes after a monitor period, once the tasks run).
  std::string id = Create("web", ServiceMode::kReplicated, 2, "nginx:1.25");
  s_.services[id].update_status = UpdateStatus{"rollback_completed", s_.clock.now, s_.clock.now, "rollback completed"};
  ServiceProgress p("web");
  auto lines = PollUntilDone(&p);
  EXPECT_EQ(lines[0], "overall progress: rolling back update: 0 out of 2 tasks");
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[lines.size() - 2], "verify: Service web converged");
  EXPECT_EQ(lines.back(), "> rollback: rollback completed");
}

TEST_F(ServiceProgressTest, AServiceThatIsGoneEndsTheWait) {
  ServiceProgress p("nope");
  ProgressPoll poll = p.Poll(&s_);
  EXPECT_TRUE(poll.done);
  EXPECT_EQ(poll.error.message(), "Error response from daemon: service nope not found");
}

TEST_F(ServiceProgressTest, CtrlCSaysTheOperationGoesOn) {
  Create("web", ServiceMode::kReplicated, 1, "nginx:1.25");
  ServiceProgress p("web");
  (void)p.Poll(&s_);
  std::vector<std::string> said;
  for (const auto& l : p.Interrupted()) said.push_back(Describe(l));
  EXPECT_EQ(said, (std::vector<std::string>{"> Operation continuing in background.",
                                            "> Use `swarmsim service ps web` to check progress."}));
}

TEST(ClockMovesByItselfTest, OnlyALiveClockOnAMovingWallClock) {
  ClockState clock;
  EXPECT_TRUE(ClockMovesByItself(clock, /*wall_clock_fixed=*/false));
  EXPECT_FALSE(ClockMovesByItself(clock, /*wall_clock_fixed=*/true));
  clock.paused = true;
  EXPECT_FALSE(ClockMovesByItself(clock, false));
}

}  // namespace
}  // namespace swarmsim
