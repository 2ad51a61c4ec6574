// The Docker Engine API as the daemon answers it, over the simulated cluster:
// version negotiation, routing, and one handler per object kind (routes.h). Every
// behaviour comes from core/control and core/model; this layer only maps requests
// to those calls and their results to the daemon's JSON and status codes.
#pragma once

#include "core/command/command.h"
#include "core/engine_api/engine_request.h"

namespace swarmsim {

// Answers one request against ctx->state. A mutating request (POST, PUT, DELETE)
// changes the state only when the response is 2xx; the caller rolls back otherwise.
// Streams (events, service logs) answer with what is there now; the server follows.
EngineResponse HandleEngineRequest(CommandContext* ctx, const EngineRequest& request);

// True for the methods that may change the cluster (they are recorded in the log).
bool IsMutatingMethod(const std::string& method);

}  // namespace swarmsim
