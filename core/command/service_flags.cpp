#include "core/command/service_flags.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/command/flag_values.h"
#include "core/compose/convert.h"
#include "core/format/env_file.h"
#include "core/command/service_networks.h"
#include "core/format/go_duration.h"
#include "core/format/size.h"

namespace swarmsim {

namespace {

Status BadFlag(const std::string& flag, const std::string& value, const std::string& why) {
  return BadFlagValue(flag, value, why);
}

Result<uint64_t> ParseUint(const std::string& flag, const std::string& v) {
  if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) {
    return BadFlag(flag, v, "strconv.ParseUint: parsing \"" + v + "\": invalid syntax");
  }
  return std::stoull(v);
}

Result<int64_t> ParseMemory(const std::string& flag, const std::string& v) {
  auto m = ParseRAMInBytes(v);
  if (!m.ok()) return BadFlag(flag, v, m.status().message());
  return m.value();
}

Result<Duration> ParseDurationFlag(const std::string& flag, const std::string& v) {
  auto d = ParseGoDuration(v);
  if (!d.ok()) return BadFlag(flag, v, d.status().message());
  return d.value();
}

std::pair<std::string, std::string> SplitKeyValue(const std::string& s) {
  auto eq = s.find('=');
  if (eq == std::string::npos) return {s, ""};
  return {s.substr(0, eq), s.substr(eq + 1)};
}

// Flags shared by create and update, in docker's words. docker shows defaults
// only on create, where they are what a new service gets.
std::vector<FlagSpec> CommonFlags(bool create) {
  auto def = [create](const char* shown) { return create ? std::string(shown) : std::string(); };
  const std::string kDurationUnits = " (ns|us|ms|s|m|h)";
  return {
      FlagSpec::Bool("detach", 'd', "Exit immediately instead of waiting for the service to converge"),
      FlagSpec::Bool("quiet", 'q', "Suppress progress output"),
      FlagSpec::Value("reserve-cpu", 0, "decimal", "Reserve CPUs"),
      FlagSpec::Value("reserve-memory", 0, "bytes", "Reserve Memory"),
      FlagSpec::Value("limit-cpu", 0, "decimal", "Limit CPUs"),
      FlagSpec::Value("limit-memory", 0, "bytes", "Limit Memory"),
      FlagSpec::Value("replicas", 0, "uint", "Number of tasks"),
      FlagSpec::Value("replicas-max-per-node", 0, "uint", "Maximum number of tasks per node (default 0 = unlimited)"),
      FlagSpec::Value("update-parallelism", 0, "uint",
                      "Maximum number of tasks updated simultaneously (0 to update all at once)", def("1")),
      FlagSpec::Value("update-delay", 0, "duration", "Delay between updates" + kDurationUnits, def("0s")),
      FlagSpec::Value("update-order", 0, "string", "Update order (\"start-first\", \"stop-first\")", def("stop-first")),
      FlagSpec::Value("update-failure-action", 0, "string",
                      "Action on update failure (\"pause\", \"continue\", \"rollback\")", def("pause")),
      FlagSpec::Value("update-monitor", 0, "duration",
                      "Duration after each task update to monitor for failure" + kDurationUnits, def("5s")),
      FlagSpec::Value("update-max-failure-ratio", 0, "float", "Failure rate to tolerate during an update", def("0")),
      FlagSpec::Value("rollback-parallelism", 0, "uint",
                      "Maximum number of tasks rolled back simultaneously (0 to roll back all at once)", def("1")),
      FlagSpec::Value("rollback-delay", 0, "duration", "Delay between task rollbacks" + kDurationUnits, def("0s")),
      FlagSpec::Value("rollback-order", 0, "string", "Rollback order (\"start-first\", \"stop-first\")",
                      def("stop-first")),
      FlagSpec::Value("rollback-failure-action", 0, "string", "Action on rollback failure (\"pause\", \"continue\")",
                      def("pause")),
      FlagSpec::Value("rollback-monitor", 0, "duration",
                      "Duration after each task rollback to monitor for failure" + kDurationUnits, def("5s")),
      FlagSpec::Value("rollback-max-failure-ratio", 0, "float", "Failure rate to tolerate during a rollback", def("0")),
      FlagSpec::Value("restart-condition", 0, "string",
                      "Restart when condition is met (\"none\", \"on-failure\", \"any\")", def("any")),
      FlagSpec::Value("restart-delay", 0, "duration", "Delay between restart attempts" + kDurationUnits, def("5s")),
      FlagSpec::Value("restart-max-attempts", 0, "uint", "Maximum number of restarts before giving up"),
      FlagSpec::Value("restart-window", 0, "duration", "Window used to evaluate the restart policy" + kDurationUnits),
      FlagSpec::Value("stop-grace-period", 0, "duration",
                      "Time to wait before force killing a container" + kDurationUnits, def("10s")),
      FlagSpec::Value("user", 'u', "string", "Username or UID (format: <name|uid>[:<group|gid>])"),
      FlagSpec::Value("workdir", 'w', "string", "Working directory inside the container"),
      FlagSpec::Value("hostname", 0, "string", "Container hostname"),
      FlagSpec::Bool("with-registry-auth", 0, "Send registry authentication details to swarm agents"),
      FlagSpec::Bool("no-resolve-image", 0, "Do not query the registry to resolve image digest and supported platforms"),
      FlagSpec::Value("health-cmd", 0, "string", "Command to run to check health"),
      FlagSpec::Value("health-interval", 0, "duration", "Time between running the check (ms|s|m|h)"),
      FlagSpec::Value("health-timeout", 0, "duration", "Maximum time to allow one check to run (ms|s|m|h)"),
      FlagSpec::Value("health-retries", 0, "int", "Consecutive failures needed to report unhealthy"),
      FlagSpec::Value("health-start-period", 0, "duration",
                      "Start period for the container to initialize before counting retries towards unstable "
                      "(ms|s|m|h)"),
      FlagSpec::Bool("no-healthcheck", 0, "Disable any container-specified HEALTHCHECK"),
      FlagSpec::Value("max-concurrent", 0, "uint",
                      "Number of job tasks to run concurrently (default equal to --replicas)"),
      FlagSpec::Value("entrypoint", 0, "command", "Overwrite the default ENTRYPOINT of the image"),
      FlagSpec::Bool("read-only", 0, "Mount the container's root filesystem as read only"),
      FlagSpec::Bool("init", 0, "Use an init inside each service container to forward signals and reap processes"),
      FlagSpec::Bool("tty", 't', "Allocate a pseudo-TTY"),
      FlagSpec::Value("cap-add", 0, "list", "Add Linux capabilities"),
      FlagSpec::Value("cap-drop", 0, "list", "Drop Linux capabilities"),
      FlagSpec::Value("log-driver", 0, "string", "Logging driver for service"),
      FlagSpec::Value("log-opt", 0, "list", "Logging driver options"),
      FlagSpec::Value("limit-pids", 0, "int", "Limit maximum number of processes (default 0 = unlimited)"),
      FlagSpec::Value("stop-signal", 0, "string", "Signal to stop the container")};
}

// Checks every value of the list flags whose type validates on the command
// line (pflag refuses them before anything runs).
Status CheckFlagValues(const ParsedArgs& args) {
  for (const char* flag : {"dns", "dns-add"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (auto r = ParseIpAddress(v); !r.ok()) return BadFlag(flag, v, r.status().message());
    }
  }
  for (const char* flag : {"dns-search", "dns-search-add"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (auto r = ParseDnsSearch(v); !r.ok()) return BadFlag(flag, v, r.status().message());
    }
  }
  for (const char* flag : {"host", "host-add"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (auto r = ParseExtraHost(v); !r.ok()) return BadFlag(flag, v, r.status().message());
    }
  }
  for (const char* flag : {"ulimit", "ulimit-add"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (auto r = ParseUlimitValue(v); !r.ok()) return BadFlag(flag, v, r.status().message());
    }
  }
  for (const char* flag : {"generic-resource", "generic-resource-add"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (v.find('=') == std::string::npos) {
        return BadFlag(flag, v, "invalid generic-resource format `" + v + "` expected `name=value`");
      }
    }
  }
  for (const char* flag : {"entrypoint", "args"}) {
    for (const auto& v : args.GetAll(flag)) {
      if (auto r = SplitShellWords(v); !r.ok()) return BadFlag(flag, v, r.status().message());
    }
  }
  if (args.Has("max-concurrent")) {
    auto r = ParseUint("max-concurrent", args.Get("max-concurrent"));
    if (!r.ok()) return r.status();
  }
  if (args.Has("limit-pids")) {
    const std::string v = args.Get("limit-pids");
    bool ok = !v.empty() && v.find_first_not_of("-0123456789") == std::string::npos && v != "-";
    if (!ok) return BadFlag("limit-pids", v, "strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
  }
  return Status::OK();
}

// Mounts of --mount / --mount-add; relative sources are taken from PWD.
Result<std::vector<Mount>> MountsFrom(const ParsedArgs& args, const char* flag, CommandContext* ctx) {
  std::vector<Mount> out;
  for (const auto& v : args.GetAll(flag)) {
    std::string cwd = "/";
    if (!v.empty() && v.find("=.") != std::string::npos && ctx) {
      auto pwd = ctx->env.find("PWD");
      if (pwd != ctx->env.end()) cwd = pwd->second;
      ctx->env_used.insert("PWD");
    }
    auto m = ParseMountValue(v, cwd);
    if (!m.ok()) return BadFlag(flag, v, m.status().message());
    out.push_back(*m);
  }
  return out;
}

// --env-file files in order, then -e values (docker's ReadKVEnvStrings), a
// variable given again replacing the earlier one.
Result<std::vector<std::string>> EnvFromFlags(const ParsedArgs& args, CommandContext* ctx) {
  std::vector<std::string> env;
  for (const auto& path : args.GetAll("env-file")) {
    if (!ctx || !ctx->read_file) return Status::InvalidArgument("open " + path + ": no such file or directory");
    auto content = ctx->read_file(path);
    if (!content.ok()) return Status::InvalidArgument("open " + path + ": no such file or directory");
    auto vars = ParseEnvFile(*content, [ctx](const std::string& key) -> std::optional<std::string> {
      ctx->env_used.insert(key);
      auto it = ctx->env.find(key);
      if (it == ctx->env.end()) return std::nullopt;
      return it->second;
    });
    if (!vars.ok()) return EnvFileError(path, vars.status());
    env.insert(env.end(), vars->begin(), vars->end());
  }
  for (const auto& e : args.GetAll("env")) env.push_back(e);
  // makeEnv: a later KEY=... replaces an earlier different one (an identical one stays).
  std::vector<std::string> out;
  for (const auto& e : env) {
    std::string prefix = e.substr(0, e.find('=')) + "=";
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::string& c) { return c != e && c.rfind(prefix, 0) == 0; }),
              out.end());
    out.push_back(e);
  }
  return out;
}

