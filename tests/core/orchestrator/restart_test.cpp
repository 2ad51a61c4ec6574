// The restart policy's conditions and max_attempts (per slot, per spec version,
// within the window), and the monitor period of a rolling update.
#include "core/orchestrator/restart.h"

#include <gtest/gtest.h>

#include <deque>
#include <memory>

#include "core/orchestrator/reconcile.h"
#include "core/sim/clock.h"

namespace swarmsim {
namespace {

class RestartAllowedTest : public ::testing::Test {
 protected:
  void SetPolicy(const std::string& condition, uint64_t max_attempts = 0, Duration window = 0) {
    RestartPolicy rp;
    rp.condition = condition;
    if (max_attempts) rp.max_attempts = max_attempts;
    if (window) rp.window = window;
    auto spec = std::make_shared<TaskSpec>();
    spec->restart_policy = rp;
    spec_ = spec;
    svc_.spec.task_template = *spec;
  }

  // A task of the slot created at `created` (seconds), of spec version `version`.
  Task* Add(Time created, uint64_t version = 1) {
    Task& t = tasks_.emplace_back();
    t.created_at = created * kSecond;
    t.spec_version = version;
    t.spec = spec_;
    slot_.tasks.push_back(&t);
    return &t;
  }

  bool Allowed(const Task& t, TaskState ended, Time at_seconds) {
    return RestartAllowed(svc_, slot_, t, ended, at_seconds * kSecond);
  }

  Service svc_;
  Slot slot_;
  std::deque<Task> tasks_;
  std::shared_ptr<const TaskSpec> spec_;
};

TEST_F(RestartAllowedTest, Conditions) {
  SetPolicy("none");
  Task* t = Add(0);
  EXPECT_FALSE(Allowed(*t, TaskState::kFailed, 10));
  SetPolicy("on-failure");
  t->spec = spec_;
  EXPECT_TRUE(Allowed(*t, TaskState::kFailed, 10));
  EXPECT_FALSE(Allowed(*t, TaskState::kComplete, 10));
  EXPECT_TRUE(Allowed(*t, TaskState::kShutdown, 10));  // its node went down
  SetPolicy("any");
  t->spec = spec_;
  EXPECT_TRUE(Allowed(*t, TaskState::kComplete, 10));
}

TEST_F(RestartAllowedTest, MaxAttemptsCountsRestartsOfTheSameSpecVersion) {
  SetPolicy("any", 2);
  Add(0, 1);   // an older version's task: not counted
  Task* first = Add(10, 2);
  EXPECT_TRUE(Allowed(*first, TaskState::kFailed, 20));
  Task* r1 = Add(20, 2);
  EXPECT_TRUE(Allowed(*r1, TaskState::kFailed, 30));
  Task* r2 = Add(30, 2);
  EXPECT_FALSE(Allowed(*r2, TaskState::kFailed, 40));  // two restarts made: no third
}

TEST_F(RestartAllowedTest, WindowOnlyCountsRecentRestarts) {
  SetPolicy("any", 2, 60 * kSecond);
  Add(0);
  Add(10);
  Task* r2 = Add(20);
  EXPECT_FALSE(Allowed(*r2, TaskState::kFailed, 30));
  // Only restarts strictly after now - window count: at 70 s the one at 10 s is out.
  EXPECT_FALSE(Allowed(*r2, TaskState::kFailed, 69));
  EXPECT_TRUE(Allowed(*r2, TaskState::kFailed, 70));
}

// One node and one service of the catalogue's crasher (exits 10 s after starting)
// under `policy`, reconciled and then run for `run`.
ClusterState CrashLoop(const RestartPolicy& policy, Duration run) {
  ClusterState s;
  s.swarm_active = true;
  s.id_seed = 3;
  s.clock.now = 1'700'000'000LL * kSecond;
  Node n;
  n.id = NewId(&s);
  n.description.hostname = "node1";
  n.description.resources = {4'000'000'000LL, 8LL << 30};
  n.status.state = NodeState::kReady;
  Touch(&s, &n);
  s.nodes[n.id] = n;
  Service svc;
  svc.id = NewId(&s);
  svc.spec.name = "crash";
  svc.spec.task_template.container.image = "swarmsim/crasher:latest";
  svc.spec.task_template.restart_policy = policy;
  Touch(&s, &svc);
  s.services[svc.id] = svc;
  Reconcile(&s);
  AdvanceTo(&s, s.clock.now + run);
  return s;
}

TEST(RestartSupervisorTest, FailingTaskStopsAfterMaxAttemptsAndKeepsItsSlot) {
  RestartPolicy on_failure;
  on_failure.condition = "on-failure";
  on_failure.delay = 1 * kSecond;
  on_failure.max_attempts = 3;
  ClusterState s = CrashLoop(on_failure, 10 * kMinute);
  int failed = 0, runnable = 0;
  for (const auto& [id, t] : s.tasks) {
    failed += t.status.state == TaskState::kFailed;
    runnable += t.desired_state <= TaskState::kRunning;
  }
  EXPECT_EQ(failed, 4);  // the first task and 3 restarts
  EXPECT_EQ(runnable, 0);
  EXPECT_EQ(s.tasks.size(), 4u);  // history limit max_attempts + 1
}

// A slow crash loop under a window: each window holds fewer than max_attempts
// restarts, so the slot keeps restarting for as long as time runs while the reaper
// trims its history to max_attempts + 1 (the first task of the version among the
// first to go).
TEST(RestartSupervisorTest, ASlowCrashLoopKeepsRestartingUnderAWindowAsHistoryIsReaped) {
  ClusterState s = CrashLoop(RestartPolicy{"on-failure", 50 * kSecond, 2, 60 * kSecond}, 30 * kMinute);
  int runnable = 0;
  for (const auto& [id, t] : s.tasks) runnable += t.desired_state <= TaskState::kRunning;
  EXPECT_EQ(runnable, 1);          // still restarting after half an hour
  EXPECT_EQ(s.tasks.size(), 3u);   // history limit max_attempts + 1
}

}  // namespace
}  // namespace swarmsim
