// A task's container file system, assembled from where each path really lives:
// its mounted configs and secrets (decrypted only here), its volumes (on the
// task's node), and its writable layer (everything else; gone with the task).
//
// Paths are absolute and normalised ("/app/config/config.json"). The longest
// mount target that contains a path decides where it lives, as in a container.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

enum class FileSource { kLayer, kVolume, kConfig, kSecret };

struct MountPoint {
  std::string target;     // absolute path in the container
  FileSource source = FileSource::kLayer;
  std::string name;       // volume, config or secret name
  std::string object_id;  // config or secret ID
  VolumeKey volume;       // kVolume: (node ID, volume name)
  bool anonymous = false;
  bool read_only = false;
};

// The task's mounts, configs and secrets first, then volumes, each sorted by
// target. Volume mounts appear once the volume exists on the task's node
// (created while the task prepares).
std::vector<MountPoint> TaskMountPoints(const ClusterState& state, const Task& task);

// `cat PATH`. Errors: NotFound "cat: PATH: No such file or directory",
// InvalidArgument "cat: PATH: Is a directory".
Result<std::string> ReadTaskFile(const ClusterState& state, const Task& task, const std::string& path);

// `ls PATH`: the entries of a directory (sorted), or the file's own name.
// Errors: NotFound "ls: cannot access 'PATH': No such file or directory".
Result<std::vector<std::string>> ListTaskPath(const ClusterState& state, const Task& task, const std::string& path);

// Writes a file where the container would: into the volume that holds the path,
// else into the task's writable layer. Configs and secrets are read-only
// (FailedPrecondition "PATH: Read-only file system"). REQUIRES: the task has a node.
Status WriteTaskFile(ClusterState* state, const Task& task, const std::string& path, const std::string& content);

// Where `path` lives, in words for a teacher: "volume todo_todo-db-data on node-2",
// "anonymous volume 3f2a…c1 on node-1", "container layer of todo_todo-db.1 on node-2".
std::string DescribeFileLocation(const ClusterState& state, const Task& task, const std::string& path);

// Records, as the container starts, that it mounts each of its configs and
// secrets (event `config mount` / `secret mount` with name, task and node; never
// the data).
void RecordFileMounts(ClusterState* state, const Task& task);

// Normalises an absolute path ("/a/./b//c/" -> "/a/b/c"); "" when not absolute.
std::string CleanPath(const std::string& path);

}  // namespace swarmsim