// Settings of the container that create and update set the same way.
Status ApplyContainerFlags(const ParsedArgs& args, ServiceSpec* spec) {
  auto& tt = spec->task_template;
  auto& c = tt.container;
  if (args.Has("entrypoint")) c.command = SplitShellWords(args.Get("entrypoint")).value();
  if (args.Has("read-only")) c.read_only = args.GetBool("read-only");
  if (args.Has("tty")) c.tty = args.GetBool("tty");
  if (args.Has("init")) c.init = args.GetBool("init");
  if (args.Has("stop-signal")) c.stop_signal = args.Get("stop-signal");
  if (args.Has("limit-pids")) tt.resources.limits.pids = std::stoll(args.Get("limit-pids"));
  if (args.Has("log-driver") && !args.Get("log-driver").empty()) {
    tt.log_driver = LogDriver{args.Get("log-driver"), KeyValueMap(args.GetAll("log-opt"))};
  }
  return Status::OK();
}

// A replicated job's MaxConcurrent defaults to its replicas, both to 1 (the daemon's).
void SetJobCounts(const ParsedArgs& args, ServiceSpec* spec) {
  uint64_t replicas = args.Has("replicas") ? std::stoull(args.Get("replicas")) : 0;
  uint64_t concurrent = args.Has("max-concurrent") ? std::stoull(args.Get("max-concurrent")) : replicas;
  spec->max_concurrent = args.Has("max-concurrent") || args.Has("replicas") ? concurrent : 1;
  spec->replicas = args.Has("replicas") ? replicas : spec->max_concurrent;
}

