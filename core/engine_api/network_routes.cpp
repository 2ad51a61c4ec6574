// /networks: the swarm's overlay networks and the endpoint node's local ones,
// predefined included (list, inspect, create, remove).
#include <algorithm>

#include "core/control/networks.h"
#include "core/engine_api/routes.h"
#include "core/model/json.h"
#include "core/model/json_order.h"

namespace swarmsim {

namespace {

// The node this endpoint is the daemon of: its predefined networks are listed.
const Node* EndpointNode(const RouteContext& rc) {
  auto it = rc.state()->nodes.find(rc.node_id);
  return it == rc.state()->nodes.end() ? nullptr : &it->second;
}

EngineResponse List(const RouteContext& rc) {
  auto filters = Filters(rc, {"dangling", "driver", "id", "label", "name", "scope", "type"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  auto get = [&](const char* k) { auto it = f.find(k); return it == f.end() ? std::vector<std::string>{} : it->second; };
  auto any_of = [](const std::vector<std::string>& wanted, const std::string& v) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), v) != wanted.end();
  };
  nlohmann::json list = nlohmann::json::array();
  std::vector<const Network*> all;
  for (const auto& [id, n] : rc.state()->networks) all.push_back(&n);
  std::vector<Network> predefined;
  if (const Node* node = EndpointNode(rc)) predefined = PredefinedNetworks(*rc.state(), *node);
  for (const Network& n : predefined) all.push_back(&n);
  for (const Network* network : all) {
    const Network& n = *network;
    if (!MatchAnyPrefix(n.id, get("id")) || !MatchLabels(n.labels, get("label"))) continue;
    if (!any_of(get("driver"), n.driver) || !any_of(get("scope"), n.scope)) continue;
    if (!any_of(get("type"), IsBuiltinNetwork(n) ? "builtin" : "custom")) continue;
    bool name_ok = get("name").empty();
    for (const auto& w : get("name")) name_ok |= n.name.find(w) != std::string::npos;
    if (!name_ok) continue;
    list.push_back(ToJson(n));
  }
  return OrderedJsonResponse(InNetworkOrder(list));
}

EngineResponse Create(const RouteContext& rc) {
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  const nlohmann::json& j = body.value();
  NetworkCreateOptions options;
  if (auto it = j.find("Name"); it != j.end() && it->is_string()) options.name = it->get<std::string>();
  if (auto it = j.find("Driver"); it != j.end() && it->is_string() && !it->get<std::string>().empty()) {
    options.driver = it->get<std::string>();
  }
  if (auto it = j.find("Attachable"); it != j.end() && it->is_boolean()) options.attachable = it->get<bool>();
  if (auto it = j.find("Internal"); it != j.end() && it->is_boolean()) options.internal = it->get<bool>();
  for (const char* key : {"Labels", "Options"}) {
    auto values = StringMapField(j, key);
    if (!values.ok()) return EngineError(values.status());
    (std::string(key) == "Labels" ? options.labels : options.options) = std::move(values).value();
  }
  if (auto ipam = j.find("IPAM"); ipam != j.end() && ipam->is_object()) {
    if (auto d = ipam->find("Driver"); d != ipam->end() && d->is_string() && !d->get<std::string>().empty()) {
      options.ipam_driver = d->get<std::string>();
    }
    if (auto cfg = ipam->find("Config"); cfg != ipam->end() && cfg->is_array()) {
      for (const auto& c : *cfg) {
        if (!c.is_object()) return EngineError(400, "invalid JSON: IPAM.Config holds a non-object");
        IpamConfig ic;
        if (auto v = c.find("Subnet"); v != c.end() && v->is_string()) ic.subnet = v->get<std::string>();
        if (auto v = c.find("Gateway"); v != c.end() && v->is_string()) ic.gateway = v->get<std::string>();
        options.ipam.push_back(ic);
      }
    }
  }
  auto id = CreateNetwork(rc.state(), options);
  if (!id.ok()) return EngineError(id.status());
  return JsonResponse({{"Id", id.value()}, {"Warning", ""}}, 201);
}

}  // namespace

EngineResponse HandleNetworks(RouteContext& rc) {
  Status manager = RequireManager(rc);
  if (!manager.ok()) return EngineError(manager);
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  auto not_allowed = [&] { return EngineError(405, "method " + m + " not allowed on this path"); };
  if (seg.size() == 1) return m == "GET" ? List(rc) : not_allowed();
  if (seg.size() == 2 && seg[1] == "create") return m == "POST" ? Create(rc) : not_allowed();
  if (seg.size() != 2) return RouteNotFound(rc);
  if (m != "GET" && m != "DELETE") return not_allowed();
  if (m == "DELETE") {
    Status st = RemoveNetworkOn(rc.state(), EndpointNode(rc), seg[1]);
    if (!st.ok()) return EngineError(st);
    return EmptyResponse(204);
  }
  auto network = ResolveNetworkOn(*rc.state(), EndpointNode(rc), seg[1], rc.Query("scope") == "swarm");
  if (!network.ok()) return EngineError(network.status());
  return OrderedJsonResponse(InNetworkOrder(ToJson(network.value())));
}

}  // namespace swarmsim
