// /services and /tasks: the service API (create, list, inspect, update with
// version and rollback, remove) and the task list.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/command/service_view.h"
#include "core/control/configs.h"
#include "core/control/networks.h"
#include "core/control/services.h"
#include "core/control/tasks.h"
#include "core/engine_api/routes.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

std::vector<std::string> FilterValues(const EngineFilters& f, const char* key) {
  auto it = f.find(key);
  return it == f.end() ? std::vector<std::string>{} : it->second;
}

// A member of an object the way Go's encoding/json finds a field: the exact key,
// else one differing only in case. nullptr when `j` is null or not an object.
const nlohmann::json* Member(const nlohmann::json* j, const char* key) {
  if (!j || !j->is_object()) return nullptr;
  if (auto it = j->find(key); it != j->end()) return &*it;
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  const size_t n = std::strlen(key);
  for (auto it = j->begin(); it != j->end(); ++it) {
    const std::string& k = it.key();
    bool same = k.size() == n;
    for (size_t i = 0; same && i < n; ++i) same = lower(k[i]) == lower(key[i]);
    if (same) return &*it;
  }
  return nullptr;
}

void DefaultUpdateConfig(std::optional<UpdateConfig>* c) {
  if (!*c) return;
  if ((*c)->failure_action.empty()) (*c)->failure_action = "pause";
  if ((*c)->order.empty()) (*c)->order = "stop-first";
}

// The spec a client sent, as the daemon stores it: its defaults filled in, network
// names resolved to IDs and config/secret references checked.
Result<ServiceSpec> SpecFromBody(const RouteContext& rc) {
  auto body = JsonBody(rc);
  if (!body.ok()) return body.status();
  nlohmann::json& j = body.value();
  // No mode at all is a replicated service (the daemon's default).
  if (const nlohmann::json* mode = Member(&j, "Mode"); !mode || mode->is_null()) {
    j["Mode"] = {{"Replicated", nlohmann::json::object()}};
  }
  ServiceSpec spec;
  SWARMSIM_RETURN_IF_ERROR(FromJson(j, &spec));
  // A replicated service without a count runs one task (the CLI leaves it out for stacks).
  if (spec.mode == ServiceMode::kReplicated) {
    const nlohmann::json* count = Member(Member(Member(&j, "Mode"), "Replicated"), "Replicas");
    if (!count || count->is_null()) spec.replicas = 1;
  }
  for (auto& p : spec.endpoint.ports) {
    if (p.protocol.empty()) p.protocol = "tcp";
    if (p.publish_mode.empty()) p.publish_mode = "ingress";
  }
  if (spec.endpoint.mode.empty()) spec.endpoint.mode = "vip";
  if (spec.task_template.restart_policy && spec.task_template.restart_policy->condition.empty()) {
    spec.task_template.restart_policy->condition = "any";
  }
  DefaultUpdateConfig(&spec.update_config);
  DefaultUpdateConfig(&spec.rollback_config);
  for (auto& att : spec.task_template.networks) {
    auto n = ResolveNetwork(rc.state(), att.target);
    if (!n.ok()) return n.status();
    att.target = n.value()->id;
  }
  auto& c = spec.task_template.container;
  for (BlobKind kind : {BlobKind::kSecret, BlobKind::kConfig}) {
    auto& refs = kind == BlobKind::kSecret ? c.secrets : c.configs;
    for (const auto& r : refs) {
      if (!r.id.empty() && !Blobs(*rc.state(), kind).count(r.id)) {
        return Status::NotFound(std::string(ToString(kind)) + " not found: " + (r.name.empty() ? r.id : r.name));
      }
    }
    SWARMSIM_RETURN_IF_ERROR(ResolveFileReferences(*rc.state(), kind, &refs));
  }
  return spec;
}

EngineResponse ListServices(const RouteContext& rc) {
  auto filters = Filters(rc, {"id", "label", "mode", "name"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  std::map<std::string, ReplicaCount> counts;
  const bool status = rc.QueryFlag("status");
  if (status) counts = CountAllReplicas(*rc.state());
  auto modes = FilterValues(f, "mode");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, s] : rc.state()->services) {
    if (!MatchAnyPrefix(id, FilterValues(f, "id")) || !MatchAnyPrefix(s.spec.name, FilterValues(f, "name"))) continue;
    if (!MatchLabels(s.spec.labels, FilterValues(f, "label"))) continue;
    const char* mode = s.spec.mode == ServiceMode::kGlobal ? "global" : "replicated";
    if (!modes.empty() && std::find(modes.begin(), modes.end(), mode) == modes.end()) continue;
    nlohmann::json j = ToJson(s);
    if (status) {
      const ReplicaCount& c = counts[id];
      j["ServiceStatus"] = {{"RunningTasks", c.running}, {"DesiredTasks", c.desired}, {"CompletedTasks", 0}};
    }
    list.push_back(std::move(j));
  }
  return JsonResponse(list);
}

