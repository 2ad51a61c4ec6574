// NodeInfo: the scheduler's view of one node during one scheduling pass — what is
// still free on it and what already runs there (swarmkit's nodeinfo.go).
//
// What a tracked task holds (swarm semantics reference §1.1):
//   * its reservations (never its limits) and its host-mode published ports, for as
//     long as it is tracked, i.e. observed ASSIGNED..RUNNING — even when its desired
//     state is already SHUTDOWN/REMOVE;
//   * a place in ActiveTasksCount / ActiveTasksCountByService only while its
//     desired state is <= COMPLETE (tasks being shut down don't count for spreading).
//
// Cached state changes only through the paired AddTask/RemoveTask; RemoveTask undoes
// AddTask exactly. Not thread-safe; one pass owns its NodeInfos.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/node.h"
#include "core/model/resources.h"
#include "core/model/task.h"

namespace swarmsim {

// Swarm marks a node faulty for a service version after this many failures...
constexpr int64_t kMaxRecentFailures = 5;
// ...within this window.
constexpr Duration kRecentFailureWindow = 5 * kMinute;

class NodeInfo {
 public:
  // A node with nothing tracked: available = the node's capacity.
  // REQUIRES: `node`, and every task added, outlive this NodeInfo (it keeps views of
  // their IDs).
  explicit NodeInfo(const Node& node);

  const Node& node() const { return *node_; }
  const std::string& id() const { return node_->id; }
  // Capacity minus the reservations of tracked tasks (may go negative when
  // pre-assigned tasks overcommit a node).
  const Resources& available() const { return available_; }
  // Units of a generic resource kind still free: the node's discrete count or
  // named items, minus what tracked tasks reserve (swarm's HasResource counts both).
  int64_t GenericFree(const std::string& kind) const;
  int64_t active_tasks() const { return active_tasks_; }
  int64_t ActiveTasksOfService(const std::string& service_id) const;
  bool HostPortInUse(const std::string& protocol, uint32_t published_port) const;
  int64_t RecentFailures(const std::string& service_id, uint64_t spec_version) const;

  // Starts tracking `task` on this node; returns true if anything changed. Adding a
  // task already tracked only updates whether it counts as active (its desired
  // state may have moved past COMPLETE or back); returns false if that did not change.
  bool AddTask(const Task& task);
  // Stops tracking `task`, giving back what AddTask took; false if it was not tracked.
  bool RemoveTask(const Task& task);

  // Counts one recent failure of (service, spec version) on this node.
  void AddRecentFailure(const std::string& service_id, uint64_t spec_version);

 private:
  using HostPort = std::pair<std::string, uint32_t>;  // (protocol, published port)

  const Node* node_;
  Resources available_;
  std::map<std::string, int64_t> generic_free_;  // by kind; empty for most nodes
  int64_t active_tasks_ = 0;
  std::map<std::string, int64_t> active_by_service_;
  std::map<HostPort, int64_t> host_ports_;  // counted, so removing one of two users keeps it busy
  std::map<std::pair<std::string, uint64_t>, int64_t> recent_failures_;
  // The tracked tasks' IDs, each with whether it counts as active: a sorted run plus
  // a short unsorted tail folded in when it grows. Appending in ID order (how
  // BuildNodeInfos walks the state) costs O(1), a random insert O(log n) amortised,
  // and nothing is allocated per task — a hash map here cost more than the pass.
  class TrackedTasks {
   public:
    bool* Find(std::string_view id);                // the active flag, or nullptr
    void Insert(std::string_view id, bool active);  // REQUIRES: not tracked
    bool Erase(std::string_view id, bool* was_active);

   private:
    struct Entry {
      std::string_view id;
      bool active;
    };
    static constexpr size_t kMaxTail = 32;
    std::vector<Entry> sorted_, tail_;
  };
  TrackedTasks tracked_;
};

// True when a task's desired state lets it count for spreading and max-replicas.
inline bool CountsAsActive(const Task& task) { return task.desired_state <= TaskState::kComplete; }

// The NodeInfo of every node of `state` (ordered by node ID), tracking every task
// observed ASSIGNED..RUNNING on its node, with the failures (FAILED/REJECTED) of
// scheduler-placed tasks within kRecentFailureWindow before state.clock.now.
// REQUIRES: `state` (its nodes and tasks) outlives the result.
std::vector<NodeInfo> BuildNodeInfos(const ClusterState& state);

}  // namespace swarmsim
