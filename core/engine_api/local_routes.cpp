// What one engine holds locally: its volumes and its task containers. A swarm
// node's engine shows only its own, so these answer for the endpoint's node.
#include <algorithm>

#include "core/container/volumes.h"
#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/engine_api/routes.h"
#include "core/format/hex_hash.h"
#include "core/format/human_duration.h"
#include "core/image/image_digest.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

EngineResponse ListVolumes(const RouteContext& rc) {
  auto filters = Filters(rc, {"dangling", "driver", "label", "name"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  auto get = [&](const char* k) { auto it = f.find(k); return it == f.end() ? std::vector<std::string>{} : it->second; };
  auto users = VolumeUsers(*rc.state());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [key, v] : rc.state()->volumes) {
    if (v.node_id != rc.node_id || !MatchLabels(v.labels, get("label"))) continue;
    auto drivers = get("driver");
    if (!drivers.empty() && std::find(drivers.begin(), drivers.end(), v.driver) == drivers.end()) continue;
    bool name_ok = get("name").empty();
    for (const auto& w : get("name")) name_ok |= v.name.find(w) != std::string::npos;
    if (!name_ok) continue;
    for (const auto& d : get("dangling")) {
      bool dangling = !users.count(key);
      if ((d == "true" || d == "1") != dangling) name_ok = false;
    }
    if (!name_ok) continue;
    list.push_back(ToJson(v));
  }
  return JsonResponse({{"Volumes", list}, {"Warnings", nullptr}});
}

// A task's container as this engine lists it.
struct ContainerRef {
  const Task* task = nullptr;
  std::string id;    // 64 hex digits, stable per task
  std::string name;  // swarm's NAME.SLOT.TASKID (global: NAME.NODEID.TASKID)
};

std::vector<ContainerRef> NodeContainers(const RouteContext& rc) {
  std::vector<ContainerRef> out;
  for (const auto& [id, t] : rc.state()->tasks) {
    if (t.node_id != rc.node_id || t.status.state < TaskState::kStarting) continue;
    out.push_back({&t, ContainerId(t.id), TaskName(t) + "." + t.id});
  }
  return out;
}

// docker resolves a container by full ID, name (with or without "/"), then ID prefix.
Result<ContainerRef> FindContainer(const RouteContext& rc, const std::string& ref) {
  auto all = NodeContainers(rc);
  std::string name = ref.rfind('/', 0) == 0 ? ref.substr(1) : ref;
  for (const auto& c : all) {
    if (c.id == ref || c.name == name) return c;
  }
  std::vector<ContainerRef> prefixed;
  for (const auto& c : all) {
    if (!ref.empty() && c.id.rfind(ref, 0) == 0) prefixed.push_back(c);
  }
  if (prefixed.size() == 1) return prefixed[0];
  if (prefixed.size() > 1) return Status::InvalidArgument("multiple IDs found with provided prefix: " + ref);
  return Status::NotFound("No such container: " + ref);
}

std::map<std::string, std::string> ContainerLabels(const ClusterState& s, const Task& t) {
  std::map<std::string, std::string> labels = t.spec->container.labels;
  labels["com.docker.swarm.node.id"] = t.node_id;
  labels["com.docker.swarm.service.id"] = t.service_id;
  labels["com.docker.swarm.service.name"] = t.service_name;
  labels["com.docker.swarm.task"] = "";
  labels["com.docker.swarm.task.id"] = t.id;
  labels["com.docker.swarm.task.name"] = TaskName(t) + "." + t.id;
  (void)s;
  return labels;
}

std::string StatusText(const ClusterState& s, const Task& t) {
  Duration up = s.clock.now - t.status.timestamp;
  if (t.status.state == TaskState::kRunning) return "Up " + HumanDuration(up);
  if (t.status.state == TaskState::kStarting) return "Created";
  return "Exited (" + std::to_string(t.exit_code) + ") " + HumanDuration(up) + " ago";
}

const char* StateWord(const Task& t) {
  if (t.status.state == TaskState::kRunning) return "running";
  if (t.status.state == TaskState::kStarting) return "created";
  return "exited";
}

EngineResponse ListContainers(const RouteContext& rc) {
  auto filters = Filters(rc, {"ancestor", "id", "label", "name", "status"});
  if (!filters.ok()) return EngineError(filters.status());
  const EngineFilters& f = filters.value();
  auto get = [&](const char* k) { auto it = f.find(k); return it == f.end() ? std::vector<std::string>{} : it->second; };
  const bool all = rc.QueryFlag("all");
  const ClusterState& s = *rc.state();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : NodeContainers(rc)) {
    const Task& t = *c.task;
    if (!all && t.status.state != TaskState::kRunning) continue;
    auto labels = ContainerLabels(s, t);
    if (!MatchLabels(labels, get("label")) || !MatchAnyPrefix(c.id, get("id"))) continue;
    bool name_ok = get("name").empty();
    for (const auto& w : get("name")) name_ok |= c.name.find(w) != std::string::npos;
    auto statuses = get("status");
    if (!name_ok || (!statuses.empty() && std::find(statuses.begin(), statuses.end(), StateWord(t)) == statuses.end())) {
      continue;
    }
    nlohmann::json l = nlohmann::json::object();
    for (const auto& [k, v] : labels) l[k] = v;
    list.push_back({{"Id", c.id},
                    {"Names", {"/" + c.name}},
                    {"Image", t.spec->container.image},
                    {"ImageID", "sha256:" + HexHash256("image\n" + WithoutDigest(t.spec->container.image))},
                    {"Command", ""},
                    {"Created", t.created_at / kSecond},
                    {"Ports", nlohmann::json::array()},
                    {"Labels", l},
                    {"State", StateWord(t)},
                    {"Status", StatusText(s, t)},
                    {"HostConfig", {{"NetworkMode", "default"}}},
                    {"NetworkSettings", {{"Networks", nlohmann::json::object()}}},
                    {"Mounts", nlohmann::json::array()}});
  }
  return JsonResponse(list);
}

