// Scheduler benchmarks at swarmkit's sizes: one service's tasks placed in one
// batch (as swarm batches a spec version), on N nodes.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/cluster/state.h"
#include "core/scheduler/scheduler.h"

namespace swarmsim {
namespace {

ClusterState MakeCluster(int nodes, int tasks, bool constrained) {
  ClusterState s;
  s.swarm_active = true;
  s.id_seed = 1;
  s.clock.now = 1'000'000'000;
  for (int i = 0; i < nodes; ++i) {
    Node n;
    n.id = NewId(&s);
    n.description.hostname = "node" + std::to_string(i + 1);
    n.description.resources = {4'000'000'000LL, 8LL << 30};
    n.status.state = NodeState::kReady;
    if (i % 3 == 0) n.spec.labels["zone"] = "a";
    s.nodes[n.id] = n;
  }
  Service svc;
  svc.id = NewId(&s);
  svc.spec.name = "web";
  svc.spec.replicas = tasks;
  svc.spec.task_template.container.image = "nginx:latest";
  svc.spec.task_template.resources.reservations.memory_bytes = 4 << 20;
  if (constrained) svc.spec.task_template.placement.constraints = {"node.labels.zone == a"};
  s.services[svc.id] = svc;
  auto spec = std::make_shared<const TaskSpec>(svc.spec.task_template);
  auto endpoint = std::make_shared<const EndpointSpec>(svc.spec.endpoint);
  for (int i = 0; i < tasks; ++i) {
    Task t;
    t.id = NewId(&s);
    t.service_id = svc.id;
    t.service_name = "web";
    t.slot = i + 1;
    t.spec = spec;
    t.endpoint = endpoint;
    t.spec_version = 1;
    t.status.state = TaskState::kPending;
    s.tasks[t.id] = t;
  }
  return s;
}

void BM_Schedule(benchmark::State& st) {
  int nodes = static_cast<int>(st.range(0));
  int tasks = static_cast<int>(st.range(1));
  bool constrained = st.range(2) != 0;
  for (auto _ : st) {
    st.PauseTiming();
    ClusterState s = MakeCluster(nodes, tasks, constrained);
    st.ResumeTiming();
    RunSchedulingPass(&s);
    benchmark::DoNotOptimize(s.index);
  }
  st.SetItemsProcessed(st.iterations() * tasks);
}

BENCHMARK(BM_Schedule)
    ->Args({1000, 1000, 0})
    ->Args({1000, 10000, 0})
    ->Args({1000, 30000, 0})
    ->Args({1000, 100000, 0})
    ->Args({1000, 10000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace swarmsim
