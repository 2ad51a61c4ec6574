// A local volume on one node. Volumes are not cluster objects in swarm: each
// node's engine creates its own copy when a task that mounts it is prepared
// there, and nothing is replicated. The simulator keeps every node's volumes in
// one map keyed by (node ID, name), so the same name on two nodes is two volumes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "core/model/time.h"

namespace swarmsim {

struct Volume {
  std::string node_id;
  std::string name;  // STACK_VOLUME for stack volumes; 64 hex digits for anonymous ones
  std::string driver = "local";
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> options;
  Time created_at = 0;
  uint64_t version = 0;        // Version.Index of the last change (store invariant)
  bool anonymous = false;      // created for one task; removed with it
  std::string owner_task_id;   // anonymous volumes: the task that made it
  std::string mount_target;    // anonymous volumes: where that task mounts it
  // The volume's content: path relative to the volume root -> file bytes.
  std::map<std::string, std::string> files;
};

using VolumeKey = std::pair<std::string, std::string>;  // (node ID, name)

}  // namespace swarmsim
