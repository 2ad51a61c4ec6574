#include "core/container/volumes.h"

#include <cctype>

#include "core/container/filesystem.h"
#include "core/image/catalog.h"

namespace swarmsim {

std::vector<Mount> TaskVolumeMounts(const ClusterState& state, const Task& task) {
  std::vector<Mount> out;
  if (!task.spec) return out;
  for (const Mount& m : task.spec->container.mounts) {
    if (m.type == "volume") {
      Mount clean = m;
      clean.target = CleanPath(m.target);
      out.push_back(std::move(clean));
    }
  }
  ImageEntry image = LookupImage(state.images, task.spec->container.image);
  for (const std::string& declared : image.volumes) {
    std::string path = CleanPath(declared);
    bool covered = false;
    for (const Mount& m : task.spec->container.mounts) covered = covered || CleanPath(m.target) == path;
    if (covered || path.empty()) continue;
    Mount anon;
    anon.target = path;
    out.push_back(std::move(anon));
  }
  return out;
}

const Volume* FindMountedVolume(const ClusterState& state, const Task& task, const Mount& mount) {
  if (!mount.source.empty()) {
    auto it = state.volumes.find({task.node_id, mount.source});
    return it == state.volumes.end() ? nullptr : &it->second;
  }
  for (auto it = state.volumes.lower_bound({task.node_id, ""});
       it != state.volumes.end() && it->first.first == task.node_id; ++it) {
    const Volume& v = it->second;
    if (v.anonymous && v.owner_task_id == task.id && v.mount_target == mount.target) return &v;
  }
  return nullptr;
}

void PrepareTaskVolumes(ClusterState* state, const Task& task) {
  for (const Mount& m : TaskVolumeMounts(*state, task)) {
    if (FindMountedVolume(*state, task, m)) continue;
    Volume v;
    v.node_id = task.node_id;
    v.created_at = state->clock.now;
    if (m.source.empty()) {
      v.name = NewHexName(state);
      v.anonymous = true;
      v.owner_task_id = task.id;
      v.mount_target = m.target;
      v.labels["com.docker.volume.anonymous"] = "";
    } else {
      v.name = m.source;
      v.labels = m.volume_labels;
      if (!m.volume_driver.empty()) v.driver = m.volume_driver;
      v.options = m.volume_driver_options;
    }
    Touch(state, &v);
    std::string name = v.name;
    RecordEvent(state, "volume", "create", name, {{"driver", v.driver}, {"node", task.node_id}});
    state->volumes.emplace(VolumeKey{task.node_id, name}, std::move(v));
  }
}

Result<std::string> CreateNamedVolume(ClusterState* state, const std::string& node_id, std::string name,
                                      const std::string& driver, const std::map<std::string, std::string>& labels,
                                      const std::map<std::string, std::string>& options) {
  if (driver != "local") {
    return Status::Daemon(Status::Code::kNotFound, "create " + name + ": error looking up volume plugin " + driver +
                                                       ": plugin \"" + driver + "\" not found");
  }
  if (name.empty()) name = NewHexName(state);
  bool valid = name.size() >= 2 && std::isalnum(static_cast<unsigned char>(name[0]));
  for (char c : name) valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-');
  if (!valid) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "create " + name + ": \"" + name +
                              "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" "
                              "are allowed. If you intended to pass a host directory, use absolute path");
  }
  if (state->volumes.count({node_id, name})) return name;
  Volume v;
  v.node_id = node_id;
  v.name = name;
  v.created_at = state->clock.now;
  v.labels = labels;
  v.options = options;
  Touch(state, &v);
  RecordEvent(state, "volume", "create", name, {{"driver", v.driver}, {"node", node_id}});
  state->volumes.emplace(VolumeKey{node_id, name}, std::move(v));
  return name;
}

std::map<VolumeKey, std::vector<std::string>> VolumeUsers(const ClusterState& state) {
  std::map<VolumeKey, std::vector<std::string>> users;
  for (const auto& [id, t] : state.tasks) {
    if (t.node_id.empty()) continue;
    for (const Mount& m : TaskVolumeMounts(state, t)) {
      if (const Volume* v = FindMountedVolume(state, t, m)) {
        auto& list = users[{v->node_id, v->name}];
        if (list.empty() || list.back() != id) list.push_back(id);
      }
    }
  }
  return users;
}

int64_t VolumeDataSize(const Volume& volume) {
  int64_t n = 0;
  for (const auto& [path, content] : volume.files) n += static_cast<int64_t>(content.size());
  return n;
}

void DestroyVolume(ClusterState* state, Volume* v) {
  VolumeKey key{v->node_id, v->name};
  RecordEvent(state, "volume", "destroy", v->name, {{"driver", v->driver}, {"node", v->node_id}});
  state->removed_volumes.insert(key);
  state->volumes.erase(key);
  ++state->index;  // a deletion is a change of the store
}

std::vector<std::string> PruneVolumes(ClusterState* state, const std::string& node_id, bool all, int64_t* reclaimed) {
  auto in_use = VolumeUsers(*state);
  std::vector<Volume*> doomed;
  for (auto& [key, v] : state->volumes) {
    if (!node_id.empty() && v.node_id != node_id) continue;
    if (!v.anonymous && !all) continue;  // named volumes only with --all (API >= 1.42)
    if (!v.options.empty()) continue;    // local volumes with driver options are kept
    if (in_use.count(key)) continue;
    doomed.push_back(&v);
  }
  std::vector<std::string> names;
  for (Volume* v : doomed) {
    *reclaimed += VolumeDataSize(*v);
    names.push_back(v->name);
    DestroyVolume(state, v);
  }
  return names;
}

}  // namespace swarmsim
