// Swarm jobs at the model level: a replicated job runs TotalCompletions tasks at
// most MaxConcurrent at a time, each to COMPLETE; a failed task is retried per
// the restart policy; an update starts a new iteration; a global job runs once
// per node.
#include "core/orchestrator/jobs.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/control/services.h"
#include "core/orchestrator/reconcile.h"
#include "core/sim/clock.h"

namespace swarmsim {
namespace {

class JobsTest : public ::testing::Test {
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
    }
  }

  // example/job exits 0 five seconds after it starts; swarmsim/crasher exits 2 after 10 s.
  std::string Create(const std::string& name, ServiceMode mode, uint64_t total, uint64_t concurrent,
                     const std::string& image = "example/job:latest") {
    ServiceSpec spec;
    spec.name = name;
    spec.mode = mode;
    spec.replicas = total;
    spec.max_concurrent = concurrent;
    spec.task_template.container.image = image;
    auto id = CreateService(&s_, spec);
    EXPECT_TRUE(id.ok()) << id.status().message();
    Reconcile(&s_);
    return *id;
  }

  int Count(const std::string& service_id, TaskState state) {
    int n = 0;
    for (const auto& [id, t] : s_.tasks) n += t.service_id == service_id && t.status.state == state;
    return n;
  }

  // Tasks underway (not finished), current iteration or not.
  int Underway(const std::string& service_id) {
    int n = 0;
    for (const auto& [id, t] : s_.tasks) {
      n += t.service_id == service_id && !IsTerminal(t.status.state) && t.desired_state == TaskState::kComplete;
    }
    return n;
  }

  void Advance(Duration d) { AdvanceTo(&s_, s_.clock.now + d); }

  ClusterState s_;
};

TEST_F(JobsTest, ReplicatedJobRunsOneAtATimeToCompletion) {
  std::string id = Create("once", ServiceMode::kReplicatedJob, 3, 1);
  EXPECT_EQ(Underway(id), 1);
  int most_at_once = 0;
  for (int i = 0; i < 120; ++i) {
    Advance(500 * kMillisecond);
    most_at_once = std::max(most_at_once, Underway(id));
  }
  EXPECT_EQ(most_at_once, 1);
  EXPECT_EQ(Count(id, TaskState::kComplete), 3);
  EXPECT_EQ(s_.tasks.size(), 3u);  // no more than the completions asked for
  std::set<uint64_t> slots;
  for (const auto& [tid, t] : s_.tasks) slots.insert(t.slot);
  EXPECT_EQ(slots, (std::set<uint64_t>{0, 1, 2}));  // swarm numbers a job's slots from 0
  ReplicaCount c = CountReplicas(s_, s_.services.at(id));
  EXPECT_EQ(c.running, 0u);
  EXPECT_EQ(c.desired, 1u);  // MaxConcurrent
  EXPECT_EQ(c.completed, 3u);
}

TEST_F(JobsTest, ConcurrencyBoundsTheTasksUnderway) {
  std::string id = Create("batch", ServiceMode::kReplicatedJob, 5, 2);
  EXPECT_EQ(Underway(id), 2);
  Advance(60 * kSecond);
  EXPECT_EQ(Count(id, TaskState::kComplete), 5);
}

TEST_F(JobsTest, FailedTaskIsRetriedUntilMaxAttempts) {
  ServiceSpec spec;
  spec.name = "flaky";
  spec.mode = ServiceMode::kReplicatedJob;
  spec.task_template.container.image = "swarmsim/crasher:latest";
  RestartPolicy rp;
  rp.condition = "on-failure";
  rp.max_attempts = 2;
  rp.delay = kSecond;
  spec.task_template.restart_policy = rp;
  std::string id = *CreateService(&s_, spec);
  Reconcile(&s_);
  Advance(5 * kMinute);
  // The first run and two restarts failed; then the slot is given up on.
  EXPECT_EQ(Count(id, TaskState::kFailed), 3);
  EXPECT_EQ(Underway(id), 0);
  EXPECT_EQ(s_.tasks.size(), 3u);
}

TEST_F(JobsTest, UpdateStartsANewIteration) {
  std::string id = Create("once", ServiceMode::kReplicatedJob, 2, 2);
  Advance(30 * kSecond);
  ASSERT_EQ(Count(id, TaskState::kComplete), 2);
  ServiceSpec same = s_.services.at(id).spec;
  ASSERT_TRUE(UpdateService(&s_, id, same).ok());  // nothing changed: the job runs again all the same
  Reconcile(&s_);
  EXPECT_EQ(CountReplicas(s_, s_.services.at(id)).completed, 0u);
  EXPECT_EQ(Underway(id), 2);
  Advance(30 * kSecond);
  EXPECT_EQ(Count(id, TaskState::kComplete), 4);  // the first run's tasks stay as its record
  EXPECT_EQ(CountReplicas(s_, s_.services.at(id)).completed, 2u);
  EXPECT_EQ(JobIterationOf(s_.services.at(id).spec_version), 1u);
}

TEST_F(JobsTest, GlobalJobRunsOncePerNodeAndOnNodesThatJoin) {
  std::string id = Create("everywhere", ServiceMode::kGlobalJob, 1, 1);
  EXPECT_EQ(Underway(id), 3);
  Advance(30 * kSecond);
  EXPECT_EQ(Count(id, TaskState::kComplete), 3);
  Reconcile(&s_);
  EXPECT_EQ(s_.tasks.size(), 3u);  // completed: not run again
  Node n;
  n.id = NewId(&s_);
  n.description.hostname = "node4";
  n.description.resources = {4'000'000'000LL, 8LL << 30};
  Touch(&s_, &n);
  s_.nodes[n.id] = n;
  Reconcile(&s_);
  Advance(30 * kSecond);
  EXPECT_EQ(Count(id, TaskState::kComplete), 4);
  ReplicaCount c = CountReplicas(s_, s_.services.at(id));
  EXPECT_EQ(c.desired, 0u);
  EXPECT_EQ(c.completed, 4u);
}

TEST_F(JobsTest, JobsRefuseAnUpdateConfig) {
  ServiceSpec spec;
  spec.name = "once";
  spec.mode = ServiceMode::kReplicatedJob;
  spec.task_template.container.image = "example/job:latest";
  spec.update_config = UpdateConfig{};
  EXPECT_EQ(CreateService(&s_, spec).status().message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = Jobs may not have an update config");
}

}  // namespace
}  // namespace swarmsim