// --health-* and --no-healthcheck, as docker's healthcheck options: on create
// they make a new HealthConfig, on update they change the fields given.
Status ApplyHealthFlags(const ParsedArgs& args, ContainerSpec* c) {
  bool any = args.Has("health-cmd") || args.Has("health-interval") || args.Has("health-timeout") ||
             args.Has("health-retries") || args.Has("health-start-period");
  if (args.Has("no-healthcheck")) {
    if (any) return Status::InvalidArgument("--no-healthcheck conflicts with --health-* options");
    c->healthcheck = HealthConfig{{"NONE"}};
    return Status::OK();
  }
  if (!any) return Status::OK();
  HealthConfig& h = c->healthcheck ? *c->healthcheck : c->healthcheck.emplace();
  if (h.test.size() == 1 && h.test[0] == "NONE") h.test.clear();
  if (args.Has("health-cmd")) {
    std::string cmd = args.Get("health-cmd");
    h.test = cmd.empty() ? std::vector<std::string>{} : std::vector<std::string>{"CMD-SHELL", cmd};
  }
  for (auto [flag, field] : {std::pair{"health-interval", &h.interval}, std::pair{"health-timeout", &h.timeout},
                             std::pair{"health-start-period", &h.start_period}}) {
    if (!args.Has(flag)) continue;
    auto v = ParseDurationFlag(flag, args.Get(flag));
    if (!v.ok()) return v.status();
    *field = v.value();
  }
  if (args.Has("health-retries")) {
    auto v = ParseUint("health-retries", args.Get("health-retries"));
    if (!v.ok()) return v.status();
    h.retries = v.value();
  }
  return Status::OK();
}

// Settings that both create and update take; `prefix` is "" for create.
Status ApplyCommon(const ParsedArgs& args, ServiceSpec* spec) {
  auto& tt = spec->task_template;
  if (args.Has("replicas")) {
    auto r = ParseUint("replicas", args.Get("replicas"));
    if (!r.ok()) return r.status();
    if (spec->mode == ServiceMode::kReplicated) spec->replicas = r.value();
  }
  if (args.Has("replicas-max-per-node")) {
    auto r = ParseUint("replicas-max-per-node", args.Get("replicas-max-per-node"));
    if (!r.ok()) return r.status();
    tt.placement.max_replicas = r.value();
  }
  struct ResFlag { const char* name; bool cpu; Resources* target; };
  ResFlag res[] = {{"reserve-cpu", true, &tt.resources.reservations}, {"reserve-memory", false, &tt.resources.reservations},
                   {"limit-cpu", true, &tt.resources.limits}, {"limit-memory", false, &tt.resources.limits}};
  for (const auto& r : res) {
    if (!args.Has(r.name)) continue;
    if (r.cpu) {
      auto v = ParseNanoCpus(r.name, args.Get(r.name));
      if (!v.ok()) return v.status();
      r.target->nano_cpus = v.value();
    } else {
      auto v = ParseMemory(r.name, args.Get(r.name));
      if (!v.ok()) return v.status();
      r.target->memory_bytes = v.value();
    }
  }
  for (const char* which : {"update", "rollback"}) {
    std::string p = which;
    bool any = false;
    for (const char* f : {"-parallelism", "-delay", "-order", "-failure-action", "-monitor", "-max-failure-ratio"}) {
      any |= args.Has(p + f);
    }
    if (!any) continue;
    auto& target = p == "update" ? spec->update_config : spec->rollback_config;
    UpdateConfig c = target.value_or(UpdateConfig{});
    if (args.Has(p + "-parallelism")) {
      auto v = ParseUint(p + "-parallelism", args.Get(p + "-parallelism"));
      if (!v.ok()) return v.status();
      c.parallelism = v.value();
    }
    if (args.Has(p + "-delay")) {
      auto v = ParseDurationFlag(p + "-delay", args.Get(p + "-delay"));
      if (!v.ok()) return v.status();
      c.delay = v.value();
    }
    if (args.Has(p + "-monitor")) {
      auto v = ParseDurationFlag(p + "-monitor", args.Get(p + "-monitor"));
      if (!v.ok()) return v.status();
      c.monitor = v.value();
    }
    if (args.Has(p + "-order")) c.order = args.Get(p + "-order");
    if (args.Has(p + "-failure-action")) c.failure_action = args.Get(p + "-failure-action");
    if (args.Has(p + "-max-failure-ratio")) {
      const std::string v = args.Get(p + "-max-failure-ratio");
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (v.empty() || *end) return BadFlag(p + "-max-failure-ratio", v, "strconv.ParseFloat: parsing \"" + v + "\": invalid syntax");
      c.max_failure_ratio = d;
    }
    target = c;
  }
  if (args.Has("restart-condition") || args.Has("restart-delay") || args.Has("restart-max-attempts") ||
      args.Has("restart-window")) {
    RestartPolicy rp = tt.restart_policy.value_or(RestartPolicy{});
    if (args.Has("restart-condition")) {
      std::string c = args.Get("restart-condition");
      if (c != "none" && c != "on-failure" && c != "any") {
        return BadFlag("restart-condition", c, "invalid restart condition: must be none, on-failure or any");
      }
      rp.condition = c;
    }
    if (args.Has("restart-delay")) {
      auto v = ParseDurationFlag("restart-delay", args.Get("restart-delay"));
      if (!v.ok()) return v.status();
      rp.delay = v.value();
    }
    if (args.Has("restart-window")) {
      auto v = ParseDurationFlag("restart-window", args.Get("restart-window"));
      if (!v.ok()) return v.status();
      rp.window = v.value();
    }
    if (args.Has("restart-max-attempts")) {
      auto v = ParseUint("restart-max-attempts", args.Get("restart-max-attempts"));
      if (!v.ok()) return v.status();
      rp.max_attempts = v.value();
    }
    tt.restart_policy = rp;
  }
  if (args.Has("stop-grace-period")) {
    auto v = ParseDurationFlag("stop-grace-period", args.Get("stop-grace-period"));
    if (!v.ok()) return v.status();
    tt.container.stop_grace_period = v.value();
  }
  SWARMSIM_RETURN_IF_ERROR(ApplyHealthFlags(args, &tt.container));
  if (args.Has("user")) tt.container.user = args.Get("user");
  if (args.Has("workdir")) tt.container.dir = args.Get("workdir");
  if (args.Has("hostname")) tt.container.hostname = args.Get("hostname");
  return Status::OK();
}

}  // namespace

