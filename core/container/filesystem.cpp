#include "core/container/filesystem.h"

#include <algorithm>
#include <set>

#include "core/container/volumes.h"
#include "core/control/tasks.h"

namespace swarmsim {

namespace {

bool Under(const std::string& dir, const std::string& path) {
  if (dir == "/") return path.size() > 1;
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

std::string FileTarget(const FileReference& f, BlobKind kind) {
  if (!f.file_name.empty() && f.file_name[0] == '/') return CleanPath(f.file_name);
  std::string base = kind == BlobKind::kSecret ? "/run/secrets/" : "/";
  return CleanPath(base + (f.file_name.empty() ? f.name : f.file_name));
}

const Config* FindBlob(const ClusterState& state, BlobKind kind, const MountPoint& m) {
  const auto& map = kind == BlobKind::kSecret ? state.secrets : state.configs;
  if (auto it = map.find(m.object_id); it != map.end()) return &it->second;
  for (const auto& [id, c] : map) {
    if (c.name == m.name) return &c;
  }
  return nullptr;
}

// The volume mount holding `path` (longest target), or nullptr.
const MountPoint* VolumeFor(const std::vector<MountPoint>& mounts, const std::string& path) {
  const MountPoint* best = nullptr;
  for (const auto& m : mounts) {
    if (m.source != FileSource::kVolume) continue;
    if ((m.target == path || Under(m.target, path)) && (!best || m.target.size() > best->target.size())) best = &m;
  }
  return best;
}

std::string Relative(const std::string& root, const std::string& path) {
  return path == root ? "" : path.substr(root == "/" ? 1 : root.size() + 1);
}

// Every path the container can see that holds a file, with its content.
std::map<std::string, const std::string*> VisibleFiles(const ClusterState& state, const Task& task,
                                                       const std::vector<MountPoint>& mounts) {
  std::map<std::string, const std::string*> files;
  if (auto layer = state.layers.find(task.id); layer != state.layers.end()) {
    for (const auto& [path, content] : layer->second) {
      if (!VolumeFor(mounts, path)) files[path] = &content;
    }
  }
  for (const auto& m : mounts) {
    if (m.source == FileSource::kVolume) {
      auto v = state.volumes.find(m.volume);
      if (v == state.volumes.end()) continue;
      for (const auto& [rel, content] : v->second.files) {
        std::string path = CleanPath(m.target + "/" + rel);
        if (VolumeFor(mounts, path) == &m) files[path] = &content;
      }
    } else if (m.source == FileSource::kConfig || m.source == FileSource::kSecret) {
      const Config* c = FindBlob(state, m.source == FileSource::kSecret ? BlobKind::kSecret : BlobKind::kConfig, m);
      if (c) files[m.target] = &c->data;
    }
  }
  return files;
}

}  // namespace

std::string CleanPath(const std::string& path) {
  if (path.empty() || path[0] != '/') return "";
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

std::vector<MountPoint> TaskMountPoints(const ClusterState& state, const Task& task) {
  std::vector<MountPoint> out;
  if (!task.spec) return out;
  for (BlobKind kind : {BlobKind::kConfig, BlobKind::kSecret}) {
    const auto& refs = kind == BlobKind::kSecret ? task.spec->container.secrets : task.spec->container.configs;
    for (const FileReference& f : refs) {
      MountPoint m;
      m.target = FileTarget(f, kind);
      m.source = kind == BlobKind::kSecret ? FileSource::kSecret : FileSource::kConfig;
      m.name = f.name;
      m.object_id = f.id;
      m.read_only = true;
      out.push_back(std::move(m));
    }
  }
  for (const Mount& mount : TaskVolumeMounts(state, task)) {
    const Volume* v = FindMountedVolume(state, task, mount);
    if (!v) continue;
    MountPoint m;
    m.target = mount.target;
    m.source = FileSource::kVolume;
    m.name = v->name;
    m.volume = {v->node_id, v->name};
    m.anonymous = v->anonymous;
    m.read_only = mount.read_only;
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const MountPoint& a, const MountPoint& b) {
    bool av = a.source == FileSource::kVolume, bv = b.source == FileSource::kVolume;
    if (av != bv) return !av;
    return a.target < b.target;
  });
  return out;
}

void RecordFileMounts(ClusterState* state, const Task& task) {
  for (const auto& m : TaskMountPoints(*state, task)) {
    if (m.source != FileSource::kConfig && m.source != FileSource::kSecret) continue;
    BlobKind kind = m.source == FileSource::kSecret ? BlobKind::kSecret : BlobKind::kConfig;
    const Config* c = FindBlob(*state, kind, m);
    RecordEvent(state, ToString(kind), "mount", c ? c->id : m.object_id,
                {{"name", m.name}, {"task", task.id}, {"node", task.node_id}, {"target", m.target}});
  }
}

Result<std::string> ReadTaskFile(const ClusterState& state, const Task& task, const std::string& path) {
  std::string p = CleanPath(path);
  auto mounts = TaskMountPoints(state, task);
  auto files = VisibleFiles(state, task, mounts);
  if (auto it = files.find(p); !p.empty() && it != files.end()) return *it->second;
  auto listed = ListTaskPath(state, task, path);
  if (listed.ok()) return Status::InvalidArgument("cat: " + path + ": Is a directory");
  return Status::NotFound("cat: " + path + ": No such file or directory");
}

Result<std::vector<std::string>> ListTaskPath(const ClusterState& state, const Task& task, const std::string& path) {
  std::string p = CleanPath(path);
  auto missing = Status::NotFound("ls: cannot access '" + path + "': No such file or directory");
  if (p.empty()) return missing;
  auto mounts = TaskMountPoints(state, task);
  auto files = VisibleFiles(state, task, mounts);
  if (files.count(p)) return std::vector<std::string>{p.substr(p.rfind('/') + 1)};
  std::set<std::string> children;
  bool is_dir = p == "/";
  auto add_child = [&](const std::string& full) {
    if (!Under(p, full)) return;
    std::string rest = Relative(p, full);
    children.insert(rest.substr(0, rest.find('/')));
  };
  for (const auto& [full, content] : files) add_child(full);
  for (const auto& m : mounts) {
    if (m.target == p) is_dir = is_dir || m.source == FileSource::kVolume;
    add_child(m.target);
  }
  if (!is_dir && children.empty()) return missing;
  return std::vector<std::string>(children.begin(), children.end());
}

Status WriteTaskFile(ClusterState* state, const Task& task, const std::string& path, const std::string& content) {
  std::string p = CleanPath(path);
  if (p.empty() || p == "/") return Status::InvalidArgument(path + ": not a file path");
  auto mounts = TaskMountPoints(*state, task);
  for (const auto& m : mounts) {
    if (m.source != FileSource::kVolume && (m.target == p || Under(m.target, p))) {
      return Status::FailedPrecondition(path + ": Read-only file system");
    }
  }
  if (const MountPoint* m = VolumeFor(mounts, p)) {
    if (m->read_only) return Status::FailedPrecondition(path + ": Read-only file system");
    auto v = state->volumes.find(m->volume);
    if (v == state->volumes.end() || m->target == p) return Status::InvalidArgument(path + ": Is a directory");
    v->second.files[Relative(m->target, p)] = content;
    Touch(state, &v->second);
    return Status::OK();
  }
  // --read-only: the root file system refuses writes, except under a tmpfs mount
  // (memory of the container's own, gone with it like the writable layer).
  if (task.spec && task.spec->container.read_only) {
    bool in_tmpfs = false;
    for (const Mount& m : task.spec->container.mounts) {
      in_tmpfs = in_tmpfs || (m.type == "tmpfs" && (CleanPath(m.target) == p || Under(CleanPath(m.target), p)));
    }
    if (!in_tmpfs) return Status::FailedPrecondition(path + ": Read-only file system");
  }
  state->layers[task.id][p] = content;
  state->changed_layers.insert(task.id);
  return Status::OK();
}

std::string DescribeFileLocation(const ClusterState& state, const Task& task, const std::string& path) {
  std::string p = CleanPath(path);
  auto mounts = TaskMountPoints(state, task);
  std::string host = NodeHostname(state, task.node_id);
  for (const auto& m : mounts) {
    if (m.source == FileSource::kConfig && m.target == p) return "config " + m.name;
    if (m.source == FileSource::kSecret && m.target == p) return "secret " + m.name;
  }
  if (const MountPoint* m = VolumeFor(mounts, p)) {
    if (m->anonymous) return "anonymous volume " + m->name.substr(0, 12) + " on " + host;
    return "volume " + m->name + " on " + host;
  }
  return "container layer of " + TaskName(task) + " on " + host;
}

}  // namespace swarmsim
