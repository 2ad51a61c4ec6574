// Builds small clusters for the scheduler tests by filling a ClusterState directly.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/cluster/state.h"

namespace swarmsim::testing {

constexpr int64_t kGiB = 1024LL * 1024 * 1024;
constexpr int64_t kMiB = 1024LL * 1024;
constexpr int64_t kCpu = 1'000'000'000;

class SchedulerFixture {
 public:
  SchedulerFixture() { state.clock.now = 1'772'360'142LL * kSecond; }  // 2026-03-01 10:15:42 UTC

  // A READY, ACTIVE worker with `cpus` CPUs and `memory` bytes. The ID sorts
  // differently from the hostname on purpose ("n<reversed counter>").
  Node& AddNode(const std::string& hostname, int64_t cpus = 4, int64_t memory = 8 * kGiB) {
    Node n;
    n.id = "n";
    n.id += std::to_string(9999 - node_count_++);
    n.id += "-";
    n.id += hostname;
    n.description.hostname = hostname;
    n.description.resources.nano_cpus = cpus * kCpu;
    n.description.resources.memory_bytes = memory;
    n.status.addr = "10.0.0." + std::to_string(node_count_ + 1);
    auto [it, ok] = state.nodes.emplace(n.id, std::move(n));
    return it->second;
  }

  Node& NodeNamed(const std::string& hostname) {
    for (auto& [id, n] : state.nodes) {
      if (n.description.hostname == hostname) return n;
    }
    std::abort();
  }

  Service& AddService(const std::string& name, TaskSpec spec = {}, EndpointSpec endpoint = {}) {
    Service s;
    s.id = "svc" + std::to_string(service_count_++) + name;
    s.spec.name = name;
    s.spec.task_template = std::move(spec);
    s.spec.endpoint = std::move(endpoint);
    s.spec_version = 1;
    auto [it, ok] = state.services.emplace(s.id, std::move(s));
    shared_[it->first] = std::make_shared<const TaskSpec>(it->second.spec.task_template);
    endpoints_[it->first] = std::make_shared<const EndpointSpec>(it->second.spec.endpoint);
    return it->second;
  }

  Task& AddTask(const Service& s, uint64_t slot, TaskState state_now, const std::string& node_id = "",
                TaskState desired = TaskState::kRunning) {
    Task t;
    t.id = "t" + std::to_string(100000 + task_count_++);
    t.service_id = s.id;
    t.service_name = s.spec.name;
    t.slot = slot;
    t.node_id = node_id;
    t.spec = shared_[s.id];
    t.endpoint = endpoints_[s.id];
    t.spec_version = s.spec_version;
    t.desired_state = desired;
    t.status.state = state_now;
    t.status.message = state_now == TaskState::kPending ? "pending task scheduling" : "started";
    t.status.timestamp = state.clock.now;
    auto [it, ok] = state.tasks.emplace(t.id, std::move(t));
    return it->second;
  }

  std::vector<Task*> AddPending(const Service& s, int n, uint64_t first_slot = 1) {
    std::vector<Task*> out;
    for (int i = 0; i < n; ++i) out.push_back(&AddTask(s, first_slot + i, TaskState::kPending));
    return out;
  }

  Task& AddRunning(const Service& s, uint64_t slot, const Node& node) {
    return AddTask(s, slot, TaskState::kRunning, node.id);
  }

  // Hostname -> number of tasks of `s` assigned there (any state).
  std::map<std::string, int> Spread(const Service& s) {
    std::map<std::string, int> out;
    for (auto& [id, t] : state.tasks) {
      if (t.service_id != s.id || t.node_id.empty()) continue;
      ++out[state.nodes.at(t.node_id).description.hostname];
    }
    return out;
  }

  // node ID of every task of `s`, by task ID.
  std::map<std::string, std::string> Placements(const Service& s) {
    std::map<std::string, std::string> out;
    for (auto& [id, t] : state.tasks) {
      if (t.service_id == s.id) out[id] = t.node_id;
    }
    return out;
  }

  ClusterState state;

 private:
  int node_count_ = 0;
  int service_count_ = 0;
  int task_count_ = 0;
  std::map<std::string, std::shared_ptr<const TaskSpec>> shared_;
  std::map<std::string, std::shared_ptr<const EndpointSpec>> endpoints_;
};

inline TaskSpec Reserving(double cpus, int64_t memory = 0) {
  TaskSpec spec;
  spec.resources.reservations.nano_cpus = static_cast<int64_t>(cpus * kCpu);
  spec.resources.reservations.memory_bytes = memory;
  return spec;
}

inline TaskSpec Constrained(std::vector<std::string> constraints) {
  TaskSpec spec;
  spec.placement.constraints = std::move(constraints);
  return spec;
}

inline EndpointSpec HostPort(uint32_t port) {
  EndpointSpec e;
  PortConfig p;
  p.target_port = 80;
  p.published_port = port;
  p.publish_mode = "host";
  e.ports.push_back(p);
  return e;
}

}  // namespace swarmsim::testing
