#include "core/control/swarm.h"

#include "core/ca/root_ca.h"
#include "core/control/nodes.h"
#include "core/format/time_format.h"
#include "core/model/json.h"

namespace swarmsim {

Status NotASwarmManager() {
  return Status::Daemon(Status::Code::kFailedPrecondition,
                        "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to "
                        "connect this node to swarm and try again.");
}

Status RequireSwarm(const ClusterState& state) {
  return state.swarm_active ? Status::OK() : NotASwarmManager();
}

Status InitSwarm(ClusterState* state, const InitOptions& options) {
  if (state->swarm_active) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and "
                          "join another one.");
  }
  state->id_seed = options.seed != 0 ? options.seed : static_cast<uint64_t>(state->clock.now);
  state->swarm_active = true;
  state->cluster_id = NewId(state);
  NodeOptions node;
  node.hostname = options.hostname;
  node.role = NodeRole::kManager;
  node.cpus = options.cpus;
  node.memory_bytes = options.memory_bytes;
  auto added = AddNode(state, node);
  if (!added.ok()) return added.status();
  state->self_node_id = added.value();

  Network ingress;
  ingress.id = NewId(state);
  ingress.created_at = state->clock.now;
  ingress.name = "ingress";
  ingress.ingress = true;
  ingress.ipam.push_back({"10.0.0.0/24", "10.0.0.1"});
  ingress.options["com.docker.network.driver.overlay.vxlanid_list"] = "4096";
  Touch(state, &ingress);
  state->networks[ingress.id] = ingress;
  // The swarm object shares the index of its last part: drawing one would shift
  // every later Version.Index.
  state->swarm = SwarmSettings();
  state->swarm.created_at = state->swarm.updated_at = state->clock.now;
  state->swarm.version = state->index;
  // Seeded by the cluster ID (itself from the ID seed) rather than by drawing from
  // the ID generator, which would move every later ID.
  state->swarm.tls_info = TlsInfoOf(CreateRootCa(state->cluster_id, state->clock.now));
  RecordEvent(state, "swarm", "init", state->cluster_id, {{"node", state->self_node_id}});
  return Status::OK();
}

namespace {

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// `n` base36 characters from a splitmix64 stream seeded with `seed`.
std::string Base36(uint64_t seed, size_t n) {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  uint64_t x = seed;
  while (out.size() < n) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    out += kDigits[z % 36];
  }
  return out;
}

bool IsBase36(const std::string& s) { return s.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz") == std::string::npos; }

}  // namespace

std::string JoinToken(const ClusterState& state, NodeRole role) {
  std::string digest = Base36(Fnv1a(state.cluster_id + "/ca"), 50);
  uint64_t rotations = role == NodeRole::kManager ? state.swarm.manager_token_rotations : state.swarm.worker_token_rotations;
  std::string secret = Base36(Fnv1a(state.cluster_id + "/" + ToString(role) + "/" + std::to_string(rotations)), 25);
  return "SWMTKN-1-" + digest + "-" + secret;
}

void RotateJoinToken(ClusterState* state, NodeRole role) {
  ++(role == NodeRole::kManager ? state->swarm.manager_token_rotations : state->swarm.worker_token_rotations);
  state->swarm.version = ++state->index;
  state->swarm.updated_at = state->clock.now;
  RecordEvent(state, "swarm", "update", state->cluster_id, {{"jointoken." + std::string(ToString(role)), "rotated"}});
}

Result<NodeRole> CheckJoinToken(const ClusterState& state, const std::string& token) {
  // SWMTKN-1-<digest>-<secret>: swarm's ParseJoinToken.
  const std::string prefix = "SWMTKN-1-";
  auto dash = token.rfind('-');
  bool shaped = token.rfind(prefix, 0) == 0 && dash != std::string::npos && dash > prefix.size() &&
                IsBase36(token.substr(prefix.size(), dash - prefix.size())) && token.size() - dash - 1 == 25 &&
                IsBase36(token.substr(dash + 1));
  if (!shaped) return Status::Daemon(Status::Code::kInvalidArgument, "invalid join token");
  if (token == JoinToken(state, NodeRole::kWorker)) return NodeRole::kWorker;
  if (token == JoinToken(state, NodeRole::kManager)) return NodeRole::kManager;
  return Status::Daemon(Status::Code::kInvalidArgument,
                        "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster");
}

Status UpdateSwarm(ClusterState* state, const SwarmUpdate& update) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  if (update.cert_expiry && *update.cert_expiry < 3600 * kSecond) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s");
  }
  if (update.dispatcher_heartbeat && *update.dispatcher_heartbeat < 0) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "rpc error: code = InvalidArgument desc = heartbeat time period cannot be a negative "
                          "duration");
  }
  SwarmSettings& w = state->swarm;
  if (update.task_history_limit) w.task_history_limit = *update.task_history_limit;
  if (update.dispatcher_heartbeat) w.dispatcher_heartbeat = *update.dispatcher_heartbeat;
  if (update.cert_expiry) w.cert_expiry = *update.cert_expiry;
  w.version = ++state->index;
  w.updated_at = state->clock.now;
  RecordEvent(state, "swarm", "update", state->cluster_id);
  return Status::OK();
}

