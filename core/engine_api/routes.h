// What every route handler gets, and the handlers the router dispatches to (one
// file per object kind: system_routes, swarm_routes, node_routes, service_routes,
// blob_routes, network_routes, local_routes).
#pragma once

#include <nlohmann/json.hpp>

#include "core/cluster/state.h"
#include "core/command/command.h"
#include "core/engine_api/engine_request.h"

namespace swarmsim {

struct RouteContext {
  CommandContext* ctx = nullptr;
  const EngineRequest* request = nullptr;
  EngineTarget target;
  std::string version;     // negotiated: the path's, else kMaxApiVersion
  std::string node_id;     // the engine this endpoint answers as ("" before swarm init)

  ClusterState* state() const { return ctx->state; }
  const std::string& method() const { return request->method; }
  const std::vector<std::string>& seg() const { return target.segments; }
  std::string Query(const std::string& key) const {
    auto it = target.query.find(key);
    return it == target.query.end() ? "" : it->second;
  }
  bool QueryFlag(const std::string& key) const {
    std::string v = Query(key);
    return v == "1" || v == "true" || v == "True";
  }
};

// A JSON body with `status`.
EngineResponse JsonResponse(const nlohmann::json& body, int status = 200);
// The same with the keys in the order given (where docker prints the daemon's raw
// JSON, as `network inspect` does, the order shows).
EngineResponse OrderedJsonResponse(const nlohmann::ordered_json& body, int status = 200);
// No body (204, or 200 with nothing to say).
EngineResponse EmptyResponse(int status);
// Parses the request body as a JSON object. Errors: 400 in docker's shape.
Result<nlohmann::json> JsonBody(const RouteContext& rc);
// The string-to-string object `key` of a request body (Labels, Options, DriverOpts):
// empty when absent or null. Errors: 400 when it is not an object of strings.
Result<std::map<std::string, std::string>> StringMapField(const nlohmann::json& body, const char* key);
// The filters query parameter, with every key checked against `allowed`
// ("invalid filter 'KEY'").
Result<EngineFilters> Filters(const RouteContext& rc, const std::vector<std::string>& allowed);
// True when `labels` satisfies every "key" / "key=value" in `wanted`.
bool MatchLabels(const std::map<std::string, std::string>& labels, const std::vector<std::string>& wanted);
// True when `wanted` is empty or one of them is a prefix of `value`.
bool MatchAnyPrefix(const std::string& value, const std::vector<std::string>& wanted);
// 503 unless this endpoint is a manager of an active swarm.
Status RequireManager(const RouteContext& rc);
// The "version" query parameter of an update. Errors: 400 when it is not a number.
Result<uint64_t> VersionParam(const RouteContext& rc);
// Swarm's answer to an update with a stale version.
Status OutOfSequence();

// The container ID this engine gives a task's container: 64 hex digits, stable.
std::string ContainerId(const std::string& task_id);

// Each returns RouteNotFound (404) when the path is not theirs.
EngineResponse RouteNotFound(const RouteContext& rc);
EngineResponse HandleSystem(RouteContext& rc);    // _ping, version, info, distribution
EngineResponse HandleSwarm(RouteContext& rc);     // swarm, swarm/init
EngineResponse HandleNodes(RouteContext& rc);     // nodes
EngineResponse HandleServices(RouteContext& rc);  // services
EngineResponse HandleTasks(RouteContext& rc);     // tasks
EngineResponse HandleBlobs(RouteContext& rc);     // configs, secrets
EngineResponse HandleNetworks(RouteContext& rc);  // networks
EngineResponse HandleVolumes(RouteContext& rc);   // volumes (this node's)
EngineResponse HandleContainers(RouteContext& rc);  // containers (this node's task containers)
EngineResponse HandleEvents(RouteContext& rc);    // events
// GET /services/ID/logs: docker's multiplexed stream of what the tasks wrote.
EngineResponse HandleServiceLogs(RouteContext& rc, const Service& service);

}  // namespace swarmsim
