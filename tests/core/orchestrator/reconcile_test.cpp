// The reconcile loop end to end at the model level: services become tasks, tasks
// are placed and walk to RUNNING on the virtual clock, updates replace them the way
// swarm does.
#include "core/orchestrator/reconcile.h"

#include <gtest/gtest.h>

#include <map>

#include "core/node/timing.h"
#include "core/orchestrator/slots.h"
#include "core/sim/clock.h"

namespace swarmsim {
namespace {

// Every test of this binary runs with the guard on: each reconcile skipped as
// settled is checked against a full pass, and a difference aborts the test.
const bool kCheckSkips = (SetReconcileCheck(true), true);

class ReconcileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.swarm_active = true;
    s_.id_seed = 99;
    s_.clock.now = 1'700'000'000LL * kSecond;
    for (int i = 1; i <= 3; ++i) AddNode("node" + std::to_string(i));
  }

  Node& AddNode(const std::string& name) {
    Node n;
    n.id = NewId(&s_);
    n.description.hostname = name;
    n.description.resources = {4'000'000'000LL, 8LL << 30};
    n.status.state = NodeState::kReady;
    Touch(&s_, &n);
    return s_.nodes[n.id] = n;
  }

  Service& AddService(const std::string& name, uint64_t replicas, const std::string& image = "nginx:latest") {
    Service svc;
    svc.id = NewId(&s_);
    svc.spec.name = name;
    svc.spec.replicas = replicas;
    svc.spec.task_template.container.image = image;
    Touch(&s_, &svc);
    return s_.services[svc.id] = svc;
  }

  std::vector<const Task*> Runnable(const std::string& service_id) {
    std::vector<const Task*> out;
    for (const auto& [id, t] : s_.tasks) {
      if (t.service_id == service_id && t.desired_state <= TaskState::kRunning) out.push_back(&t);
    }
    return out;
  }

  std::map<std::string, int> PerNode(const std::string& service_id) {
    std::map<std::string, int> m;
    for (const Task* t : Runnable(service_id)) ++m[s_.nodes.at(t->node_id).description.hostname];
    return m;
  }

  int CountState(const std::string& service_id, TaskState st) {
    int n = 0;
    for (const auto& [id, t] : s_.tasks) n += t.service_id == service_id && t.status.state == st;
    return n;
  }

  ClusterState s_;
};

TEST_F(ReconcileTest, NewServiceIsSpreadAndStarts) {
  Service& svc = AddService("web", 5);
  Reconcile(&s_);
  ASSERT_EQ(Runnable(svc.id).size(), 5u);
  EXPECT_EQ(CountState(svc.id, TaskState::kAssigned), 5);
  auto per = PerNode(svc.id);
  EXPECT_EQ(per["node1"] + per["node2"] + per["node3"], 5);
  for (const auto& [node, n] : per) EXPECT_LE(n, 2) << node;
  AdvanceTo(&s_, s_.clock.now + 30 * kSecond);
  EXPECT_EQ(CountState(svc.id, TaskState::kRunning), 5);
}

TEST_F(ReconcileTest, TasksWalkSwarmsStatesInOrder) {
  Service& svc = AddService("web", 1);
  Reconcile(&s_);
  std::vector<TaskState> seen;
  const Task* t = Runnable(svc.id)[0];
  seen.push_back(t->status.state);
  while (auto at = StepToNextEvent(&s_)) {
    if (seen.back() != t->status.state) seen.push_back(t->status.state);
  }
  std::vector<TaskState> want = {TaskState::kAssigned, TaskState::kAccepted, TaskState::kPreparing,
                                 TaskState::kReady,    TaskState::kStarting, TaskState::kRunning};
  EXPECT_EQ(seen, want);
  EXPECT_EQ(t->status.message, "started");
}

TEST_F(ReconcileTest, CachedImageSkipsThePull) {
  Service& a = AddService("a", 1);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  const Task* first = Runnable(a.id)[0];
  std::string node = first->node_id;
  EXPECT_TRUE(s_.nodes.at(node).images.count("nginx:latest"));
  // A second service on a node that has the image goes from PREPARING to READY fast.
  s_.nodes.at(node).spec.availability = NodeAvailability::kActive;
  for (auto& [id, n] : s_.nodes) {
    if (id != node) n.spec.availability = NodeAvailability::kPause;
  }
  Service& b = AddService("b", 1);
  Reconcile(&s_);
  Time start = s_.clock.now;
  while (CountState(b.id, TaskState::kRunning) == 0) ASSERT_TRUE(StepToNextEvent(&s_));
  EXPECT_LT(s_.clock.now - start, 2 * kSecond);
}

TEST_F(ReconcileTest, ImageUpdateReplacesOneSlotAtATimeStopFirst) {
  Service& svc = AddService("web", 3, "nginx:1.25");
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  ASSERT_EQ(CountState(svc.id, TaskState::kRunning), 3);
  svc.previous_spec = svc.spec;
  svc.spec.task_template.container.image = "nginx:1.26";
  ++svc.spec_version;
  Touch(&s_, &svc);
  Reconcile(&s_);
  ASSERT_TRUE(svc.update_status.has_value());
  EXPECT_EQ(svc.update_status->state, "updating");
  // Parallelism 1, stop-first: never more than one slot without a running task.
  int max_down = 0;
  while (StepToNextEvent(&s_)) {
    int running = 0;
    for (const Task* t : Runnable(svc.id)) running += t->status.state == TaskState::kRunning;
    max_down = std::max(max_down, 3 - running);
    if (svc.update_status->state == "completed") break;
  }
  EXPECT_EQ(max_down, 1);
  EXPECT_EQ(svc.update_status->state, "completed");
  EXPECT_EQ(svc.update_status->message, "update completed");
  for (const Task* t : Runnable(svc.id)) EXPECT_EQ(t->spec->container.image, "nginx:1.26");
  // Each slot keeps its replaced task as history.
  SlotIndex index = IndexSlots(&s_);
  for (const auto& [key, slot] : index[svc.id]) EXPECT_EQ(slot.tasks.size(), 2u);
}

TEST_F(ReconcileTest, ReplicaOnlyChangeReplacesNothing) {
  Service& svc = AddService("web", 2);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  auto before = Runnable(svc.id);
  svc.spec.replicas = 3;
  Touch(&s_, &svc);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  EXPECT_EQ(CountState(svc.id, TaskState::kRunning), 3);
  EXPECT_FALSE(svc.update_status.has_value());
  for (const Task* t : before) EXPECT_EQ(t->desired_state, TaskState::kRunning);
}

TEST_F(ReconcileTest, ScaleDownRemovesFromTheMostLoadedNodeAndDeletesTasks) {
  Service& svc = AddService("web", 4);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  svc.spec.replicas = 3;
  Touch(&s_, &svc);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  auto per = PerNode(svc.id);
  EXPECT_EQ(per["node1"], 1);
  EXPECT_EQ(per["node2"], 1);
  EXPECT_EQ(per["node3"], 1);
  int total = 0;
  for (const auto& [id, t] : s_.tasks) total += t.service_id == svc.id;
  EXPECT_EQ(total, 3) << "removed tasks vanish, they are not history";
}

TEST_F(ReconcileTest, DrainMovesTasksElsewhere) {
  Service& svc = AddService("web", 3);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 60 * kSecond);
  Node* drained = nullptr;
  for (auto& [id, n] : s_.nodes) if (n.description.hostname == "node1") drained = &n;
  drained->spec.availability = NodeAvailability::kDrain;
  Touch(&s_, drained);
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 120 * kSecond);
  auto per = PerNode(svc.id);
  EXPECT_EQ(per.count("node1"), 0u);
  EXPECT_EQ(per["node2"] + per["node3"], 3);
  EXPECT_EQ(CountState(svc.id, TaskState::kRunning), 3);
}

