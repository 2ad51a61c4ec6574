#include "core/control/stack_plan.h"

#include <algorithm>

#include "core/control/stack.h"
#include "core/control/tasks.h"
#include "core/orchestrator/dirty.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {

namespace {

const Service* ServiceByName(const ClusterState& state, const std::string& name) {
  for (const auto& [id, s] : state.services) {
    if (s.spec.name == name) return &s;
  }
  return nullptr;
}

// Spec fields that change without replacing tasks.
std::vector<std::string> OtherChanges(const ServiceSpec& a, const ServiceSpec& b) {
  std::vector<std::string> out;
  if (a.replicas != b.replicas) out.push_back("replicas " + std::to_string(a.replicas) + " -> " + std::to_string(b.replicas));
  if (a.labels != b.labels) out.push_back("service labels");
  if (a.update_config != b.update_config) out.push_back("update_config");
  if (a.rollback_config != b.rollback_config) out.push_back("rollback_config");
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s;
}

}  // namespace

Result<std::vector<std::string>> PlanStack(const ClusterState& state, const StackSpec& stack, bool prune) {
  std::vector<std::string> out;
  out.push_back("Plan for stack " + stack.name + " (dry run: nothing is changed)");
  for (const auto& net : stack.networks) {
    bool exists = false;
    for (const auto& [id, n] : state.networks) exists |= n.name == net.name;
    out.push_back("  network " + net.name + ": " +
                  (net.external ? "external, must exist" : exists ? "exists, left alone" : "create"));
  }
  // Deploy on a copy and let the cluster react at this instant; compare what
  // the deploy stored (names of networks, configs and secrets resolved to IDs).
  ClusterState copy = state;
  copy.new_events.clear();
  copy.new_decisions.clear();
  std::vector<std::string> ignored;
  SWARMSIM_RETURN_IF_ERROR(DeployStack(&copy, stack, prune, &ignored));
  for (BlobKind kind : {BlobKind::kSecret, BlobKind::kConfig}) {
    for (const auto& f : kind == BlobKind::kSecret ? stack.secrets : stack.configs) {
      const Config* existing = nullptr;
      for (const auto& [id, c] : kind == BlobKind::kSecret ? state.secrets : state.configs) {
        if (c.name == f.name) existing = &c;
      }
      std::string what = f.external               ? "external, must exist"
                         : !existing              ? "create"
                         : existing->labels != f.labels ? "exists, labels updated"
                                                        : "exists, left alone";
      out.push_back(std::string("  ") + ToString(kind) + " " + f.name + ": " + what);
    }
  }
  for (const auto& spec : stack.services) {
    const Service* existing = ServiceByName(state, spec.name);
    if (!existing) {
      out.push_back("  service " + spec.name + ": create, " + std::to_string(spec.replicas) + " task(s)");
      continue;
    }
    const ServiceSpec& want = copy.services.at(existing->id).spec;
    auto replacing = TaskAffectingChanges(existing->spec, want);
    auto other = OtherChanges(existing->spec, want);
    if (!replacing.empty()) {
      out.push_back("  service " + spec.name + ": update, tasks replaced because of: " + Join(replacing));
      if (!other.empty()) out.push_back("    also: " + Join(other));
    } else if (!other.empty()) {
      out.push_back("  service " + spec.name + ": update without replacing tasks (" + Join(other) + ")");
    } else {
      out.push_back("  service " + spec.name + ": unchanged (docker still prints \"Updating service\")");
    }
  }
  if (prune) {
    for (const Service* s : StackServices(state, stack.name)) {
      bool wanted = false;
      for (const auto& spec : stack.services) wanted |= spec.name == s->spec.name;
      if (!wanted) out.push_back("  service " + s->spec.name + ": remove (--prune)");
    }
  }
  Reconcile(&copy);
  std::vector<const Task*> fresh;
  for (const auto& [id, t] : copy.tasks) {
    if (!state.tasks.count(id)) fresh.push_back(&t);
  }
  std::stable_sort(fresh.begin(), fresh.end(), [](const Task* a, const Task* b) {
    if (a->service_name != b->service_name) return a->service_name < b->service_name;
    return a->slot < b->slot;
  });
  if (!fresh.empty()) out.push_back("New tasks and where the scheduler would put them:");
  for (const Task* t : fresh) {
    std::string name = TaskName(*t);
    auto node = copy.nodes.find(t->node_id);
    if (node != copy.nodes.end()) {
      const NodeVerdict* verdict = nullptr;
      for (const auto& d : copy.new_decisions) {
        if (d.id != t->decision_id) continue;
        for (const auto& v : d.nodes) if (v.node_id == t->node_id) verdict = &v;
      }
      std::string why = "passes every filter";
      if (verdict) {
        why += "; had " + std::to_string(verdict->service_tasks) + " task(s) of the service and " +
               std::to_string(verdict->total_tasks) + " in total";
      }
      out.push_back("  " + name + " -> " + node->second.description.hostname + " (" + why + ")");
    } else {
      out.push_back("  " + name + " -> stays pending: " + t->status.err);
    }
  }
  return out;
}

}  // namespace swarmsim