nlohmann::json SwarmJson(const ClusterState& state) {
  const SwarmSettings& w = state.swarm;
  nlohmann::json spec = {
      {"Name", "default"},
      {"Labels", nlohmann::json::object()},
      {"Orchestration", {{"TaskHistoryRetentionLimit", w.task_history_limit}}},
      {"Raft",
       {{"SnapshotInterval", 10000}, {"KeepOldSnapshots", 0}, {"LogEntriesForSlowFollowers", 500},
        {"ElectionTick", 10}, {"HeartbeatTick", 1}}},
      {"Dispatcher", {{"HeartbeatPeriod", w.dispatcher_heartbeat}}},
      {"CAConfig", {{"NodeCertExpiry", w.cert_expiry}}},
      {"TaskDefaults", nlohmann::json::object()},
      {"EncryptionConfig", {{"AutoLockManagers", false}}}};
  nlohmann::json j = {{"ID", state.cluster_id},
                      {"Version", {{"Index", w.version}}},
                      {"CreatedAt", FormatRFC3339Nano(w.created_at)},
                      {"UpdatedAt", FormatRFC3339Nano(w.updated_at)},
                      {"Spec", spec},
                      {"TLSInfo", ToJson(w.tls_info)},
                      {"RootRotationInProgress", false},
                      {"DefaultAddrPool", {"10.0.0.0/8"}},
                      {"SubnetSize", 24},
                      {"DataPathPort", 4789},
                      {"JoinTokens",
                       {{"Worker", JoinToken(state, NodeRole::kWorker)},
                        {"Manager", JoinToken(state, NodeRole::kManager)}}}};
  return j;
}

Status LeaveSwarm(ClusterState* state, bool force) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  int reachable = 0, unreachable = 0;
  for (const auto& [id, n] : state->nodes) {
    if (n.spec.role != NodeRole::kManager) continue;
    (n.status.state == NodeState::kDown ? unreachable : reachable)++;
  }
  bool last = reachable == 1 && unreachable == 0;
  if (!force) {
    std::string msg = "You are attempting to leave the swarm on a node that is participating as a manager. ";
    if (reachable - 2 <= unreachable) {  // leaving would cost the quorum
      if (last) {
        return Status::Daemon(Status::Code::kFailedPrecondition,
                              msg + "Removing the last manager erases all current state of the swarm. Use `--force` "
                                    "to ignore this message. ");
      }
      msg += "Removing this node leaves " + std::to_string(reachable - 1) + " managers out of " +
             std::to_string(reachable + unreachable) + ". Without a Raft quorum your swarm will be inaccessible. ";
    }
    msg += "The only way to restore a swarm that has lost consensus is to reinitialize it with "
           "`--force-new-cluster`. Use `--force` to suppress this message.";
    return Status::Daemon(Status::Code::kFailedPrecondition, msg);
  }
  if (reachable <= 1) {
    // The last manager takes the swarm with it: every object goes.
    for (const auto& [id, n] : state->nodes) state->removed_nodes.insert(id);
    for (const auto& [id, s] : state->services) state->removed_services.insert(id);
    for (const auto& [id, t] : state->tasks) state->removed_tasks.insert(id);
    for (const auto& [id, n] : state->networks) state->removed_networks.insert(id);
    for (const auto& [id, c] : state->configs) state->removed_configs.insert(id);
    for (const auto& [id, c] : state->secrets) state->removed_secrets.insert(id);
    for (const auto& [key, v] : state->volumes) state->removed_volumes.insert(key);
    for (const auto& [id, l] : state->layers) state->changed_layers.insert(id);
    RecordEvent(state, "swarm", "leave", state->cluster_id, {{"node", state->self_node_id}});
    std::string keep_cluster = state->cluster_id;
    state->nodes.clear();
    state->services.clear();
    state->tasks.clear();
    state->networks.clear();
    state->configs.clear();
    state->secrets.clear();
    state->volumes.clear();
    state->layers.clear();
    state->spec_cache.clear();
    state->due.clear();
    state->mesh_next.clear();
    state->mesh_changed = true;
    state->swarm_active = false;
    state->cluster_id.clear();
    state->self_node_id.clear();
    state->swarm = SwarmSettings();
    ++state->index;
    return Status::OK();
  }
  // Other managers carry on: this machine leaves (Down, out of the managers), and
  // the next reachable manager leads.
  Node& self = state->nodes.at(state->self_node_id);
  std::string self_id = self.id;
  SWARMSIM_RETURN_IF_ERROR(StopNode(state, self_id));
  Node& left = state->nodes.at(self_id);
  left.agent_down = true;
  left.status.state = NodeState::kDown;
  left.status.message = "node left the swarm";
  left.down_at = 0;
  if (left.manager_status) {
    left.manager_status->leader = false;
    left.manager_status->reachability = "unreachable";
  }
  Touch(state, &left);
  RecordEvent(state, "node", "update", self_id,
              {{"name", left.description.hostname}, {"state.new", "down"}, {"message", "node left the swarm"}});
  ElectLeader(state);
  return Status::OK();
}

}  // namespace swarmsim