nlohmann::json InspectContainer(const RouteContext& rc, const ContainerRef& c) {
  const ClusterState& s = *rc.state();
  const Task& t = *c.task;
  nlohmann::json labels = nlohmann::json::object();
  for (const auto& [k, v] : ContainerLabels(s, t)) labels[k] = v;
  const bool running = t.status.state == TaskState::kRunning;
  return {{"Id", c.id},
          {"Created", ToJson(t)["CreatedAt"]},
          {"Path", ""},
          {"Args", nlohmann::json::array()},
          {"State", {{"Status", StateWord(t)}, {"Running", running}, {"Paused", false}, {"Restarting", false},
                     {"OOMKilled", false}, {"Dead", false}, {"Pid", 0}, {"ExitCode", running ? 0 : t.exit_code},
                     {"Error", t.status.err}, {"StartedAt", ToJson(t)["Status"]["Timestamp"]},
                     {"FinishedAt", "0001-01-01T00:00:00Z"}}},
          {"Image", "sha256:" + HexHash256("image\n" + WithoutDigest(t.spec->container.image))},
          {"Name", "/" + c.name},
          {"RestartCount", 0},
          {"Driver", "overlay2"},
          {"Platform", "linux"},
          {"Config", {{"Hostname", t.id.substr(0, 12)}, {"Image", t.spec->container.image},
                      {"Env", t.spec->container.env}, {"Labels", labels}}},
          {"HostConfig", {{"NetworkMode", "default"}}},
          {"Mounts", nlohmann::json::array()},
          {"NetworkSettings", {{"Networks", nlohmann::json::object()}}}};
}

