#include "core/container/containers.h"

#include <algorithm>
#include <map>

#include "core/container/volumes.h"
#include "core/format/time_format.h"
#include "core/node/health.h"

namespace swarmsim {

namespace {

// 64 hex digits from the task ID: the same task always has the same container.
std::string ContainerId(const Task& task) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : task.id) h = (h ^ c) * 1099511628211ULL;
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  uint64_t x = h;
  while (out.size() < 64) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    for (int i = 0; i < 16 && out.size() < 64; ++i, z >>= 4) out += kHex[z & 15];
  }
  return out;
}

bool HasContainer(const Task& t) {
  if (t.node_id.empty() || t.status.state < TaskState::kReady) return false;
  // A task rejected while preparing never got its container.
  return t.status.state != TaskState::kRejected && t.status.state != TaskState::kOrphaned;
}

}  // namespace

std::string ContainerName(const Task& task) {
  std::string middle = task.slot > 0 ? std::to_string(task.slot) : task.node_id;
  return task.service_name + "." + middle + "." + task.id;
}

std::vector<ContainerInfo> NodeContainers(ClusterState* state, const std::string& node_id, bool all) {
  std::vector<ContainerInfo> out;
  for (const auto& [id, t] : state->tasks) {
    if (t.node_id != node_id || !HasContainer(t)) continue;
    ContainerInfo c;
    c.task = &t;
    c.id = ContainerId(t);
    c.name = ContainerName(t);
    c.created = t.created_at;
    TaskState s = t.status.state;
    if (s == TaskState::kReady) {
      c.state = "created";
    } else if (s <= TaskState::kRunning) {
      c.state = "running";
      c.started = t.status.timestamp;
      if (TaskHealthcheck(state, t)) c.health = s == TaskState::kRunning ? "healthy" : "starting";
    } else {
      c.state = "exited";
      c.finished = t.status.timestamp;
      c.exit_code = s == TaskState::kFailed ? t.exit_code : 0;
    }
    if (!all && c.state != "running") continue;
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const ContainerInfo& a, const ContainerInfo& b) {
    if (a.created != b.created) return a.created > b.created;
    return a.id < b.id;
  });
  return out;
}

nlohmann::ordered_json ContainerJson(const ClusterState& state, const ContainerInfo& c) {
  // Built in Go field order: docker prints ContainerJSON that way.
  using json = nlohmann::ordered_json;
  const Task& t = *c.task;
  std::vector<std::string> cmd;
  if (t.spec) {
    cmd = t.spec->container.command;
    cmd.insert(cmd.end(), t.spec->container.args.begin(), t.spec->container.args.end());
  }
  auto time_or_zero = [](Time at) { return at == 0 ? std::string("0001-01-01T00:00:00Z") : FormatRFC3339Nano(at); };
  json st = {{"Status", c.state},
             {"Running", c.state == "running"},
             {"Paused", false},
             {"Restarting", false},
             {"OOMKilled", false},
             {"Dead", false},
             {"Pid", 0},
             {"ExitCode", c.exit_code},
             {"Error", ""},
             {"StartedAt", time_or_zero(c.started)},
             {"FinishedAt", time_or_zero(c.finished)}};
  if (!c.health.empty()) st["Health"] = {{"Status", c.health}, {"FailingStreak", 0}, {"Log", json::array()}};
  std::map<std::string, std::string> label_map;  // Go writes map keys sorted
  if (t.spec) label_map = t.spec->container.labels;
  label_map["com.docker.swarm.node.id"] = t.node_id;
  label_map["com.docker.swarm.service.id"] = t.service_id;
  label_map["com.docker.swarm.service.name"] = t.service_name;
  label_map["com.docker.swarm.task"] = "";
  label_map["com.docker.swarm.task.id"] = t.id;
  label_map["com.docker.swarm.task.name"] = t.service_name + "." + (t.slot > 0 ? std::to_string(t.slot) : t.node_id);
  json labels = json::object();
  for (const auto& [k, v] : label_map) labels[k] = v;
  json config = {{"Hostname", c.id.substr(0, 12)},
                 {"Image", t.spec ? t.spec->container.image : ""},
                 {"Env", t.spec ? json(t.spec->container.env) : json::array()},
                 {"Cmd", cmd.empty() ? json(nullptr) : json(cmd)},
                 {"Labels", labels}};
  json mounts = json::array();
  for (const Mount& m : TaskVolumeMounts(state, t)) {
    const Volume* v = FindMountedVolume(state, t, m);
    std::string name = v ? v->name : m.source;
    mounts.push_back({{"Type", "volume"},
                      {"Name", name},
                      {"Source", "/var/lib/docker/volumes/" + name + "/_data"},
                      {"Destination", m.target},
                      {"Driver", "local"},
                      {"Mode", "z"},
                      {"RW", !m.read_only},
                      {"Propagation", ""}});
  }
  std::map<std::string, json> by_name;  // sorted, as Go writes the map
  for (const auto& a : t.networks) {
    auto net = state.networks.find(a.network_id);
    std::string name = net != state.networks.end() ? net->second.name : a.network_id;
    std::string ip = a.addr.substr(0, a.addr.find('/'));
    int prefix = a.addr.find('/') == std::string::npos ? 0 : std::atoi(a.addr.c_str() + a.addr.find('/') + 1);
    by_name[name] = {{"Aliases", json::array()}, {"NetworkID", a.network_id}, {"IPAddress", ip},
                     {"IPPrefixLen", prefix}};
  }
  json networks = json::object();
  for (const auto& [name, n] : by_name) networks[name] = n;
  json j = {{"Id", c.id},
            {"Created", FormatRFC3339Nano(c.created)},
            {"Path", cmd.empty() ? "" : cmd[0]},
            {"Args", cmd.size() > 1 ? json(std::vector<std::string>(cmd.begin() + 1, cmd.end())) : json::array()},
            {"State", st},
            {"Image", t.spec ? t.spec->container.image : ""},
            {"Name", "/" + c.name},
            {"RestartCount", 0},
            {"Driver", "overlay2"},
            {"Platform", "linux"},
            {"Mounts", mounts},
            {"Config", config},
            {"NetworkSettings", {{"Networks", networks}}}};
  return j;
}

}  // namespace swarmsim
