#include "ui/view/mounted_files.h"

#include <map>

namespace swarmsim::ui {

namespace {

// Remembers `m` for `path` unless a mount with a longer target already holds it.
void Note(std::map<std::string, const MountPoint*>* paths, const std::string& path, const MountPoint* m) {
  auto [it, added] = paths->emplace(path, m);
  if (!added && m->target.size() > it->second->target.size()) it->second = m;
}

}  // namespace

std::vector<MountedFile> TaskMountedFiles(const ClusterState& state, const Task& task, bool show_secrets) {
  std::vector<MountPoint> mounts = TaskMountPoints(state, task);
  // Candidate paths with the mount that names them; ReadTaskFile then decides
  // what the container really sees there (a longer mount target wins).
  std::map<std::string, const MountPoint*> paths;
  for (const MountPoint& m : mounts) {
    if (m.source == FileSource::kVolume) {
      auto v = state.volumes.find(m.volume);
      if (v == state.volumes.end()) continue;
      for (const auto& [rel, content] : v->second.files) Note(&paths, CleanPath(m.target + "/" + rel), &m);
    } else if (m.source == FileSource::kConfig || m.source == FileSource::kSecret) {
      Note(&paths, m.target, &m);
    }
  }
  std::vector<MountedFile> out;
  for (const auto& [path, mount] : paths) {
    auto content = ReadTaskFile(state, task, path);
    if (!content.ok()) continue;  // shadowed by another mount
    MountedFile f;
    f.path = path;
    f.source = mount->source;
    f.mount = mount->name;
    f.where = DescribeFileLocation(state, task, path);
    f.size = content.value().size();
    f.read_only = mount->read_only || mount->source != FileSource::kVolume;
    if (mount->source != FileSource::kSecret || show_secrets) f.content = std::move(content).value();
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace swarmsim::ui
