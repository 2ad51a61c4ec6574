#include "core/model/json_order.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace swarmsim {

namespace {

// One order for every struct: where two structs share a field, their Go field
// orders agree with this list (e.g. Timestamp < State < Message < Err in TaskStatus,
// State < StartedAt < CompletedAt < Message in UpdateStatus).
const char* const kFieldOrder[] = {
    "ID", "Version", "Index", "CreatedAt", "UpdatedAt", "Type", "Name", "Image", "EngineVersion", "NoCopy", "Labels",
    "Role", "Availability", "Spec", "PreviousSpec", "TaskTemplate", "ContainerSpec", "Command", "Args",
    "Hostname", "Env", "Dir", "User", "Groups", "Privileges", "Init", "StopSignal", "TTY", "OpenStdin",
    "Source", "Target", "Aliases", "DriverOpts", "ReadOnly", "Consistency", "BindOptions", "Propagation", "NonRecursive",
    "VolumeOptions", "Subpath", "DriverConfig", "TmpfsOptions", "Mounts", "StopGracePeriod", "Healthcheck", "Test", "Interval", "Timeout",
    "StartPeriod", "StartInterval", "Retries", "Hosts", "DNSConfig", "Nameservers", "Search", "File",
    "UID", "GID", "SecretID", "SecretName", "ConfigID", "ConfigName", "Secrets", "Configs", "Isolation",
    "Sysctls", "CapabilityAdd", "CapabilityDrop", "Ulimits", "PluginSpec", "Resources", "Limits",
    "Reservations", "NanoCPUs", "MemoryBytes", "Pids", "GenericResources", "RestartPolicy", "Parallelism",
    "Condition", "Delay", "MaxAttempts", "Window", "FailureAction", "Monitor", "MaxFailureRatio", "Order",
    "Placement", "Constraints", "Preferences", "Spread", "SpreadDescriptor", "MaxReplicas", "Platforms",
    "Networks", "LogDriver", "ForceUpdate", "Runtime", "SizeBytes", "Mode", "Replicated", "Global", "Replicas",
    "ReplicatedJob", "MaxConcurrent", "TotalCompletions", "GlobalJob",
    "UpdateConfig", "RollbackConfig", "EndpointSpec", "Protocol", "TargetPort", "PublishedPort", "PublishMode",
    "Ports", "VirtualIPs", "NetworkID", "Endpoint", "UpdateStatus", "ServiceStatus", "JobStatus", "JobIteration",
    "LastExecution", "ServiceID", "Slot",
    "NodeID", "Description", "Platform", "Architecture", "OS", "Engine", "Plugins", "TLSInfo", "TrustRoot",
    "CertIssuerSubject", "CertIssuerPublicKey", "RootRotationInProgress", "DefaultAddrPool", "SubnetSize",
    "DataPathPort", "JoinTokens", "Worker", "Manager", "Status",
    "Timestamp", "State", "StartedAt", "CompletedAt", "Leader", "Reachability", "Message", "Err",
    "ContainerStatus", "PortStatus", "Addr", "DesiredState", "ManagerStatus", "NetworksAttachments",
    // The swarm's Spec (Name and Labels come first, above).
    "Orchestration", "TaskHistoryRetentionLimit", "Raft", "SnapshotInterval", "KeepOldSnapshots",
    "LogEntriesForSlowFollowers", "ElectionTick", "HeartbeatTick", "Dispatcher", "HeartbeatPeriod", "CAConfig",
    "NodeCertExpiry", "ExternalCAs", "SigningCACert", "SigningCAKey", "ForceRotate", "TaskDefaults",
    "EncryptionConfig", "AutoLockManagers"};

// NetworkResource, IPAM and IPAMConfig, EndpointResource (one list: their shared
// names, Driver and Options, agree with it).
const char* const kNetworkFieldOrder[] = {
    "Name", "Id", "Created", "Scope", "Driver", "EnableIPv4", "EnableIPv6", "IPAM", "Internal", "Attachable",
    "Ingress", "ConfigFrom", "Network", "ConfigOnly", "Containers", "Options", "Config", "Subnet", "IPRange",
    "Gateway", "AuxiliaryAddresses", "Labels", "Peers", "EndpointID", "MacAddress", "IPv4Address", "IPv6Address"};

using RankMap = std::map<std::string, int>;

template <size_t N>
RankMap MakeRanks(const char* const (&order)[N]) {
  RankMap m;
  int i = 0;
  for (const char* k : order) m.emplace(k, i++);
  return m;
}

int Rank(const RankMap& ranks, const std::string& key) {
  auto it = ranks.find(key);
  return it == ranks.end() ? 1 << 20 : it->second;
}

nlohmann::ordered_json Ordered(const nlohmann::json& value, const RankMap& ranks) {
  if (value.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& v : value) out.push_back(Ordered(v, ranks));
    return out;
  }
  if (!value.is_object()) return nlohmann::ordered_json(value);
  std::vector<std::string> keys;
  for (auto it = value.begin(); it != value.end(); ++it) keys.push_back(it.key());
  // Keys are sorted already; a stable sort by rank keeps unknown ones alphabetical.
  std::stable_sort(keys.begin(), keys.end(),
                   [&](const std::string& a, const std::string& b) { return Rank(ranks, a) < Rank(ranks, b); });
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& k : keys) {
    // Maps of user data (labels, options) keep their own alphabetical order.
    bool user_map = k == "Labels" || k == "DriverOpts" || k == "Options" || k == "Sysctls";
    out[k] = user_map ? nlohmann::ordered_json(value[k]) : Ordered(value[k], ranks);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json InDockerOrder(const nlohmann::json& value) {
  static const RankMap ranks = MakeRanks(kFieldOrder);
  return Ordered(value, ranks);
}

nlohmann::ordered_json InNetworkOrder(const nlohmann::json& value) {
  static const RankMap ranks = MakeRanks(kNetworkFieldOrder);
  return Ordered(value, ranks);
}

}  // namespace swarmsim