Result<int64_t> ParseNanoCpus(const std::string& flag, const std::string& value) {
  char* end = nullptr;
  double v = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || v < 0) {
    return BadFlag(flag, value, "failed to parse " + value + " as a rational number");
  }
  return static_cast<int64_t>(v * 1e9 + 0.5);
}

Result<PortConfig> ParsePort(const std::string& value) {
  PortConfig p;
  auto bad = [&](const std::string& why) { return BadFlag("publish", value, why); };
  if (value.find('=') != std::string::npos) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      std::string field = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      auto [k, v] = SplitKeyValue(field);
      if (k == "published") {
        auto n = ParseUint("publish", v);
        if (!n.ok()) return n.status();
        p.published_port = static_cast<uint32_t>(n.value());
      } else if (k == "target") {
        auto n = ParseUint("publish", v);
        if (!n.ok()) return n.status();
        p.target_port = static_cast<uint32_t>(n.value());
      } else if (k == "protocol") {
        p.protocol = v;
      } else if (k == "mode") {
        p.publish_mode = v;
      } else {
        return bad("invalid field key " + k);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (p.target_port == 0) return bad("missing mandatory field \"target\"");
    return p;
  }
  std::string spec = value;
  if (auto slash = spec.find('/'); slash != std::string::npos) {
    p.protocol = spec.substr(slash + 1);
    spec = spec.substr(0, slash);
  }
  std::string published, target = spec;
  if (auto colon = spec.rfind(':'); colon != std::string::npos) {
    published = spec.substr(0, colon);
    target = spec.substr(colon + 1);
  }
  auto t = ParseUint("publish", target);
  if (!t.ok() || t.value() == 0 || t.value() > 65535) return bad("invalid containerPort: " + target);
  p.target_port = static_cast<uint32_t>(t.value());
  if (!published.empty()) {
    auto pub = ParseUint("publish", published);
    if (!pub.ok() || pub.value() > 65535) return bad("invalid hostPort: " + published);
    p.published_port = static_cast<uint32_t>(pub.value());
  }
  if (p.protocol != "tcp" && p.protocol != "udp" && p.protocol != "sctp") {
    return bad("invalid proto: " + p.protocol);
  }
  return p;
}

