#include "core/orchestrator/dirty.h"

#include <cstdio>

#include "core/format/size.h"
#include "core/scheduler/constraint.h"

namespace swarmsim {

namespace {

// "configs: -app_app-config +app_app-config-v2": which references went and came
// (a reference to a re-created object of the same name shows as "~name").
std::string RefChanges(const char* what, const std::vector<FileReference>& a, const std::vector<FileReference>& b) {
  auto has = [](const std::vector<FileReference>& v, const FileReference& r) {
    for (const auto& x : v) {
      if (x == r) return true;
    }
    return false;
  };
  auto named = [](const std::vector<FileReference>& v, const std::string& name) {
    for (const auto& x : v) {
      if (x.name == name) return true;
    }
    return false;
  };
  std::string s = what;
  s += ":";
  for (const auto& r : a) {
    if (!has(b, r)) s += (named(b, r.name) ? " ~" : " -") + r.name;
  }
  for (const auto& r : b) {
    if (!has(a, r) && !named(a, r.name)) s += " +" + r.name;
  }
  return s;
}

}  // namespace

bool IsTaskDirty(const ClusterState& state, const Service& service, const Task& task) {
  if (task.spec_version == service.spec_version) return false;
  if (task.endpoint && !(*task.endpoint == service.spec.endpoint)) return true;
  if (!task.spec) return true;
  const TaskSpec& want = service.spec.task_template;
  TaskSpec have_no_placement = *task.spec;
  have_no_placement.placement = want.placement;
  if (!(have_no_placement == want)) return true;
  if (task.spec->placement == want.placement) return false;
  // Placement-only change: replace only tasks whose node no longer matches.
  auto node = state.nodes.find(task.node_id);
  if (node == state.nodes.end()) return true;
  return !NodeSatisfiesConstraints(node->second, want.placement.constraints);
}

std::vector<std::string> TaskAffectingChanges(const ServiceSpec& before, const ServiceSpec& after) {
  std::vector<std::string> out;
  const auto& a = before.task_template;
  const auto& b = after.task_template;
  if (a.container.image != b.container.image) out.push_back("image " + a.container.image + " -> " + b.container.image);
  if (a.container.env != b.container.env) out.push_back("environment");
  if (a.container.labels != b.container.labels) out.push_back("container labels");
  if (a.container.command != b.container.command || a.container.args != b.container.args) out.push_back("command");
  if (a.container.mounts != b.container.mounts) out.push_back("mounts");
  if (a.container.configs != b.container.configs) out.push_back(RefChanges("configs", a.container.configs, b.container.configs));
  if (a.container.secrets != b.container.secrets) out.push_back(RefChanges("secrets", a.container.secrets, b.container.secrets));
  auto cpus = [](int64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(n) / 1e9);
    return std::string(buf);
  };
  auto resource = [&](const char* what, const Resources& x, const Resources& y) {
    if (x.nano_cpus != y.nano_cpus) out.push_back(std::string(what) + " cpus " + cpus(x.nano_cpus) + " -> " + cpus(y.nano_cpus));
    if (x.memory_bytes != y.memory_bytes) {
      out.push_back(std::string(what) + " memory " + BytesSize(static_cast<double>(x.memory_bytes)) + " -> " +
                    BytesSize(static_cast<double>(y.memory_bytes)));
    }
  };
  resource("limits", a.resources.limits, b.resources.limits);
  resource("reservations", a.resources.reservations, b.resources.reservations);
  if (a.restart_policy != b.restart_policy) out.push_back("restart policy");
  if (a.networks != b.networks) out.push_back("networks");
  if (a.force_update != b.force_update) out.push_back("force update");
  if (!(a.placement == b.placement)) out.push_back("placement");
  if (!(before.endpoint == after.endpoint)) out.push_back("published ports");
  if (!(a.container == b.container) && out.empty()) out.push_back("container spec");
  return out;
}

}  // namespace swarmsim