// POST /volumes/create: a local volume on this endpoint's node, answered with
// the volume (201) as the daemon does; an existing name is returned unchanged.
EngineResponse CreateVolume(const RouteContext& rc) {
  auto body = JsonBody(rc);
  if (!body.ok()) return EngineError(body.status());
  const nlohmann::json& j = body.value();
  std::string name, driver = "local";
  if (auto it = j.find("Name"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return EngineError(400, "invalid JSON: Name is not a string");
    name = it->get<std::string>();
  }
  if (auto it = j.find("Driver"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return EngineError(400, "invalid JSON: Driver is not a string");
    if (!it->get<std::string>().empty()) driver = it->get<std::string>();
  }
  if (auto it = j.find("ClusterVolumeSpec"); it != j.end() && !it->is_null()) {
    // Swarm's CSI cluster volumes need a CSI plugin on the nodes; none is simulated.
    return EngineError(400, "create " + name + ": cluster volumes are not simulated: swarmsim's engines have "
                                "local volumes only");
  }
  auto labels = StringMapField(j, "Labels");
  if (!labels.ok()) return EngineError(labels.status());
  auto options = StringMapField(j, "DriverOpts");
  if (!options.ok()) return EngineError(options.status());
  auto created = CreateNamedVolume(rc.state(), rc.node_id, name, driver, labels.value(), options.value());
  if (!created.ok()) return EngineError(created.status());
  return JsonResponse(ToJson(rc.state()->volumes.at({rc.node_id, created.value()})), 201);
}

}  // namespace

std::string ContainerId(const std::string& task_id) { return HexHash256("container\n" + task_id); }

EngineResponse HandleVolumes(RouteContext& rc) {
  Status swarm = RequireSwarm(*rc.state());
  if (!swarm.ok()) return EngineError(swarm);
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  if (seg.size() == 1) {
    if (m != "GET") return EngineError(405, "method " + m + " not allowed on this path");
    return ListVolumes(rc);
  }
  // POST /volumes/create and /volumes/prune; other methods on these paths name a
  // volume called "create" or "prune", as in the daemon's router.
  if (seg.size() == 2 && seg[1] == "create" && m == "POST") return CreateVolume(rc);
  if (seg.size() == 2 && seg[1] == "prune" && m == "POST") {
    auto filters = Filters(rc, {"all", "label"});
    if (!filters.ok()) return EngineError(filters.status());
    auto all = filters.value().find("all");
    // Before API 1.42 prune removed named volumes too; from 1.42 only with all=true.
    bool named = CompareApiVersions(rc.version, "1.42") < 0 ||
                 (all != filters.value().end() && !all->second.empty() &&
                  (all->second[0] == "true" || all->second[0] == "1"));
    int64_t reclaimed = 0;
    std::vector<std::string> names = PruneVolumes(rc.state(), rc.node_id, named, &reclaimed);
    return JsonResponse({{"VolumesDeleted", names.empty() ? nlohmann::json(nullptr) : nlohmann::json(names)},
                         {"SpaceReclaimed", reclaimed}});
  }
  if (seg.size() != 2) return RouteNotFound(rc);
  if (m != "GET" && m != "DELETE") return EngineError(405, "method " + m + " not allowed on this path");
  auto it = rc.state()->volumes.find({rc.node_id, seg[1]});
  if (it == rc.state()->volumes.end()) {
    if (m == "DELETE" && rc.QueryFlag("force")) return EmptyResponse(204);
    return EngineError(404, "get " + seg[1] + ": no such volume");
  }
  if (m == "GET") return JsonResponse(ToJson(it->second));
  auto users = VolumeUsers(*rc.state());
  if (auto u = users.find(it->first); u != users.end()) {
    std::string list;
    for (const auto& id : u->second) list += (list.empty() ? "" : " ") + id;
    return EngineError(409, "remove " + seg[1] + ": volume is in use - [" + list + "]");
  }
  DestroyVolume(rc.state(), &it->second);
  return EmptyResponse(204);
}

EngineResponse HandleContainers(RouteContext& rc) {
  Status swarm = RequireSwarm(*rc.state());
  if (!swarm.ok()) return EngineError(swarm);
  const auto& seg = rc.seg();
  const std::string& m = rc.method();
  if (seg.size() == 2 && seg[1] == "json") {
    if (m != "GET") return EngineError(405, "method " + m + " not allowed on this path");
    return ListContainers(rc);
  }
  if (seg.size() != 3) return RouteNotFound(rc);
  auto c = FindContainer(rc, seg[1]);
  if (seg[2] == "json") {
    if (m != "GET") return EngineError(405, "method " + m + " not allowed on this path");
    if (!c.ok()) return EngineError(c.status());
    return JsonResponse(InspectContainer(rc, c.value()));
  }
  if (seg[2] == "exec") {
    // The exec instance: its ID names the task and the command, so starting it
    // needs nothing kept here (the server remembers the command it forwarded).
    if (m != "POST") return EngineError(405, "method " + m + " not allowed on this path");
    if (!c.ok()) return EngineError(c.status());
    auto body = JsonBody(rc);
    if (!body.ok()) return EngineError(body.status());
    auto cmd = body.value().find("Cmd");
    if (cmd == body.value().end() || !cmd->is_array() || cmd->empty()) {
      return EngineError(400, "No exec command specified");
    }
    for (const auto& a : *cmd) {
      if (!a.is_string()) return EngineError(400, "invalid JSON: Cmd is not a list of strings");
    }
    if (c.value().task->status.state != TaskState::kRunning) {
      return EngineError(409, "container " + c.value().id + " is not running");
    }
    return JsonResponse({{"Id", HexHash256("exec\n" + c.value().task->id + "\n" + cmd->dump())},
                         {"Swarmsim-Task", c.value().task->id}}, 201);
  }
  return RouteNotFound(rc);
}

}  // namespace swarmsim
