#include "core/command/service_flags.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/command/service_networks.h"
#include "core/format/go_duration.h"
#include "core/format/size.h"
#include "core/compose/convert.h"

namespace swarmsim {

namespace {

Status BadFlag(const std::string& flag, const std::string& value, const std::string& why) {
  return Status::InvalidFlag("invalid argument \"" + value + "\" for \"--" + flag + "\" flag: " + why);
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
      FlagSpec::Bool("no-healthcheck", 0, "Disable any container-specified HEALTHCHECK")};
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
    if (spec->mode == ServiceMode::kGlobal) {
      return Status::InvalidArgument("replicas can only be used with replicated or replicated-job mode");
    }
    spec->replicas = r.value();
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
       }) {
    f.push_back(s);
  }
  for (const FlagSpec& s : ServiceNetworkFlags(true)) f.push_back(s);
  return f;
}

Result<ServiceSpec> SpecFromCreateFlags(const ParsedArgs& args) {
  ServiceSpec spec;
  const auto& pos = args.positional();
  auto image = NormalizeImageReference(pos[0]);
  if (!image.ok()) return image.status();
  spec.task_template.container.image = image.value();
  // Every word after the image is an argument: docker sets ContainerSpec.Command
  // only from --entrypoint.
  for (size_t i = 1; i < pos.size(); ++i) spec.task_template.container.args.push_back(pos[i]);
  spec.name = args.Get("name");
  std::string mode = args.Get("mode", "replicated");
  if (mode == "global") spec.mode = ServiceMode::kGlobal;
  else if (mode != "replicated") return Status::InvalidArgument("Unknown mode: " + mode + ", only replicated and global supported");
  SWARMSIM_RETURN_IF_ERROR(ApplyCommon(args, &spec));
  spec.task_template.placement.constraints = args.GetAll("constraint");
  for (const auto& e : args.GetAll("env")) spec.task_template.container.env.push_back(e);
  for (const auto& l : args.GetAll("label")) spec.labels.insert(SplitKeyValue(l));
  for (const auto& l : args.GetAll("container-label")) spec.task_template.container.labels.insert(SplitKeyValue(l));
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
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "config", BlobKind::kConfig, &spec.task_template.container.configs));
  SWARMSIM_RETURN_IF_ERROR(AddFileReferences(args, "secret", BlobKind::kSecret, &spec.task_template.container.secrets));
  return spec;
}

Status ApplyUpdateFlags(const ParsedArgs& args, ServiceSpec* spec) {
  auto& tt = spec->task_template;
  if (args.Has("image")) {
    auto image = NormalizeImageReference(args.Get("image"));
    if (!image.ok()) return image.status();
    tt.container.image = image.value();
  }
  SWARMSIM_RETURN_IF_ERROR(ApplyCommon(args, spec));
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
