#include "ui/view/task_networks.h"

namespace swarmsim::ui {

std::vector<TaskNetworkRow> TaskNetworkRows(const ClusterState& state, const Task& task) {
  std::vector<TaskNetworkRow> rows;
  auto service = state.services.find(task.service_id);
  for (const auto& a : task.networks) {
    TaskNetworkRow row;
    auto net = state.networks.find(a.network_id);
    row.network = net != state.networks.end() ? net->second.name : a.network_id;
    row.address = a.addr;
    if (service != state.services.end()) {
      for (const auto& v : service->second.virtual_ips) {
        if (v.network_id == a.network_id) row.vip = v.addr;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace swarmsim::ui
