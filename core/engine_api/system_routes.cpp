// _ping, version, info and distribution: what the engine says about itself.
#include "core/control/swarm.h"
#include "core/engine_api/routes.h"
#include "core/format/time_format.h"
#include "core/image/image_digest.h"

namespace swarmsim {

namespace {

constexpr const char* kEngineVersion = "28.2.2";
constexpr const char* kSimulatorNotice = "WARNING: this is the Docker Swarm Simulator (swarmsim): no containers really run";

EngineResponse Ping(const RouteContext& rc) {
  EngineResponse r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = rc.method() == "HEAD" ? "" : "OK";
  r.headers["Api-Version"] = kMaxApiVersion;
  r.headers["Ostype"] = "linux";
  r.headers["Docker-Experimental"] = "false";
  r.headers["Builder-Version"] = "2";
  r.headers["Cache-Control"] = "no-cache, no-store, must-revalidate";
  r.headers["Pragma"] = "no-cache";
  const ClusterState& s = *rc.state();
  std::string swarm = "inactive";
  if (s.swarm_active) {
    auto it = s.nodes.find(rc.node_id);
    swarm = it != s.nodes.end() && it->second.spec.role == NodeRole::kManager ? "active/manager" : "active/worker";
  }
  r.headers["Swarm"] = swarm;
  return r;
}

nlohmann::json VersionJson() {
  nlohmann::json details = {{"ApiVersion", kMaxApiVersion},    {"MinAPIVersion", kMinApiVersion},
                            {"Os", "linux"},                   {"Arch", "amd64"},
                            {"GitCommit", "swarmsim"},         {"GoVersion", "go1.24.3"},
                            {"KernelVersion", "swarmsim"},     {"Experimental", "false"},
                            {"BuildTime", "2025-05-30T12:07:16.000000000+00:00"}};
  return {{"Platform", {{"Name", "Docker Swarm Simulator"}}},
          {"Components", nlohmann::json::array({{{"Name", "Engine"}, {"Version", kEngineVersion}, {"Details", details}}})},
          {"Version", kEngineVersion},
          {"ApiVersion", kMaxApiVersion},
          {"MinAPIVersion", kMinApiVersion},
          {"GitCommit", "swarmsim"},
          {"GoVersion", "go1.24.3"},
          {"Os", "linux"},
          {"Arch", "amd64"},
          {"KernelVersion", "swarmsim"},
          {"BuildTime", "2025-05-30T12:07:16.000000000+00:00"}};
}

}  // namespace

// The swarm's cluster object as `docker info` shows it: GET /swarm's, less the join
// tokens (the daemon leaves them out of info).
nlohmann::json ClusterJson(const ClusterState& s) {
  nlohmann::json cluster = SwarmJson(s);
  cluster.erase("JoinTokens");
  return cluster;
}

namespace {

nlohmann::json InfoJson(const RouteContext& rc) {
  const ClusterState& s = *rc.state();
  const Node* self = nullptr;
  if (auto it = s.nodes.find(rc.node_id); it != s.nodes.end()) self = &it->second;
  int running = 0, stopped = 0;
  for (const auto& [id, t] : s.tasks) {
    if (t.node_id != rc.node_id || t.status.state < TaskState::kStarting) continue;
    (t.status.state == TaskState::kRunning ? running : stopped) += 1;
  }
  nlohmann::json swarm = {{"NodeID", self ? self->id : ""},
                          {"NodeAddr", self ? self->status.addr : ""},
                          {"LocalNodeState", s.swarm_active ? "active" : "inactive"},
                          {"ControlAvailable", self && self->spec.role == NodeRole::kManager},
                          {"Error", ""},
                          {"RemoteManagers", nullptr}};
  if (s.swarm_active) {
    int managers = 0;
    nlohmann::json remotes = nlohmann::json::array();
    for (const auto& [id, n] : s.nodes) {
      if (n.spec.role != NodeRole::kManager) continue;
      ++managers;
      remotes.push_back({{"NodeID", id}, {"Addr", n.manager_status ? n.manager_status->addr : n.status.addr + ":2377"}});
    }
    swarm["RemoteManagers"] = remotes;
    swarm["Nodes"] = s.nodes.size();
    swarm["Managers"] = managers;
    if (self && self->spec.role == NodeRole::kManager) swarm["Cluster"] = ClusterJson(s);
  }
  const std::string name = self ? self->description.hostname : "swarmsim";
  return {{"ID", self ? self->id : ""},
          {"Containers", running + stopped},
          {"ContainersRunning", running},
          {"ContainersPaused", 0},
          {"ContainersStopped", stopped},
          {"Images", self ? self->images.size() : 0},
          {"Driver", "overlay2"},
          {"DriverStatus", nlohmann::json::array()},
          {"Plugins", {{"Volume", {"local"}},
                       {"Network", {"bridge", "host", "ipvlan", "macvlan", "null", "overlay"}},
                       {"Log", {"json-file", "local"}}}},
          {"MemoryLimit", true},
          {"SwapLimit", true},
          {"LoggingDriver", "json-file"},
          {"CgroupDriver", "cgroupfs"},
          {"CgroupVersion", "2"},
          {"KernelVersion", "swarmsim"},
          {"OperatingSystem", "Docker Swarm Simulator"},
          {"OSType", "linux"},
          {"Architecture", "x86_64"},
          {"NCPU", self ? self->description.resources.nano_cpus / 1000000000 : 0},
          {"MemTotal", self ? self->description.resources.memory_bytes : 0},
          {"Name", name},
          {"DockerRootDir", "/var/lib/docker"},
          {"ServerVersion", kEngineVersion},
          {"Runtimes", {{"runc", {{"path", "runc"}}}}},
          {"DefaultRuntime", "runc"},
          {"Swarm", swarm},
          {"LiveRestoreEnabled", false},
          {"Isolation", ""},
          {"InitBinary", "docker-init"},
          {"SecurityOptions", nlohmann::json::array()},
          {"Warnings", {kSimulatorNotice}}};
}

// GET /distribution/NAME/json: the manifest a registry would report.
EngineResponse Distribution(const RouteContext& rc) {
  const auto& seg = rc.seg();
  if (seg.size() < 3 || seg.back() != "json") return RouteNotFound(rc);
  std::string name;
  for (size_t i = 1; i + 1 < seg.size(); ++i) name += (i > 1 ? "/" : "") + seg[i];
  std::string reference = WithoutDigest(name);
  if (reference.find(':', reference.rfind('/') == std::string::npos ? 0 : reference.rfind('/')) == std::string::npos) {
    reference += ":latest";
  }
  nlohmann::json descriptor = {{"mediaType", "application/vnd.docker.distribution.manifest.list.v2+json"},
                               {"digest", ImageDigest(rc.state()->images, reference)},
                               {"size", 1570}};
  return JsonResponse({{"Descriptor", descriptor},
                       {"Platforms", nlohmann::json::array({{{"architecture", "amd64"}, {"os", "linux"}}})}});
}

}  // namespace

EngineResponse HandleSystem(RouteContext& rc) {
  const std::string& head = rc.seg()[0];
  if (head == "distribution") {
    if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    return Distribution(rc);
  }
  if (rc.seg().size() != 1) return RouteNotFound(rc);
  if (head == "_ping") {
    if (rc.method() != "GET" && rc.method() != "HEAD") return EngineError(405, "method " + rc.method() + " not allowed on this path");
    return Ping(rc);
  }
  if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
  if (head == "version") return JsonResponse(VersionJson());
  return JsonResponse(InfoJson(rc));
}

}  // namespace swarmsim
