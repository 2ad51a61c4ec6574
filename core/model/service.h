// A service and its spec, shaped like the Engine API's Service object.
//
// Optional fields stay optional where the Engine API distinguishes "unset" from a
// default (inspect shows what was sent, swarm fills defaults when it acts).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/resources.h"
#include "core/model/time.h"

namespace swarmsim {

struct PortConfig {
  std::string name;
  std::string protocol = "tcp";
  uint32_t target_port = 0;
  uint32_t published_port = 0;
  std::string publish_mode = "ingress";  // or "host"
  bool operator==(const PortConfig&) const = default;
};

struct EndpointSpec {
  std::string mode = "vip";  // or "dnsrr"
  std::vector<PortConfig> ports;
  bool operator==(const EndpointSpec&) const = default;
};

struct Mount {
  std::string type = "volume";  // volume | bind | tmpfs
  std::string source;           // empty for anonymous volumes
  std::string target;
  bool read_only = false;
  std::string consistency;      // default | consistent | cached | delegated
  std::string bind_propagation; // BindOptions.Propagation
  bool bind_nonrecursive = false;
  // VolumeOptions.DriverConfig is there (the docker CLI sends one, empty unless
  // volume-driver or volume-opt fill it, as soon as any volume-* option is given).
  bool volume_driver_config = false;
  bool volume_nocopy = false;   // VolumeOptions.NoCopy
  std::map<std::string, std::string> volume_labels;
  std::string volume_driver;    // VolumeOptions.DriverConfig.Name
  std::map<std::string, std::string> volume_driver_options;
  std::string volume_subpath;
  int64_t tmpfs_size = 0;       // TmpfsOptions.SizeBytes
  uint32_t tmpfs_mode = 0;      // TmpfsOptions.Mode (0: unset)
  bool operator==(const Mount&) const = default;
};

struct Ulimit {
  std::string name;
  int64_t soft = 0;
  int64_t hard = 0;
  bool operator==(const Ulimit&) const = default;
};

struct DnsConfig {
  std::vector<std::string> nameservers;
  std::vector<std::string> search;
  std::vector<std::string> options;
  bool empty() const { return nameservers.empty() && search.empty() && options.empty(); }
  bool operator==(const DnsConfig&) const = default;
};

struct FileReference {  // a config or secret mounted as a file
  std::string file_name;  // target path in the container
  std::string uid = "0";
  std::string gid = "0";
  uint32_t mode = 0444;
  std::string id;
  std::string name;
  bool operator==(const FileReference&) const = default;
};

// A container health check, shaped like the Engine API's HealthConfig. Zero
// durations and retries mean "use the default" (30s, 30s, 0s, 3).
struct HealthConfig {
  std::vector<std::string> test;  // ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"] (disabled)
  Duration interval = 0;
  Duration timeout = 0;
  Duration start_period = 0;
  uint64_t retries = 0;
  bool operator==(const HealthConfig&) const = default;
};

struct ContainerSpec {
  std::string image;
  std::map<std::string, std::string> labels;
  std::vector<std::string> command;
  std::vector<std::string> args;
  std::vector<std::string> env;  // "KEY=value"
  std::string dir;
  std::string user;
  std::vector<std::string> groups;
  std::optional<bool> init;
  std::string stop_signal;
  bool tty = false;
  bool read_only = false;
  std::string hostname;
  std::vector<Mount> mounts;
  std::optional<Duration> stop_grace_period;
  std::optional<HealthConfig> healthcheck;  // overrides the image's HEALTHCHECK
  std::vector<std::string> hosts;  // "IP HOSTNAME [ALIAS...]", as /etc/hosts lines
  DnsConfig dns;
  std::vector<FileReference> configs;
  std::vector<FileReference> secrets;
  std::map<std::string, std::string> sysctls;
  std::vector<std::string> capability_add;
  std::vector<std::string> capability_drop;
  std::vector<Ulimit> ulimits;
  bool operator==(const ContainerSpec&) const = default;
};

struct RestartPolicy {
  std::string condition = "any";  // none | on-failure | any
  std::optional<Duration> delay;
  std::optional<uint64_t> max_attempts;
  std::optional<Duration> window;
  bool operator==(const RestartPolicy&) const = default;
};

struct Placement {
  std::vector<std::string> constraints;
  std::vector<std::string> preferences;  // spread descriptors, e.g. "node.labels.zone"
  uint64_t max_replicas = 0;             // 0 = no limit
  bool operator==(const Placement&) const = default;
};

struct LogDriver {
  std::string name;
  std::map<std::string, std::string> options;
  bool operator==(const LogDriver&) const = default;
};

struct NetworkAttachment {
  std::string target;  // network ID
  std::vector<std::string> aliases;
  bool operator==(const NetworkAttachment&) const = default;
};

// Everything that, when changed, replaces the tasks (swarm's TaskTemplate).
struct TaskSpec {
  ContainerSpec container;
  ResourceRequirements resources;
  std::optional<RestartPolicy> restart_policy;
  Placement placement;
  std::vector<NetworkAttachment> networks;
  std::optional<LogDriver> log_driver;
  uint64_t force_update = 0;
  bool operator==(const TaskSpec&) const = default;
};

struct UpdateConfig {
  uint64_t parallelism = 1;  // 0 = all at once
  Duration delay = 0;
  std::string failure_action = "pause";  // pause | continue | rollback
  Duration monitor = 0;                  // 0 = swarm's default, 5s
  double max_failure_ratio = 0;
  std::string order = "stop-first";      // or start-first
  bool operator==(const UpdateConfig&) const = default;
};

// Services run forever; jobs (swarm's ReplicatedJob, GlobalJob) run their tasks to
// completion, once per job iteration.
enum class ServiceMode { kReplicated, kGlobal, kReplicatedJob, kGlobalJob };
inline bool IsJob(ServiceMode m) { return m == ServiceMode::kReplicatedJob || m == ServiceMode::kGlobalJob; }
// One task per node (keyed by node, not slot).
inline bool IsPerNode(ServiceMode m) { return m == ServiceMode::kGlobal || m == ServiceMode::kGlobalJob; }

struct ServiceSpec {
  std::string name;
  std::map<std::string, std::string> labels;
  TaskSpec task_template;
  ServiceMode mode = ServiceMode::kReplicated;
  uint64_t replicas = 1;  // replicated: Replicas; replicated job: TotalCompletions
  uint64_t max_concurrent = 1;  // replicated job only: MaxConcurrent
  std::optional<UpdateConfig> update_config;
  std::optional<UpdateConfig> rollback_config;
  EndpointSpec endpoint;
  bool operator==(const ServiceSpec&) const = default;
};

struct UpdateStatus {
  std::string state;  // updating | paused | completed | rollback_started | ...
  Time started_at = 0;
  Time completed_at = 0;
  std::string message;
};

// A service's virtual IP on one network (Endpoint.VirtualIPs): what its name
// resolves to there in vip mode.
struct VirtualIP {
  std::string network_id;
  std::string addr;  // "10.0.1.2/24"
  bool operator==(const VirtualIP&) const = default;
};

// A job's progress (the Engine API's JobStatus). Every update of a job, changed
// spec or not, starts a new iteration, and only the tasks of the current one count.
// The iteration is not stored: a job's update always moves spec_version on, so
// JobIteration.Index is the spec version less one (swarm counts from 0), for the
// service and for each task (from the spec version it was made from).
struct JobStatus {
  Time last_execution = 0;
};
inline uint64_t JobIterationOf(uint64_t spec_version) { return spec_version - 1; }

struct Service {
  std::string id;
  uint64_t version = 0;  // Version.Index
  Time created_at = 0;
  Time updated_at = 0;
  ServiceSpec spec;
  std::optional<ServiceSpec> previous_spec;
  uint64_t spec_version = 1;  // bumped on every spec change; tasks remember theirs
  std::optional<UpdateStatus> update_status;
  std::vector<VirtualIP> virtual_ips;  // set by the allocator
  std::optional<JobStatus> job_status;  // jobs only

  // Simulation bookkeeping (not Engine API; the store keeps it beside the JSON).
  Time wake_at = 0;          // when the orchestrator must look at this service again (0: never)
  Time update_gate = 0;      // rolling update: the next slot may start at or after this
  uint64_t update_failures = 0;  // failed replacements in the current update
};

}  // namespace swarmsim
