// GET /swarm and POST /swarm/init.
#include "core/control/swarm.h"
#include "core/engine_api/routes.h"

namespace swarmsim {

nlohmann::json ClusterJson(const ClusterState& s);  // system_routes.cpp

EngineResponse HandleSwarm(RouteContext& rc) {
  const auto& seg = rc.seg();
  if (seg.size() == 1) {
    if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    Status st = RequireManager(rc);
    if (!st.ok()) return EngineError(st);
    return JsonResponse(ClusterJson(*rc.state()));
  }
  if (seg.size() == 2 && seg[1] == "init") {
    if (rc.method() != "POST") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    auto body = JsonBody(rc);
    if (!body.ok()) return EngineError(body.status());
    InitOptions options;
    options.seed = rc.ctx->seed;
    if (!rc.request->node.empty()) options.hostname = rc.request->node;
    Status st = InitSwarm(rc.state(), options);
    if (!st.ok()) return EngineError(st);
    return JsonResponse(rc.state()->self_node_id);
  }
  return RouteNotFound(rc);
}

}  // namespace swarmsim
