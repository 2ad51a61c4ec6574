#include "core/control/stack.h"

#include <algorithm>
#include <map>

#include "core/control/configs.h"
#include "core/control/networks.h"
#include "core/control/services.h"
#include "core/control/swarm.h"

namespace swarmsim {

namespace {

bool InStack(const std::map<std::string, std::string>& labels, const std::string& name) {
  auto it = labels.find(kStackNamespaceLabelKey);
  return it != labels.end() && it->second == name;
}

Network* NetworkByName(ClusterState* state, const std::string& name) { return FindNetworkByName(state, name); }

// Stack-owned secrets or configs: created, or (same name) given the new labels;
// external ones are only looked up later, by the services that use them.
Status DeployFileObjects(ClusterState* state, BlobKind kind, const std::vector<StackFileObject>& objects,
                         std::vector<std::string>* out) {
  const std::string word = ToString(kind);
  for (const auto& f : objects) {
    if (f.external) continue;
    const Config* existing = nullptr;
    for (const auto& [id, c] : Blobs(*state, kind)) {
      if (c.name == f.name) existing = &c;
    }
    if (existing) {
      SWARMSIM_RETURN_IF_ERROR(UpdateBlobLabels(state, kind, existing->id, f.labels, f.data)
                                   .Wrap("failed to update " + word + " " + f.name + ": "));
      continue;
    }
    out->push_back("Creating " + word + " " + f.name);
    auto id = CreateBlob(state, kind, f.name, f.labels, f.data, f.driver);
    if (!id.ok()) return id.status().Wrap("failed to create " + word + " " + f.name + ": ");
  }
  return Status::OK();
}

}  // namespace

Status DeployStack(ClusterState* state, const StackSpec& stack, bool prune, std::vector<std::string>* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  SWARMSIM_RETURN_IF_ERROR(CheckStackName(stack.name));
  if (prune) {
    std::vector<const Service*> gone;
    for (const Service* s : StackServices(*state, stack.name)) {
      bool wanted = false;
      for (const auto& spec : stack.services) wanted |= spec.name == s->spec.name;
      if (!wanted) gone.push_back(s);
    }
    std::sort(gone.begin(), gone.end(), [](const Service* a, const Service* b) { return a->spec.name < b->spec.name; });
    for (const Service* s : gone) {
      std::string name = s->spec.name;
      out->push_back("Removing service " + name);
      SWARMSIM_RETURN_IF_ERROR(RemoveService(state, s->id).Wrap("Failed to remove service " + name + ": "));
    }
  }
  for (const auto& net : stack.networks) {
    Network* existing = NetworkByName(state, net.name);
    if (net.external) {
      if (!existing) {
        return Status::NotFound("network \"" + net.name +
                                "\" is declared as external, but could not be found. You need to create a "
                                "swarm-scoped network before the stack is deployed");
      }
      if (existing->scope != "swarm") {
        return Status::InvalidArgument("network \"" + net.name + "\" is declared as external, but it is not in the "
                                       "right scope: \"" + existing->scope + "\" instead of \"swarm\"");
      }
      continue;
    }
    if (existing) continue;
    NetworkCreateOptions n;
    n.name = net.name;
    n.driver = net.driver.empty() ? "overlay" : net.driver;
    n.labels = net.labels;
    n.attachable = net.attachable;
    n.internal = net.internal;
    n.options = net.driver_opts;
    for (const auto& subnet : net.ipam_subnets) n.ipam.push_back({subnet, ""});
    auto id = CreateNetwork(state, n);
    if (!id.ok()) return id.status().Wrap("failed to create network " + net.name + ": ");
    out->push_back("Creating network " + net.name);
  }
  SWARMSIM_RETURN_IF_ERROR(DeployFileObjects(state, BlobKind::kSecret, stack.secrets, out));
  SWARMSIM_RETURN_IF_ERROR(DeployFileObjects(state, BlobKind::kConfig, stack.configs, out));
  // The CLI converts every service (resolving config and secret names to IDs)
  // before it sends the first one.
  std::vector<ServiceSpec> specs = stack.services;
  for (auto& spec : specs) {
    std::string unscoped = spec.name.substr(spec.name.rfind(stack.name + "_", 0) == 0 ? stack.name.size() + 1 : 0);
    auto& c = spec.task_template.container;
    SWARMSIM_RETURN_IF_ERROR(ResolveFileReferences(*state, BlobKind::kSecret, &c.secrets).Wrap("service " + unscoped + ": "));
    SWARMSIM_RETURN_IF_ERROR(ResolveFileReferences(*state, BlobKind::kConfig, &c.configs).Wrap("service " + unscoped + ": "));
  }
  for (ServiceSpec& spec : specs) {
    // Services name their networks; the daemon stores IDs.
    for (auto& att : spec.task_template.networks) {
      if (Network* n = NetworkByName(state, att.target)) att.target = n->id;
    }
    Service* existing = nullptr;
    for (auto& [id, s] : state->services) {
      if (s.spec.name == spec.name) existing = &s;
    }
    if (existing) {
      // Stack deploy never forces an update: it keeps the current counter.
      spec.task_template.force_update = existing->spec.task_template.force_update;
      std::string id = existing->id;
      out->push_back("Updating service " + spec.name + " (id: " + id + ")");
      SWARMSIM_RETURN_IF_ERROR(UpdateService(state, id, spec).Wrap("failed to update service " + spec.name + ": "));
    } else {
      out->push_back("Creating service " + spec.name);
      auto id = CreateService(state, spec);
      if (!id.ok()) return id.status().Wrap("failed to create service " + spec.name + ": ");
    }
  }
  return Status::OK();
}

Status RemoveStack(ClusterState* state, const std::string& name, std::vector<std::string>* out, bool* found) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  std::vector<std::pair<std::string, std::string>> services;  // name, id
  for (const Service* s : StackServices(*state, name)) services.push_back({s->spec.name, s->id});
  std::sort(services.begin(), services.end());
  std::vector<std::pair<std::string, std::string>> networks;
  for (const auto& [id, n] : state->networks) {
    if (InStack(n.labels, name)) networks.push_back({n.name, id});
  }
  std::vector<std::pair<BlobKind, std::string>> blobs;  // secrets, then configs, in store order
  for (BlobKind kind : {BlobKind::kSecret, BlobKind::kConfig}) {
    for (const auto& [id, c] : Blobs(*state, kind)) {
      if (InStack(c.labels, name)) blobs.push_back({kind, id});
    }
  }
  *found = !services.empty() || !networks.empty() || !blobs.empty();
  for (const auto& [sname, id] : services) {
    out->push_back("Removing service " + sname);
    SWARMSIM_RETURN_IF_ERROR(RemoveService(state, id));
  }
  for (const auto& [kind, id] : blobs) {
    out->push_back(std::string("Removing ") + ToString(kind) + " " + Blobs(*state, kind).at(id).name);
    SWARMSIM_RETURN_IF_ERROR(RemoveBlob(state, kind, id).Wrap(std::string("Failed to remove ") + ToString(kind) + " " + id + ": "));
  }
  for (const auto& [nname, id] : networks) {
    out->push_back("Removing network " + nname);
    RecordEvent(state, "network", "remove", id, {{"name", nname}});
    state->networks.erase(id);
    state->removed_networks.insert(id);
    ++state->index;
  }
  return Status::OK();
}

std::vector<std::pair<std::string, int>> ListStacks(const ClusterState& state) {
  std::map<std::string, int> counts;
  for (const auto& [id, s] : state.services) {
    auto it = s.spec.labels.find(kStackNamespaceLabelKey);
    if (it != s.spec.labels.end()) ++counts[it->second];
  }
  return {counts.begin(), counts.end()};
}

std::vector<const Service*> StackServices(const ClusterState& state, const std::string& name) {
  std::vector<const Service*> out;
  for (const auto& [id, s] : state.services) {
    if (InStack(s.spec.labels, name)) out.push_back(&s);
  }
  return out;
}

}  // namespace swarmsim