Result<FileReference> ParseFileReference(const std::string& flag, const std::string& value, BlobKind kind) {
  FileReference ref;  // uid 0, gid 0, mode 0444 unless given
  std::vector<std::string> fields;
  for (size_t start = 0;;) {
    size_t comma = value.find(',', start);
    fields.push_back(value.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (fields.size() == 1 && fields[0].find('=') == std::string::npos) {  // --secret NAME
    ref.name = ref.file_name = fields[0];
    return ref;
  }
  for (const auto& field : fields) {
    auto eq = field.find('=');
    if (eq == std::string::npos || eq == 0) {
      return BadFlag(flag, value, "invalid field '" + field + "' must be a key=value pair");
    }
    std::string key = field.substr(0, eq), val = field.substr(eq + 1);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "source" || key == "src") {
      ref.name = val;
    } else if (key == "target") {
      ref.file_name = val;
    } else if (key == "uid") {
      ref.uid = val;
    } else if (key == "gid") {
      ref.gid = val;
    } else if (key == "mode") {
      // strconv.ParseUint(val, 0, 32): a leading 0 means octal, 0x hex.
      char* end = nullptr;
      errno = 0;
      unsigned long m = std::strtoul(val.c_str(), &end, 0);
      if (val.empty() || *end != '\0' || errno != 0 || m > 0xffffffffUL || val[0] == '-' || val[0] == '+') {
        return BadFlag(flag, value, "invalid mode specified: strconv.ParseUint: parsing \"" + val + "\": invalid syntax");
      }
      ref.mode = static_cast<uint32_t>(m);
    } else {
      return BadFlag(flag, value, std::string("invalid field in ") + ToString(kind) + " request: " + key);
    }
  }
  if (ref.name.empty()) return BadFlag(flag, value, "source is required");
  if (ref.file_name.empty()) ref.file_name = ref.name;
  return ref;
}

namespace {

Status AddFileReferences(const ParsedArgs& args, const std::string& flag, BlobKind kind, std::vector<FileReference>* refs) {
  for (const auto& v : args.GetAll(flag)) {
    auto ref = ParseFileReference(flag, v, kind);
    if (!ref.ok()) return ref.status();
    refs->push_back(ref.value());
  }
  return Status::OK();
}

// `--secret-rm` / `--config-rm` name the object (docker matches the name only).
void RemoveFileReferences(const ParsedArgs& args, const std::string& flag, std::vector<FileReference>* refs) {
  for (const auto& name : args.GetAll(flag)) {
    refs->erase(std::remove_if(refs->begin(), refs->end(), [&](const FileReference& r) { return r.name == name; }),
                refs->end());
  }
}

}  // namespace

std::vector<FlagSpec> ServiceCreateFlags() {
  auto f = CommonFlags(/*create=*/true);
  for (FlagSpec s : {
           FlagSpec::Value("name", 0, "string", "Service name"),
           FlagSpec::Value("mode", 0, "string",
                           "Service mode (\"replicated\", \"global\", \"replicated-job\", \"global-job\")",
                           "replicated"),
           FlagSpec::Value("env", 'e', "list", "Set environment variables"),
           FlagSpec::Value("label", 'l', "list", "Service labels"),
           FlagSpec::Value("container-label", 0, "list", "Container labels"),
           FlagSpec::Value("publish", 'p', "port", "Publish a port as a node port"),
           FlagSpec::Value("placement-pref", 0, "pref", "Add a placement preference"),
           FlagSpec::Value("config", 0, "config", "Specify configurations to expose to the service"),
           FlagSpec::Value("secret", 0, "secret", "Specify secrets to expose to the service"),
           FlagSpec::Value("constraint", 0, "list", "Placement constraints"),
           FlagSpec::Value("env-file", 0, "list", "Read in a file of environment variables"),
           FlagSpec::Value("mount", 0, "mount", "Attach a filesystem mount to the service"),
           FlagSpec::Value("dns", 0, "list", "Set custom DNS servers"),
           FlagSpec::Value("dns-option", 0, "list", "Set DNS options"),
           FlagSpec::Value("dns-search", 0, "list", "Set custom DNS search domains"),
           FlagSpec::Value("host", 0, "list", "Set one or more custom host-to-IP mappings (host:ip)"),
           FlagSpec::Value("group", 0, "list", "Set one or more supplementary user groups for the container"),
           FlagSpec::Value("sysctl", 0, "list", "Sysctl options"),
           FlagSpec::Value("ulimit", 0, "ulimit", "Ulimit options", "[]"),
           FlagSpec::Value("generic-resource", 0, "list", "User defined resources"),
       }) {
    f.push_back(s);
  }
  for (const FlagSpec& s : ServiceNetworkFlags(false)) f.push_back(s);
  return f;
}

std::vector<FlagSpec> ServiceUpdateFlags() {
  auto f = CommonFlags(/*create=*/false);
  for (FlagSpec s : {
           FlagSpec::Value("image", 0, "string", "Service image tag"),
           FlagSpec::Bool("force", 0, "Force update even if no changes require it"),
           FlagSpec::Bool("rollback", 0, "Rollback to previous specification"),
           FlagSpec::Value("constraint-add", 0, "list", "Add or update a placement constraint"),
           FlagSpec::Value("constraint-rm", 0, "list", "Remove a constraint"),
           FlagSpec::Value("env-add", 0, "list", "Add or update an environment variable"),
           FlagSpec::Value("env-rm", 0, "list", "Remove an environment variable"),
           FlagSpec::Value("label-add", 0, "list", "Add or update a service label"),
           FlagSpec::Value("label-rm", 0, "list", "Remove a label by its key"),
           FlagSpec::Value("container-label-add", 0, "list", "Add or update a container label"),
           FlagSpec::Value("container-label-rm", 0, "list", "Remove a container label by its key"),
           FlagSpec::Value("publish-add", 0, "port", "Add or update a published port"),
           FlagSpec::Value("publish-rm", 0, "port", "Remove a published port by its target port"),
           FlagSpec::Value("placement-pref-add", 0, "pref", "Add a placement preference"),
           FlagSpec::Value("placement-pref-rm", 0, "pref", "Remove a placement preference"),
           FlagSpec::Value("args", 0, "command", "Service command args"),
           FlagSpec::Value("config-add", 0, "config", "Add or update a config file on a service"),
           FlagSpec::Value("config-rm", 0, "list", "Remove a configuration file"),
           FlagSpec::Value("secret-add", 0, "secret", "Add or update a secret on a service"),
           FlagSpec::Value("secret-rm", 0, "list", "Remove a secret"),
           FlagSpec::Value("mount-add", 0, "mount", "Add or update a mount on a service"),
           FlagSpec::Value("mount-rm", 0, "list", "Remove a mount by its target path"),
           FlagSpec::Value("dns-add", 0, "list", "Add or update a custom DNS server"),
           FlagSpec::Value("dns-rm", 0, "list", "Remove a custom DNS server"),
           FlagSpec::Value("dns-option-add", 0, "list", "Add or update a DNS option"),
           FlagSpec::Value("dns-option-rm", 0, "list", "Remove a DNS option"),
           FlagSpec::Value("dns-search-add", 0, "list", "Add or update a custom DNS search domain"),
           FlagSpec::Value("dns-search-rm", 0, "list", "Remove a DNS search domain"),
           FlagSpec::Value("host-add", 0, "list", "Add a custom host-to-IP mapping (\"host:ip\")"),
           FlagSpec::Value("host-rm", 0, "list", "Remove a custom host-to-IP mapping (\"host:ip\")"),
           FlagSpec::Value("group-add", 0, "list", "Add an additional supplementary user group to the container"),
           FlagSpec::Value("group-rm", 0, "list",
                           "Remove a previously added supplementary user group from the container"),
           FlagSpec::Value("sysctl-add", 0, "list", "Add or update a Sysctl option"),
           FlagSpec::Value("sysctl-rm", 0, "list", "Remove a Sysctl option"),
           FlagSpec::Value("ulimit-add", 0, "ulimit", "Add or update a ulimit option", "[]"),
           FlagSpec::Value("ulimit-rm", 0, "list", "Remove a ulimit option"),
           FlagSpec::Value("generic-resource-add", 0, "list", "Add a Generic resource"),
           FlagSpec::Value("generic-resource-rm", 0, "list", "Remove a Generic resource"),
       }) {
    f.push_back(s);
  }
  for (const FlagSpec& s : ServiceNetworkFlags(true)) f.push_back(s);
  return f;
}

Result<ServiceSpec> SpecFromCreateFlags(const ParsedArgs& args, CommandContext* ctx) {
  SWARMSIM_RETURN_IF_ERROR(CheckFlagValues(args));
  if (args.Has("replicas")) {
    auto r = ParseUint("replicas", args.Get("replicas"));
    if (!r.ok()) return r.status();
  }
  auto mounts = MountsFrom(args, "mount", ctx);
  if (!mounts.ok()) return mounts.status();
  ServiceSpec spec;
  const auto& pos = args.positional();
  auto image = NormalizeImageReference(pos[0]);
  if (!image.ok()) return image.status();
  auto& c = spec.task_template.container;
  c.image = image.value();
  // Every word after the image is an argument: docker sets ContainerSpec.Command
  // only from --entrypoint.
  for (size_t i = 1; i < pos.size(); ++i) c.args.push_back(pos[i]);
  spec.name = args.Get("name");
  // As the CLI's ToService: the environment, then the health check, then the mode.
  auto env = EnvFromFlags(args, ctx);
  if (!env.ok()) return env.status();
  c.env = *env;
  std::string mode = args.Get("mode", "replicated");
  bool replicas = args.Has("replicas"), concurrent = args.Has("max-concurrent");
  bool per_node = args.Has("replicas-max-per-node") && args.Get("replicas-max-per-node") != "0";
  if (mode == "global" || mode == "global-job") {
    if (mode == "global" && replicas) {
      return Status::InvalidArgument("replicas can only be used with replicated or replicated-job mode");
    }
    if (per_node) {
      return Status::InvalidArgument("replicas-max-per-node can only be used with replicated or replicated-job mode");
    }
    if (concurrent) return Status::InvalidArgument("max-concurrent can only be used with replicated-job mode");
    if (replicas) return Status::InvalidArgument("replicas can only be used with replicated or replicated-job mode");
    spec.mode = mode == "global" ? ServiceMode::kGlobal : ServiceMode::kGlobalJob;
  } else if (mode == "replicated") {
    if (concurrent) return Status::InvalidArgument("max-concurrent can only be used with replicated-job mode");
  } else if (mode == "replicated-job") {
    spec.mode = ServiceMode::kReplicatedJob;
    SetJobCounts(args, &spec);
  } else {
    return Status::InvalidArgument("Unknown mode: " + mode + ", only replicated and global supported");
  }
  SWARMSIM_RETURN_IF_ERROR(ApplyCommon(args, &spec));
  if (IsJob(spec.mode) && (spec.update_config || spec.rollback_config)) {
    return Status::InvalidArgument("update and rollback configuration is not supported for jobs");
  }
  SWARMSIM_RETURN_IF_ERROR(ApplyContainerFlags(args, &spec));
  c.mounts = *mounts;
  spec.task_template.placement.constraints = args.GetAll("constraint");
  for (const auto& l : args.GetAll("label")) spec.labels.insert(SplitKeyValue(l));
  for (const auto& l : args.GetAll("container-label")) c.labels.insert(SplitKeyValue(l));
  c.groups = args.GetAll("group");
  for (const auto& d : args.GetAll("dns")) c.dns.nameservers.push_back(ParseIpAddress(d).value());
  for (const auto& d : args.GetAll("dns-search")) c.dns.search.push_back(ParseDnsSearch(d).value());
  c.dns.options = args.GetAll("dns-option");
  for (const auto& h : args.GetAll("host")) c.hosts.push_back(ParseExtraHost(h).value());
  c.sysctls = KeyValueMap(args.GetAll("sysctl"));
  EffectiveCapabilities(args.GetAll("cap-add"), args.GetAll("cap-drop"), &c.capability_add, &c.capability_drop);
  std::map<std::string, Ulimit> ulimits;  // one per name, the last given, by name
  for (const auto& u : args.GetAll("ulimit")) {
    Ulimit parsed = ParseUlimitValue(u).value();
    ulimits[parsed.name] = parsed;
  }
  for (const auto& [name, u] : ulimits) c.ulimits.push_back(u);
  auto generic = ParseGenericResources(args.GetAll("generic-resource"));
  if (!generic.ok()) return generic.status();
  spec.task_template.resources.reservations.generic = *generic;
  for (const auto& p : args.GetAll("publish")) {
    auto port = ParsePort(p);
    if (!port.ok()) return port.status();
    spec.endpoint.ports.push_back(port.value());
  }
  for (const auto& pref : args.GetAll("placement-pref")) {
    auto [k, v] = SplitKeyValue(pref);
    if (k != "spread") return BadFlag("placement-pref", pref, "unsupported placement preference " + k + " (only spread is supported)");
    spec.task_template.placement.preferences.push_back(v);
  }
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "config", BlobKind::kConfig, &c.configs));
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "secret", BlobKind::kSecret, &c.secrets));
  return spec;
}

