// /nodes: list, inspect, update (the spec sent back whole), remove.
#include <algorithm>

#include "core/control/nodes.h"
#include "core/engine_api/routes.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

EngineResponse ListNodes(const RouteContext& rc) {
  auto filters = Filters(rc, {"id", "label", "membership", "name", "node.label", "role"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  auto get = [&](const char* k) { auto it = f.find(k); return it == f.end() ? std::vector<std::string>{} : it->second; };
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, n] : rc.state()->nodes) {
    if (!MatchAnyPrefix(id, get("id")) || !MatchAnyPrefix(n.description.hostname, get("name"))) continue;
    if (!MatchLabels(n.spec.labels, get("node.label")) || !MatchLabels(n.description.engine_labels, get("label"))) continue;
    auto roles = get("role");
    if (!roles.empty() && std::find(roles.begin(), roles.end(), ToString(n.spec.role)) == roles.end()) continue;
    auto membership = get("membership");
    if (!membership.empty() && std::find(membership.begin(), membership.end(), "accepted") == membership.end()) continue;
    list.push_back(ToJson(n, rc.state()->swarm.tls_info));
  }
  return JsonResponse(list);
}

// POST /nodes/ID/update?version=N with the whole NodeSpec: applied as the
// difference from the current spec, through the same UpdateNode as `node update`.
EngineResponse UpdateNodeSpec(RouteContext& rc, Node* node) {
  auto version = VersionParam(rc);
  if (!version.ok()) return EngineError(version.status());
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  if (version.value() != node->version) return EngineError(OutOfSequence());
  const nlohmann::json& j = body.value();
  NodeUpdate update;
  auto parsed_labels = StringMapField(j, "Labels");
  if (!parsed_labels.ok()) return EngineError(parsed_labels.status());
  const std::map<std::string, std::string>& labels = parsed_labels.value();
  for (const auto& [k, v] : node->spec.labels) {
    if (!labels.count(k)) update.label_rm.push_back(k);
  }
  for (const auto& [k, v] : labels) {
    auto it = node->spec.labels.find(k);
    if (it == node->spec.labels.end() || it->second != v) update.label_add[k] = v;
  }
  if (j.contains("Role") && j["Role"].is_string()) {
    NodeRole role;
    if (!ParseNodeRole(j["Role"].get<std::string>(), &role)) {
      return EngineError(400, "invalid role " + j["Role"].get<std::string>());
    }
    if (role != node->spec.role) update.role = role;
  }
  if (j.contains("Availability") && j["Availability"].is_string()) {
    NodeAvailability a;
    if (!ParseNodeAvailability(j["Availability"].get<std::string>(), &a)) {
      return EngineError(400, "invalid availability " + j["Availability"].get<std::string>());
    }
    if (a != node->spec.availability) update.availability = a;
  }
  Status st = UpdateNode(rc.state(), node->id, update);
  if (!st.ok()) return EngineError(st);
  return EmptyResponse(200);
}

}  // namespace

EngineResponse HandleNodes(RouteContext& rc) {
  Status manager = RequireManager(rc);
  if (!manager.ok()) return EngineError(manager);
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  if (seg.size() == 1) {
    if (m != "GET") return EngineError(405, "method " + m + " not allowed on this path");
    return ListNodes(rc);
  }
  auto node = ResolveNode(rc.state(), seg[1]);
  if (seg.size() == 2 && m == "GET") {
    if (!node.ok()) return EngineError(node.status());
    return JsonResponse(ToJson(*node.value(), rc.state()->swarm.tls_info));
  }
  if (seg.size() == 2 && m == "DELETE") {
    if (!node.ok()) return EngineError(node.status());
    const std::string id = node.value()->id;  // a copy: the node is erased
    Status st = RemoveNode(rc.state(), id, rc.QueryFlag("force"));
    if (!st.ok()) return EngineError(st);
    return EmptyResponse(200);
  }
  if (seg.size() == 3 && seg[2] == "update") {
    if (m != "POST") return EngineError(405, "method " + m + " not allowed on this path");
    if (!node.ok()) return EngineError(node.status());
    return UpdateNodeSpec(rc, node.value());
  }
  if (seg.size() <= 3) return EngineError(405, "method " + m + " not allowed on this path");
  return RouteNotFound(rc);
}

}  // namespace swarmsim