EngineResponse UpdateServiceSpec(RouteContext& rc, Service* service) {
  auto version = VersionParam(rc);
  if (!version.ok()) return EngineError(version.status());
  const std::string id = service->id;
  if (rc.Query("rollback") == "previous") {
    if (version.value() != service->version) return EngineError(OutOfSequence());
    Status st = RollbackService(rc.state(), id);
    if (!st.ok()) return EngineError(st);
    return JsonResponse(nlohmann::json::object());
  }
  auto spec = SpecFromBody(rc);
  if (!spec.ok()) return EngineError(spec.status());
  if (version.value() != service->version) return EngineError(OutOfSequence());
  Status st = UpdateService(rc.state(), id, spec.value());
  if (!st.ok()) return EngineError(st);
  return JsonResponse(nlohmann::json::object());
}

}  // namespace

EngineResponse HandleServices(RouteContext& rc) {
  Status manager = RequireManager(rc);
  if (!manager.ok()) return EngineError(manager);
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  auto not_allowed = [&] { return EngineError(405, "method " + m + " not allowed on this path"); };
  if (seg.size() == 1) {
    if (m != "GET") return not_allowed();
    return ListServices(rc);
  }
  if (seg.size() == 2 && seg[1] == "create") {
    if (m != "POST") return not_allowed();
    auto spec = SpecFromBody(rc);
    if (!spec.ok()) return EngineError(spec.status());
    auto id = CreateService(rc.state(), spec.value());
    if (!id.ok()) return EngineError(id.status());
    return JsonResponse({{"ID", id.value()}}, 201);
  }
  auto service = ResolveService(rc.state(), seg[1]);
  if (seg.size() == 2) {
    if (m != "GET" && m != "DELETE") return not_allowed();
    if (!service.ok()) return EngineError(service.status());
    // docker service inspect asks for swarm's defaults in the spec (insertDefaults).
    if (m == "GET") {
      return JsonResponse(rc.QueryFlag("insertDefaults") ? ServiceJson(*rc.state(), *service.value())
                                                         : ToJson(*service.value()));
    }
    Status st = RemoveService(rc.state(), service.value()->id);
    if (!st.ok()) return EngineError(st);
    return EmptyResponse(200);
  }
  if (seg.size() == 3 && seg[2] == "update") {
    if (m != "POST") return not_allowed();
    if (!service.ok()) return EngineError(service.status());
    return UpdateServiceSpec(rc, service.value());
  }
  if (seg.size() == 3 && seg[2] == "logs") {
    if (m != "GET") return not_allowed();
    if (!service.ok()) return EngineError(service.status());
    return HandleServiceLogs(rc, *service.value());
  }
  return RouteNotFound(rc);
}

EngineResponse HandleTasks(RouteContext& rc) {
  Status manager = RequireManager(rc);
  if (!manager.ok()) return EngineError(manager);
  const auto& seg = rc.seg();
  if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
  ClusterState* state = rc.state();
  if (seg.size() == 2) {
    auto task = ResolveTask(*state, seg[1]);
    if (!task.ok()) return EngineError(Status::NotFound("task " + seg[1] + " not found"));
    return JsonResponse(ToJson(*task.value()));
  }
  if (seg.size() != 1) return RouteNotFound(rc);
  auto filters = Filters(rc, {"_up-to-date", "desired-state", "id", "label", "name", "node", "service"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  // Services and nodes are named by ID, name or ID prefix, as the daemon resolves them.
  std::vector<std::string> service_ids, node_ids;
  for (const auto& ref : FilterValues(f, "service")) {
    Service* s = FindService(state, ref);
    service_ids.push_back(s ? s->id : ref);
  }
  for (const auto& ref : FilterValues(f, "node")) {
    Node* n = FindNode(state, ref);
    node_ids.push_back(n ? n->id : ref);
  }
  auto desired = FilterValues(f, "desired-state");
  for (const auto& d : desired) {
    if (d != "running" && d != "shutdown" && d != "accepted") {
      return EngineError(400, "Invalid desired-state filter: '" + d + "'");
    }
  }
  const bool up_to_date = f.count("_up-to-date") != 0;
  auto contains = [](const std::vector<std::string>& v, const std::string& x) {
    return v.empty() || std::find(v.begin(), v.end(), x) != v.end();
  };
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, t] : state->tasks) {
    if (!contains(service_ids, t.service_id) || !contains(node_ids, t.node_id)) continue;
    if (!MatchAnyPrefix(id, FilterValues(f, "id")) || !MatchAnyPrefix(TaskName(t), FilterValues(f, "name"))) continue;
    auto svc = state->services.find(t.service_id);
    if (!FilterValues(f, "label").empty()) {
      const auto& labels = svc != state->services.end() ? svc->second.spec.labels : t.spec->container.labels;
      if (!MatchLabels(labels, FilterValues(f, "label"))) continue;
    }
    if (!desired.empty()) {
      const char* want = t.desired_state == TaskState::kRunning ? "running"
                         : t.desired_state >= TaskState::kShutdown ? "shutdown" : "accepted";
      if (std::find(desired.begin(), desired.end(), want) == desired.end()) continue;
    }
    if (up_to_date && (svc == state->services.end() || t.spec_version != svc->second.spec_version)) continue;
    list.push_back(ToJson(t));
  }
  return JsonResponse(list);
}

}  // namespace swarmsim
