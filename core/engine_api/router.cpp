#include "core/engine_api/router.h"

#include <algorithm>

#include "core/command/label_filter.h"
#include "core/control/swarm.h"
#include "core/engine_api/routes.h"

namespace swarmsim {

namespace {

const std::string kWorkerRefusal =
    "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run "
    "this command on a manager node or promote the current node to a manager.";

}  // namespace

bool IsMutatingMethod(const std::string& method) { return method != "GET" && method != "HEAD"; }

namespace {

template <typename Json>
EngineResponse DumpedJsonResponse(const Json& body, int status) {
  EngineResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return r;
}

}  // namespace

EngineResponse JsonResponse(const nlohmann::json& body, int status) { return DumpedJsonResponse(body, status); }

EngineResponse OrderedJsonResponse(const nlohmann::ordered_json& body, int status) {
  return DumpedJsonResponse(body, status);
}

EngineResponse EmptyResponse(int status) {
  EngineResponse r;
  r.status = status;
  r.content_type.clear();
  return r;
}

Result<nlohmann::json> JsonBody(const RouteContext& rc) {
  const std::string& body = rc.request->body;
  if (body.empty()) return Status::InvalidArgument("bad parameter: the request body is empty, JSON was expected");
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("invalid JSON: the request body is not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("invalid JSON: the request body is not a JSON object");
  return j;
}

Result<std::map<std::string, std::string>> StringMapField(const nlohmann::json& body, const char* key) {
  std::map<std::string, std::string> out;
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_object()) return Status::InvalidArgument(std::string("invalid JSON: ") + key + " is not an object");
  for (const auto& [k, v] : it->items()) {
    if (!v.is_string()) {
      return Status::InvalidArgument(std::string("invalid JSON: ") + key + " " + k + " is not a string");
    }
    out[k] = v.get<std::string>();
  }
  return out;
}

Result<EngineFilters> Filters(const RouteContext& rc, const std::vector<std::string>& allowed) {
  auto f = ParseEngineFilters(rc.Query("filters"));
  if (!f.ok()) return f.status();
  for (const auto& [key, values] : f.value()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Status::InvalidArgument("invalid filter '" + key + "'");
    }
  }
  return f;
}

bool MatchLabels(const std::map<std::string, std::string>& labels, const std::vector<std::string>& wanted) {
  for (const auto& w : wanted) {
    if (!LabelMatches(labels, w)) return false;
  }
  return true;
}

bool MatchAnyPrefix(const std::string& value, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  for (const auto& w : wanted) {
    if (value.rfind(w, 0) == 0) return true;
  }
  return false;
}

Status RequireManager(const RouteContext& rc) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*rc.state()));
  auto it = rc.state()->nodes.find(rc.node_id);
  if (it == rc.state()->nodes.end() || it->second.spec.role != NodeRole::kManager) {
    return Status::FailedPrecondition(kWorkerRefusal);
  }
  return Status::OK();
}

Result<uint64_t> VersionParam(const RouteContext& rc) {
  std::string v = rc.Query("version");
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 19) {
    return Status::InvalidArgument("invalid service version '" + v + "': the version query parameter is required");
  }
  return std::strtoull(v.c_str(), nullptr, 10);
}

Status OutOfSequence() { return Status::Unknown("rpc error: code = Unknown desc = update out of sequence"); }

EngineResponse RouteNotFound(const RouteContext&) { return EngineError(404, "page not found"); }

EngineResponse HandleEngineRequest(CommandContext* ctx, const EngineRequest& request) {
  auto target = ParseEngineTarget(request.target);
  if (!target.ok()) return EngineError(target.status());
  RouteContext rc;
  rc.ctx = ctx;
  rc.request = &request;
  rc.target = std::move(target.value());
  rc.version = rc.target.version.empty() ? kMaxApiVersion : rc.target.version;
  if (CompareApiVersions(rc.version, kMaxApiVersion) > 0) {
    return EngineError(400, "client version " + rc.version + " is too new. Maximum supported API version is " +
                                kMaxApiVersion);
  }
  if (CompareApiVersions(rc.version, kMinApiVersion) < 0) {
    return EngineError(400, "client version " + rc.version + " is too old. Minimum supported API version is " +
                                kMinApiVersion + ", please upgrade your client to a newer version");
  }
  ClusterState* state = ctx->state;
  if (request.node.empty()) {
    rc.node_id = state->self_node_id;
  } else if (state->swarm_active) {
    Node* n = FindNode(state, request.node);
    if (!n) return EngineError(404, "node " + request.node + " not found: this endpoint answers for a node that is not in the swarm");
    rc.node_id = n->id;
  }
  if (rc.seg().empty()) return RouteNotFound(rc);
  const std::string& head = rc.seg()[0];
  if (head == "_ping" || head == "version" || head == "info" || head == "distribution") return HandleSystem(rc);
  if (head == "swarm") return HandleSwarm(rc);
  if (head == "nodes") return HandleNodes(rc);
  if (head == "services") return HandleServices(rc);
  if (head == "tasks") return HandleTasks(rc);
  if (head == "configs" || head == "secrets") return HandleBlobs(rc);
  if (head == "networks") return HandleNetworks(rc);
  if (head == "volumes") return HandleVolumes(rc);
  if (head == "containers") return HandleContainers(rc);
  if (head == "events") return HandleEvents(rc);
  return RouteNotFound(rc);
}

}  // namespace swarmsim
