// The files a task's container sees through its mounts (configs, secrets and
// volumes), as the inspector lists them, from core/container/filesystem.h. A
// secret's content is filled in only when the viewer asks to see the files "as
// the container sees it"; otherwise only its path, source and size show.
// No ImGui here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/container/filesystem.h"

namespace swarmsim::ui {

struct MountedFile {
  std::string path;       // absolute, in the container
  FileSource source = FileSource::kLayer;
  std::string mount;      // the config, secret or volume name ("" for the layer)
  std::string where;      // DescribeFileLocation: "volume todo_data on node2"
  size_t size = 0;
  bool read_only = false;
  std::optional<std::string> content;  // nullopt: a secret, not shown
};

// Every file under the task's config, secret and volume mounts, by path.
// `show_secrets`: fill in secret contents (the container's view).
std::vector<MountedFile> TaskMountedFiles(const ClusterState& state, const Task& task, bool show_secrets);

}  // namespace swarmsim::ui
