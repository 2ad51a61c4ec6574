// A scheduling decision: one batch of identical tasks (same service, same spec
// version) placed against every node, with every filter's verdict recorded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/time.h"

namespace swarmsim {

struct FilterVerdict {
  std::string filter;   // "Ready", "Resources", "Plugin", "Constraint", "Platform", "HostPort", "MaxReplicas"
  bool enabled = true;  // false: the filter does not apply to this task (SetTask returned false)
  bool passed = true;
  std::string reason;   // human reason when it failed, e.g. "node.labels.storage == raid: label storage is not set"
};

struct NodeVerdict {
  std::string node_id;
  std::string hostname;
  std::vector<FilterVerdict> filters;  // in pipeline order, every filter
  // Ranking keys as seen at the start of the batch.
  int64_t recent_failures = 0;
  int64_t service_tasks = 0;
  int64_t total_tasks = 0;
  bool eligible() const {
    for (const auto& f : filters) if (f.enabled && !f.passed) return false;
    return true;
  }
};

struct TaskPlacement {
  std::string task_id;
  uint64_t slot = 0;
  std::string node_id;  // empty: could not be placed
  int64_t service_tasks_before = 0;  // ranking keys of the chosen node when chosen
  int64_t total_tasks_before = 0;
};

struct Decision {
  std::string id;
  Time time = 0;
  std::string service_id;
  std::string service_name;
  uint64_t spec_version = 0;
  std::vector<NodeVerdict> nodes;        // sorted by hostname, then ID
  std::vector<TaskPlacement> placements;
  std::string error;  // swarm's message when some tasks stayed pending, e.g. "no suitable node (...)"
};

}  // namespace swarmsim