namespace {

// Go's removeDuplicates, then the removals, sorted (updateDNSConfig's lists).
std::vector<std::string> AddRemoveSorted(std::vector<std::string> have, const std::vector<std::string>& add,
                                         const std::vector<std::string>& remove) {
  have.insert(have.end(), add.begin(), add.end());
  std::vector<std::string> out;
  for (const auto& v : have) {
    if (std::find(out.begin(), out.end(), v) != out.end()) continue;
    if (std::find(remove.begin(), remove.end(), v) != remove.end()) continue;
    out.push_back(v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// updateHosts: --host-rm HOST[:IP] takes the name off matching lines (a line
// left without names goes); --host-add appends; duplicates go.
std::vector<std::string> UpdateHosts(const std::vector<std::string>& hosts, const std::vector<std::string>& remove,
                                     const std::vector<std::string>& add) {
  std::vector<std::string> out;
  for (const auto& line : hosts) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < line.size();) {
      size_t j = line.find_first_of(" \t", i);
      if (j == std::string::npos) j = line.size();
      if (j > i) parts.push_back(line.substr(i, j - i));
      i = j + 1;
    }
    if (parts.empty()) continue;
    std::string ip = parts[0];
    std::vector<std::string> names(parts.begin() + 1, parts.end());
    for (const auto& rm : remove) {
      auto colon = rm.find(':');
      std::string host = rm.substr(0, colon), rm_ip = colon == std::string::npos ? "" : rm.substr(colon + 1);
      if (!rm_ip.empty() && rm_ip != ip) continue;
      names.erase(std::remove(names.begin(), names.end(), host), names.end());
    }
    if (names.empty()) continue;
    std::string joined = ip;
    for (const auto& n : names) joined += " " + n;
    out.push_back(joined);
  }
  for (const auto& h : add) out.push_back(ParseExtraHost(h).value());
  std::vector<std::string> unique;
  for (const auto& h : out) {
    if (std::find(unique.begin(), unique.end(), h) == unique.end()) unique.push_back(h);
  }
  return unique;
}

}  // namespace

Status ApplyUpdateFlags(const ParsedArgs& args, ServiceSpec* spec, CommandContext* ctx) {
  SWARMSIM_RETURN_IF_ERROR(CheckFlagValues(args));
  auto added_mounts = MountsFrom(args, "mount-add", ctx);
  if (!added_mounts.ok()) return added_mounts.status();
  auto& tt = spec->task_template;
  auto& c = tt.container;
  if (args.Has("image")) {
    auto image = NormalizeImageReference(args.Get("image"));
    if (!image.ok()) return image.status();
    tt.container.image = image.value();
  }
  if (args.Has("args")) c.args = SplitShellWords(args.Get("args")).value();
  if (args.Has("replicas") && spec->mode != ServiceMode::kReplicated) {
    auto r = ParseUint("replicas", args.Get("replicas"));
    if (!r.ok()) return r.status();
    return Status::InvalidArgument("replicas can only be used with replicated mode");
  }
  SWARMSIM_RETURN_IF_ERROR(ApplyCommon(args, spec));
  SWARMSIM_RETURN_IF_ERROR(ApplyContainerFlags(args, spec));
  // updateMounts: added mounts replace those with the same target; --mount-rm
  // names targets; sorted by source, then target.
  if (args.Has("mount-add") || args.Has("mount-rm")) {
    std::map<std::string, Mount> by_target;
    for (const auto& m : *added_mounts) {
      if (by_target.count(m.target)) return Status::InvalidArgument("duplicate mount target");
      by_target[m.target] = m;
    }
    for (const auto& m : c.mounts) by_target.emplace(m.target, m);
    auto removed = args.GetAll("mount-rm");
    std::vector<Mount> mounts;
    for (const auto& [target, m] : by_target) {
      if (std::find(removed.begin(), removed.end(), target) == removed.end()) mounts.push_back(m);
    }
    std::stable_sort(mounts.begin(), mounts.end(), [](const Mount& a, const Mount& b) {
      return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    c.mounts = mounts;
  }
  for (const auto& k : args.GetAll("sysctl-rm")) c.sysctls.erase(SplitKeyValue(k).first);
  for (const auto& [k, v] : KeyValueMap(args.GetAll("sysctl-add"))) c.sysctls[k] = v;
  if (args.Has("ulimit-add") || args.Has("ulimit-rm")) {
    std::map<std::string, Ulimit> ulimits;
    for (const auto& u : c.ulimits) ulimits[u.name] = u;
    for (const auto& k : args.GetAll("ulimit-rm")) ulimits.erase(SplitKeyValue(k).first);
    for (const auto& v : args.GetAll("ulimit-add")) {
      Ulimit u = ParseUlimitValue(v).value();
      ulimits[u.name] = u;
    }
    c.ulimits.clear();
    for (const auto& [name, u] : ulimits) c.ulimits.push_back(u);
  }
  auto& generic = tt.resources.reservations.generic;
  if (args.Has("generic-resource-add")) {
    auto add = ParseGenericResources(args.GetAll("generic-resource-add"));
    if (!add.ok()) return add.status();
    for (const auto& r : *add) {
      generic.erase(std::remove_if(generic.begin(), generic.end(),
                                   [&](const GenericResource& g) { return g.kind == r.kind; }),
                    generic.end());
      generic.push_back(r);
    }
  }
  for (const auto& kind : args.GetAll("generic-resource-rm")) {
    auto it = std::find_if(generic.begin(), generic.end(), [&](const GenericResource& g) { return g.kind == kind; });
    if (it == generic.end()) {
      return Status::InvalidArgument("could not find generic-resource `" + kind + "` to remove it");
    }
    generic.erase(it);
  }
  std::stable_sort(generic.begin(), generic.end(),
                   [](const GenericResource& a, const GenericResource& b) { return a.kind < b.kind; });
  if (args.Has("group-add") || args.Has("group-rm")) {
    c.groups = AddRemoveSorted(c.groups, args.GetAll("group-add"), args.GetAll("group-rm"));
  }
  if (args.Has("dns-add") || args.Has("dns-rm") || args.Has("dns-option-add") || args.Has("dns-option-rm") ||
      args.Has("dns-search-add") || args.Has("dns-search-rm")) {
    std::vector<std::string> ns, search;
    for (const auto& d : args.GetAll("dns-add")) ns.push_back(ParseIpAddress(d).value());
    for (const auto& d : args.GetAll("dns-search-add")) search.push_back(ParseDnsSearch(d).value());
    c.dns.nameservers = AddRemoveSorted(c.dns.nameservers, ns, args.GetAll("dns-rm"));
    c.dns.search = AddRemoveSorted(c.dns.search, search, args.GetAll("dns-search-rm"));
    c.dns.options = AddRemoveSorted(c.dns.options, args.GetAll("dns-option-add"), args.GetAll("dns-option-rm"));
  }
  if (args.Has("host-add") || args.Has("host-rm")) {
    c.hosts = UpdateHosts(c.hosts, args.GetAll("host-rm"), args.GetAll("host-add"));
  }
  if (args.Has("cap-add") || args.Has("cap-drop")) {
    UpdateCapabilities(args.GetAll("cap-add"), args.Has("cap-add"), args.GetAll("cap-drop"), args.Has("cap-drop"),
                       &c.capability_add, &c.capability_drop);
  }
  auto& cs = tt.placement.constraints;
  for (const auto& c : args.GetAll("constraint-rm")) {
    cs.erase(std::remove(cs.begin(), cs.end(), c), cs.end());
  }
  for (const auto& c : args.GetAll("constraint-add")) {
    if (std::find(cs.begin(), cs.end(), c) == cs.end()) cs.push_back(c);
  }
  std::sort(cs.begin(), cs.end());
  auto& env = tt.container.env;
  for (const auto& k : args.GetAll("env-rm")) {
    env.erase(std::remove_if(env.begin(), env.end(), [&](const std::string& e) { return SplitKeyValue(e).first == k; }),
              env.end());
  }
  for (const auto& e : args.GetAll("env-add")) {
    auto key = SplitKeyValue(e).first;
    env.erase(std::remove_if(env.begin(), env.end(), [&](const std::string& x) { return SplitKeyValue(x).first == key; }),
              env.end());
    env.push_back(e);
  }
  for (const auto& k : args.GetAll("label-rm")) spec->labels.erase(k);
  for (const auto& l : args.GetAll("label-add")) {
    auto kv = SplitKeyValue(l);
    spec->labels[kv.first] = kv.second;
  }
  for (const auto& k : args.GetAll("container-label-rm")) tt.container.labels.erase(k);
  for (const auto& l : args.GetAll("container-label-add")) {
    auto kv = SplitKeyValue(l);
    tt.container.labels[kv.first] = kv.second;
  }
  auto& ports = spec->endpoint.ports;
  for (const auto& p : args.GetAll("publish-rm")) {
    auto target = SplitKeyValue(p).first;
    ports.erase(std::remove_if(ports.begin(), ports.end(), [&](const PortConfig& pc) {
                  return std::to_string(pc.published_port) == target || std::to_string(pc.target_port) == target ||
                         std::to_string(pc.published_port) + ":" + std::to_string(pc.target_port) == p;
                }),
                ports.end());
  }
  for (const auto& p : args.GetAll("publish-add")) {
    auto port = ParsePort(p);
    if (!port.ok()) return port.status();
    ports.push_back(port.value());
  }
  auto& prefs = tt.placement.preferences;
  for (const auto& p : args.GetAll("placement-pref-rm")) {
    auto v = SplitKeyValue(p).second;
    prefs.erase(std::remove(prefs.begin(), prefs.end(), v), prefs.end());
  }
  for (const auto& p : args.GetAll("placement-pref-add")) prefs.push_back(SplitKeyValue(p).second);
  RemoveFileReferences(args, "config-rm", &tt.container.configs);
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "config-add", BlobKind::kConfig, &tt.container.configs));
  RemoveFileReferences(args, "secret-rm", &tt.container.secrets);
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "secret-add", BlobKind::kSecret, &tt.container.secrets));
  if (args.Has("force")) ++tt.force_update;
  return Status::OK();
}

}  // namespace swarmsim
