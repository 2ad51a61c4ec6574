// The postgres image: initialises its data directory (PGDATA) on first start and
// keeps the to-do table there, so the rows live wherever PGDATA lives — the
// container's writable layer, or a volume mounted over it.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/program/program.h"

namespace swarmsim {

ProgramStart StartPostgres(ClusterState* state, const Task& task);

// PGDATA as the container sees it: the service's environment, else the image's.
std::string PostgresDataDir(const ClusterState& state, const Task& task);

// The file holding the to-do table's rows, one per line.
std::string TodoTablePath(const ClusterState& state, const Task& task);

// The to-do rows; empty when the table has none. REQUIRES: a postgres task.
std::vector<std::string> ReadTodoRows(const ClusterState& state, const Task& task);
Status InsertTodoRow(ClusterState* state, const Task& task, const std::string& item);

}  // namespace swarmsim
