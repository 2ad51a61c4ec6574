#include "ui/view/volume_view.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/command/output.h"

namespace swarmsim::ui {

int64_t VolumeBytes(const Volume& volume) {
  int64_t n = 0;
  for (const auto& [path, content] : volume.files) n += int64_t(content.size());
  return n;
}

std::string VolumeLabel(const std::string& name, bool anonymous) {
  return anonymous && name.size() > 12 ? name.substr(0, 12) + "…" : name;
}

namespace {

std::string TaskName(const Task& t) {
  return t.slot > 0 ? t.service_name + "." + std::to_string(t.slot) : t.service_name;
}

// Whether `task` (live, on the volume's node) mounts `volume`.
bool Mounts(const Task& task, const Volume& volume) {
  if (task.node_id != volume.node_id || IsTerminal(task.status.state) || !task.spec) return false;
  if (volume.anonymous) return volume.owner_task_id == task.id;
  for (const Mount& m : task.spec->container.mounts) {
    if (m.type == "volume" && m.source == volume.name) return true;
  }
  return false;
}

}  // namespace

VolumeView BuildVolumeView(const ClusterState& state, const std::string& name) {
  VolumeView view;
  view.name = name;
  std::vector<const Volume*> volumes;
  for (const auto& [key, v] : state.volumes) {
    if (key.second == name) volumes.push_back(&v);
  }
  auto host = [&](const Volume* v) {
    auto it = state.nodes.find(v->node_id);
    return it == state.nodes.end() ? v->node_id : it->second.description.hostname;
  };
  std::stable_sort(volumes.begin(), volumes.end(), [&](const Volume* a, const Volume* b) {
    std::string ha = host(a), hb = host(b);
    if (ha != hb) return NaturalLess(ha, hb);
    return a->node_id < b->node_id;
  });
  std::set<std::string> paths;
  for (const Volume* v : volumes) {
    VolumeCopy c;
    c.node_id = v->node_id;
    c.hostname = host(v);
    c.anonymous = v->anonymous;
    c.bytes = VolumeBytes(*v);
    c.files = v->files.size();
    for (const auto& [id, t] : state.tasks) {
      if (Mounts(t, *v)) c.mounted_by.push_back(TaskName(t));
    }
    std::sort(c.mounted_by.begin(), c.mounted_by.end(), NaturalLess);
    view.copies.push_back(std::move(c));
    for (const auto& [path, content] : v->files) paths.insert(path);
  }
  for (const std::string& path : paths) {
    VolumeFile f;
    f.path = path;
    for (const Volume* v : volumes) {
      auto it = v->files.find(path);
      f.content.push_back(it == v->files.end() ? std::nullopt : std::optional<std::string>(it->second));
    }
    for (const auto& c : f.content) f.differs = f.differs || c != f.content.front();
    view.diverged = view.diverged || f.differs;
    view.files.push_back(std::move(f));
  }
  return view;
}

std::vector<std::string> VolumeNames(const ClusterState& state) {
  std::set<std::string> names;
  for (const auto& [key, v] : state.volumes) names.insert(key.second);
  return {names.begin(), names.end()};
}

std::vector<NodeVolume> NodeVolumes(const ClusterState& state, const std::string& node_id) {
  std::vector<NodeVolume> out;
  // The map is ordered by (node ID, name): this node's volumes are one run.
  for (auto it = state.volumes.lower_bound({node_id, ""}); it != state.volumes.end() && it->first.first == node_id;
       ++it) {
    out.push_back({it->second.name, it->second.anonymous, VolumeBytes(it->second), it->second.files.size()});
  }
  std::stable_sort(out.begin(), out.end(), [](const NodeVolume& a, const NodeVolume& b) {
    return std::tie(a.anonymous, a.name) < std::tie(b.anonymous, b.name);
  });
  return out;
}

}  // namespace swarmsim::ui
