// The node agent runs a container's planned life: RUNNING only once healthy,
// exits to COMPLETE or FAILED with swarm's texts, unhealthy fails the task.
#include "core/node/agent.h"

#include <gtest/gtest.h>

#include "core/node/health.h"
#include "core/node/timing.h"
#include "core/orchestrator/reconcile.h"
#include "core/sim/clock.h"

namespace swarmsim {
namespace {

class AgentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.swarm_active = true;
    s_.id_seed = 5;
    s_.clock.now = 1'700'000'000LL * kSecond;
    Node n;
    n.id = NewId(&s_);
    n.description.hostname = "node1";
    n.description.resources = {4'000'000'000LL, 8LL << 30};
    n.status.state = NodeState::kReady;
    Touch(&s_, &n);
    s_.nodes[n.id] = n;
  }

  // One replica with restart condition none, so the first task is the only one.
  const Task& Run(const std::string& image, std::optional<HealthConfig> health = std::nullopt) {
    Service svc;
    svc.id = NewId(&s_);
    svc.spec.name = "svc";
    svc.spec.task_template.container.image = image;
    svc.spec.task_template.container.healthcheck = health;
    svc.spec.task_template.restart_policy = RestartPolicy();
    svc.spec.task_template.restart_policy->condition = "none";
    Touch(&s_, &svc);
    s_.services[svc.id] = svc;
    Reconcile(&s_);
    for (const auto& [id, t] : s_.tasks) return t;
    ADD_FAILURE() << "no task";
    static Task none;
    return none;
  }

  // Steps the clock until the task leaves `state`; returns when that happened.
  Time Leave(const Task& t, TaskState state) {
    while (t.status.state <= state) {
      if (!StepToNextEvent(&s_)) break;
    }
    return s_.clock.now;
  }

  ClusterState s_;
};

TEST_F(AgentTest, CrashingProcessFailsWithItsExitCode) {
  const Task& t = Run("swarmsim/crasher:latest");
  Time running = Leave(t, TaskState::kStarting);
  ASSERT_EQ(t.status.state, TaskState::kRunning);
  Time failed = Leave(t, TaskState::kRunning);
  EXPECT_EQ(t.status.state, TaskState::kFailed);
  EXPECT_EQ(t.status.err, "task: non-zero exit (2)");
  EXPECT_EQ(t.status.message, "started");
  EXPECT_EQ(failed - running, 10 * kSecond);
}

TEST_F(AgentTest, ExitZeroCompletes) {
  const Task& t = Run("swarmsim/oneshot:latest");
  Leave(t, TaskState::kRunning);
  EXPECT_EQ(t.status.state, TaskState::kComplete);
  EXPECT_EQ(t.status.message, "finished");
  EXPECT_EQ(t.status.err, "");
}

TEST_F(AgentTest, HealthCheckHoldsTheTaskInStartingUntilHealthy) {
  HealthConfig h{{"CMD", "true"}, 4 * kSecond};
  const Task& t = Run("nginx:latest", h);
  Time starting = Leave(t, TaskState::kReady);
  ASSERT_EQ(t.status.state, TaskState::kStarting);
  Time running = Leave(t, TaskState::kStarting);
  EXPECT_EQ(t.status.state, TaskState::kRunning);
  EXPECT_EQ(running - starting, kStartupTime + 4 * kSecond);
}

TEST_F(AgentTest, NeverHealthyFailsAsUnhealthy) {
  const Task& t = Run("swarmsim/greeter:2.1");
  Time starting = Leave(t, TaskState::kReady);
  Time failed = Leave(t, TaskState::kStarting);
  EXPECT_EQ(t.status.state, TaskState::kFailed);
  EXPECT_EQ(t.status.err, kUnhealthyErr);
  EXPECT_EQ(t.status.message, "starting");
  EXPECT_EQ(failed - starting, kStartupTime + 15 * kSecond);
}

TEST_F(AgentTest, NoHealthcheckFlagIgnoresTheImagesCheck) {
  const Task& t = Run("swarmsim/greeter:2.1", HealthConfig{{"NONE"}});
  Leave(t, TaskState::kStarting);
  EXPECT_EQ(t.status.state, TaskState::kRunning);
  for (int i = 0; i < 50 && StepToNextEvent(&s_); ++i) {
  }
  EXPECT_EQ(t.status.state, TaskState::kRunning);
}

}  // namespace
}  // namespace swarmsim
