// GET /swarm, POST /swarm/init, /swarm/update (settings, token rotation) and /swarm/leave.
#include "core/control/swarm.h"
#include "core/engine_api/routes.h"

namespace swarmsim {

namespace {

// POST /swarm/update?version=N[&rotateWorkerToken=true][&rotateManagerToken=true]:
// the client sends the whole spec back (GET /swarm, change, POST); the settings
// swarmsim acts on are read from it, the rest of the spec is swarm's fixed one.
EngineResponse UpdateSwarmRoute(RouteContext& rc) {
  auto version = VersionParam(rc);
  if (!version.ok()) return EngineError(version.status());
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  if (version.value() != rc.state()->swarm.version) return EngineError(OutOfSequence());
  const nlohmann::json& spec = body.value();
  SwarmUpdate update;
  auto number = [&](const char* section, const char* field) -> std::optional<int64_t> {
    auto s = spec.find(section);
    if (s == spec.end() || !s->is_object()) return std::nullopt;
    auto f = s->find(field);
    if (f == s->end() || !f->is_number_integer()) return std::nullopt;
    return f->get<int64_t>();
  };
  update.task_history_limit = number("Orchestration", "TaskHistoryRetentionLimit");
  update.dispatcher_heartbeat = number("Dispatcher", "HeartbeatPeriod");
  update.cert_expiry = number("CAConfig", "NodeCertExpiry");
  Status st = UpdateSwarm(rc.state(), update);
  if (!st.ok()) return EngineError(st);
  if (rc.QueryFlag("rotateWorkerToken")) RotateJoinToken(rc.state(), NodeRole::kWorker);
  if (rc.QueryFlag("rotateManagerToken")) RotateJoinToken(rc.state(), NodeRole::kManager);
  return EmptyResponse(200);
}

}  // namespace

EngineResponse HandleSwarm(RouteContext& rc) {
  const auto& seg = rc.seg();
  if (seg.size() == 1) {
    if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    Status st = RequireManager(rc);
    if (!st.ok()) return EngineError(st);
    return JsonResponse(SwarmJson(*rc.state()));
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
  if (seg.size() == 2 && (seg[1] == "update" || seg[1] == "leave")) {
    if (rc.method() != "POST") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    Status st = RequireManager(rc);
    if (!st.ok()) return EngineError(st);
    if (seg[1] == "update") return UpdateSwarmRoute(rc);
    st = LeaveSwarm(rc.state(), rc.QueryFlag("force"));
    if (!st.ok()) return EngineError(st);
    return EmptyResponse(200);
  }
  return RouteNotFound(rc);
}

}  // namespace swarmsim
