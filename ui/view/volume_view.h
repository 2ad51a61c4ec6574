// VolumeView: one volume name across the cluster. Swarm does not replicate local
// volumes: each node that ran a task mounting the name holds its own copy, and
// the copies drift apart as tasks write to them. The view lines the copies up
// file by file so the divergence is plain. No ImGui here; the inspector draws it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/volume.h"

namespace swarmsim::ui {

struct VolumeCopy {
  std::string node_id;
  std::string hostname;
  bool anonymous = false;
  int64_t bytes = 0;   // the sum of its files' sizes
  size_t files = 0;
  std::vector<std::string> mounted_by;  // live tasks on that node mounting it ("todo_db.1"), by name
};

struct VolumeFile {
  std::string path;  // relative to the volume root
  std::vector<std::optional<std::string>> content;  // per copy, in `copies` order (nullopt: missing there)
  bool differs = false;  // not the same bytes in every copy
};

struct VolumeView {
  std::string name;
  std::vector<VolumeCopy> copies;  // by hostname (natural order), then node ID
  std::vector<VolumeFile> files;   // every path in any copy, sorted
  bool diverged = false;           // some file differs or is missing somewhere
};

// The copies of volume `name` on every node (empty when none exists).
VolumeView BuildVolumeView(const ClusterState& state, const std::string& name);

// One node's local volumes, for the foot of its board column.
struct NodeVolume {
  std::string name;
  bool anonymous = false;
  int64_t bytes = 0;
  size_t files = 0;
};

// The volumes on `node_id`, named ones by name first, then anonymous ones.
std::vector<NodeVolume> NodeVolumes(const ClusterState& state, const std::string& node_id);

// Every volume name on any node, sorted, each once (the inspector's list).
std::vector<std::string> VolumeNames(const ClusterState& state);

// The sum of the sizes of a volume's files.
int64_t VolumeBytes(const Volume& volume);

// "3f2a9c…" for an anonymous volume's 64-hex name, the name itself otherwise.
std::string VolumeLabel(const std::string& name, bool anonymous);

}  // namespace swarmsim::ui
