// A loaded compose project: the typed, normalised form docker's loader builds
// (cli/compose/types), which both `docker stack config` prints and the stack
// converter reads.
//
// Normalisation already applied: interpolation, short syntaxes expanded (ports,
// volumes, build, healthcheck test, environment/labels lists), sizes in bytes,
// durations parsed, relative bind/file paths made absolute against the first
// compose file's directory, multiple files merged.
//
// Field order follows docker's structs, because `stack config` prints them in
// that order. Maps are plain std::map; the renderer sorts keys the way yaml.v3
// does. An empty optional means "absent" where docker distinguishes it from a
// zero value (pointers in Go).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/compose/value.h"
#include "core/model/time.h"

namespace swarmsim {

// key -> value, where a missing value ("KEY" in a list) is nullopt.
using ComposeMappingWithEquals = std::map<std::string, std::optional<std::string>>;
using ComposeLabels = std::map<std::string, std::string>;

struct ComposeBuild {
  std::string context;
  std::string dockerfile;
  ComposeMappingWithEquals args;
  ComposeLabels labels;
  std::vector<std::string> cache_from;
  std::vector<std::string> extra_hosts;
  std::string network;
  std::string target;
};

struct ComposeCredentialSpec {
  std::string config;
  std::string file;
  std::string registry;
};

// A service's reference to a config or secret.
struct ComposeFileRef {
  std::string source;
  std::string target;
  std::string uid;
  std::string gid;
  std::optional<uint32_t> mode;
};

struct ComposeUpdateConfig {
  std::optional<uint64_t> parallelism;
  Duration delay = 0;
  std::string failure_action;
  Duration monitor = 0;
  float max_failure_ratio = 0;
  std::string order;
};

struct ComposeResourceLimit {
  std::string cpus;  // as written, e.g. "0.50"
  int64_t memory = 0;
  int64_t pids = 0;
};

struct ComposeGenericResource {
  bool has_discrete = false;
  std::string kind;
  int64_t value = 0;
};

struct ComposeResourceReservation {
  std::string cpus;
  int64_t memory = 0;
  std::vector<ComposeGenericResource> generic_resources;
};

struct ComposeRestartPolicy {
  std::string condition;
  std::optional<Duration> delay;
  std::optional<uint64_t> max_attempts;
  std::optional<Duration> window;
};

struct ComposePlacement {
  std::vector<std::string> constraints;
  std::vector<std::string> preferences;  // spread descriptors ("" prints as {})
  uint64_t max_replicas_per_node = 0;
};

struct ComposeDeploy {
  std::string mode;
  std::optional<uint64_t> replicas;
  ComposeLabels labels;
  std::optional<ComposeUpdateConfig> update_config;
  std::optional<ComposeUpdateConfig> rollback_config;
  std::optional<ComposeResourceLimit> limits;
  std::optional<ComposeResourceReservation> reservations;
  std::optional<ComposeRestartPolicy> restart_policy;
  ComposePlacement placement;
  std::string endpoint_mode;
};

struct ComposeHealthcheck {
  std::vector<std::string> test;  // "CMD-SHELL <cmd>" for the string form
  std::optional<Duration> timeout;
  std::optional<Duration> interval;
  std::optional<uint64_t> retries;
  std::optional<Duration> start_period;
  std::optional<Duration> start_interval;
  bool disable = false;
};

struct ComposeLogging {
  std::string driver;
  std::map<std::string, std::string> options;
};

struct ComposeServiceNetwork {
  std::vector<std::string> aliases;
  std::map<std::string, std::string> driver_opts;
  std::string ipv4_address;
  std::string ipv6_address;
};

struct ComposePort {
  std::string mode;  // ingress | host
  uint32_t target = 0;
  uint32_t published = 0;
  std::string protocol;
};

struct ComposeMount {
  std::string type;  // volume | bind | tmpfs | npipe | ...
  std::string source;
  std::string target;
  bool read_only = false;
  std::string consistency;
  std::optional<std::string> bind_propagation;  // set: a bind section exists
  std::optional<bool> volume_nocopy;            // set: a volume section exists
  std::optional<int64_t> tmpfs_size;            // set: a tmpfs section exists
};

struct ComposeUlimit {
  int single = 0;  // `nofile: 1024`; otherwise soft/hard
  int soft = 0;
  int hard = 0;
};

struct ComposeService {
  std::string name;
  ComposeBuild build;
  std::vector<std::string> cap_add;
  std::vector<std::string> cap_drop;
  std::string cgroupns_mode;
  std::string cgroup_parent;
  std::vector<std::string> command;
  std::vector<ComposeFileRef> configs;
  std::string container_name;
  ComposeCredentialSpec credential_spec;
  std::vector<std::string> depends_on;
  ComposeDeploy deploy;
  std::vector<std::string> devices;
  std::vector<std::string> dns;
  std::vector<std::string> dns_search;
  std::string domainname;
  std::vector<std::string> entrypoint;
  ComposeMappingWithEquals environment;
  std::vector<std::string> env_file;
  std::vector<std::string> expose;
  std::vector<std::string> external_links;
  std::vector<std::string> extra_hosts;  // "host:ip"
  std::string hostname;
  std::optional<ComposeHealthcheck> healthcheck;
  std::string image;
  std::optional<bool> init;
  std::string ipc;
  std::string isolation;
  ComposeLabels labels;
  std::vector<std::string> links;
  std::optional<ComposeLogging> logging;
  std::string mac_address;
  std::string network_mode;
  // Attached networks; nullopt for a plain mention (`networks: [front]`).
  std::map<std::string, std::optional<ComposeServiceNetwork>> networks;
  std::string pid;
  std::vector<ComposePort> ports;
  bool privileged = false;
  bool read_only = false;
  std::string restart;
  std::vector<ComposeFileRef> secrets;
  std::vector<std::string> security_opt;
  std::string shm_size;
  bool stdin_open = false;
  std::optional<Duration> stop_grace_period;
  std::string stop_signal;
  std::map<std::string, std::string> sysctls;
  std::vector<std::string> tmpfs;
  bool tty = false;
  std::map<std::string, ComposeUlimit> ulimits;
  std::string user;
  std::string userns_mode;
  std::vector<ComposeMount> volumes;
  std::string working_dir;
  compose::Value extras = compose::Value::Map();  // x-* keys, as written
};

struct ComposeExternal {
  bool external = false;
  std::string name;  // the deprecated `external: {name: ...}`, moved to the object's name on load
};

struct ComposeIpamPool {
  std::string subnet;
};

struct ComposeNetwork {
  std::string name;
  std::string driver;
  std::map<std::string, std::string> driver_opts;
  std::string ipam_driver;
  std::vector<ComposeIpamPool> ipam_config;
  ComposeExternal external;
  bool internal = false;
  bool attachable = false;
  ComposeLabels labels;
  compose::Value extras = compose::Value::Map();
};

struct ComposeVolume {
  std::string name;
  std::string driver;
  std::map<std::string, std::string> driver_opts;
  ComposeExternal external;
  ComposeLabels labels;
  compose::Value extras = compose::Value::Map();
};

// A top-level config or secret.
struct ComposeFileObject {
  std::string name;
  std::string file;  // absolute
  ComposeExternal external;
  ComposeLabels labels;
  compose::Value extras = compose::Value::Map();
  std::string driver;  // secrets only
  std::map<std::string, std::string> driver_opts;
  std::string template_driver;
};

struct ComposeProject {
  std::string version;  // "3.13" when the file has none or "3"
  std::vector<ComposeService> services;  // sorted by name
  std::map<std::string, ComposeNetwork> networks;
  std::map<std::string, ComposeVolume> volumes;
  std::map<std::string, ComposeFileObject> secrets;
  std::map<std::string, ComposeFileObject> configs;
  compose::Value extras = compose::Value::Map();
  // What `docker stack deploy` prints on stderr before deploying, each entry
  // complete with its trailing newlines ("Ignoring unsupported options: build\n\n").
  std::vector<std::string> warnings;
};

}  // namespace swarmsim
