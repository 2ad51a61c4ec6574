// The ingress routing mesh: a request to a published port on any node goes to a
// running task of the service that publishes it, the tasks taken in turn
// (deterministic round robin; the position is part of the cluster state).
#pragma once

#include <cstdint>
#include <string>

#include "core/cluster/state.h"
#include "core/program/program.h"
#include "core/status.h"

namespace swarmsim {

struct MeshResult {
  const Service* service = nullptr;  // nullptr: nothing publishes the port
  const Task* task = nullptr;        // nullptr: no running task to take it
  HttpResponse response;
};

// Routes one request arriving on `port` (ingress mode). Advances the round robin
// when a task takes it.
MeshResult RouteRequest(ClusterState* state, uint32_t port, const HttpRequest& request);

}  // namespace swarmsim
