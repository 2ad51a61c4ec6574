// What the inspector shows of a task's networks: each network the task joined,
// by name, with the address the allocator gave it there, and the service's
// virtual IP on it (what the service name resolves to for its peers in vip mode).
// No ImGui here.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"

namespace swarmsim::ui {

struct TaskNetworkRow {
  std::string network;  // name; the ID when the network is gone
  std::string address;  // the task's, "10.0.1.3/24"
  std::string vip;      // the service's on that network; "" in dnsrr mode or when the service is gone
};

// One row per attachment, in allocation order (ingress first).
std::vector<TaskNetworkRow> TaskNetworkRows(const ClusterState& state, const Task& task);

}  // namespace swarmsim::ui