TEST_F(ReconcileTest, ReconcileIsIdempotent) {
  AddService("web", 4);
  Reconcile(&s_);
  uint64_t index = s_.index;
  size_t events = s_.new_events.size();
  Reconcile(&s_);
  EXPECT_EQ(s_.index, index);
  EXPECT_EQ(s_.new_events.size(), events);
}

TEST_F(ReconcileTest, CatchingUpInOneJumpOrManyGivesTheSameCluster) {
  ClusterState copy = s_;
  Service& svc = AddService("web", 3);
  (void)svc;
  ClusterState other = s_;
  Reconcile(&s_);
  AdvanceTo(&s_, s_.clock.now + 45 * kSecond);
  Reconcile(&other);
  for (int i = 0; i < 45; ++i) AdvanceTo(&other, other.clock.now + kSecond);
  ASSERT_EQ(s_.tasks.size(), other.tasks.size());
  for (const auto& [id, t] : s_.tasks) {
    const Task& o = other.tasks.at(id);
    EXPECT_EQ(t.status.state, o.status.state);
    EXPECT_EQ(t.status.timestamp, o.status.timestamp);
    EXPECT_EQ(t.node_id, o.node_id);
  }
  (void)copy;
}

// A settled cluster is not reconciled again until something changes; the agent's
// steps between ASSIGNED and STARTING keep it settled (the orchestrators cannot
// see them), a task reaching RUNNING does not. (kCheckSkips checks every skip.)
TEST_F(ReconcileTest, ASettledClusterIsSkippedUntilSomethingChanges) {
  Service& svc = AddService("web", 3);
  Reconcile(&s_);
  ASSERT_EQ(s_.settled_index, s_.index);
  uint64_t settled = s_.index;
  Reconcile(&s_);
  EXPECT_EQ(s_.index, settled);
  AdvanceTo(&s_, s_.clock.now + kAcceptDelay);  // ASSIGNED -> ACCEPTED: unseen
  EXPECT_GT(s_.index, settled);
  EXPECT_EQ(s_.settled_index, s_.index);
  svc.spec.replicas = 4;
  Touch(&s_, &svc);
  EXPECT_NE(s_.settled_index, s_.index);
  Reconcile(&s_);
  EXPECT_EQ(Runnable(svc.id).size(), 4u);
  AdvanceTo(&s_, s_.clock.now + 30 * kSecond);
  EXPECT_EQ(CountState(svc.id, TaskState::kRunning), 4);
  EXPECT_EQ(s_.settled_index, s_.index);
}

}  // namespace
}  // namespace swarmsim
