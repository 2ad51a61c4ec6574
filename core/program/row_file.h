// The simulated databases keep a table as a file of rows, one per line, in the
// task's file system — so the rows live wherever that path lives (a volume, or
// the container's writable layer).
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

// The rows of the file at `path`; none when it does not exist.
std::vector<std::string> ReadRows(const ClusterState& state, const Task& task, const std::string& path);

// Appends one row (creating the file). Errors from WriteTaskFile.
Status AppendRow(ClusterState* state, const Task& task, const std::string& path, const std::string& row);

}  // namespace swarmsim
