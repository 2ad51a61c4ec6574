#include "core/compose/convert.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

namespace swarmsim {

namespace {

// ---------------------------------------------------------------------------
// Image references (distribution/reference grammar).

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsHexDigit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
bool IsPathComponent(const std::string& s) {
  size_t i = 0;
  auto alnum_run = [&] {
    size_t start = i;
    while (i < s.size() && IsLowerAlnum(s[i])) ++i;
    return i > start;
  };
  if (!alnum_run()) return false;
  while (i < s.size()) {
    if (s[i] == '.' || s[i] == '_') {
      ++i;
      if (s[i - 1] == '_' && i < s.size() && s[i] == '_') ++i;
    } else if (s[i] == '-') {
      while (i < s.size() && s[i] == '-') ++i;
    } else {
      return false;
    }
    if (!alnum_run()) return false;
  }
  return true;
}

// (?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])
bool IsDomainComponent(const std::string& s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlnum(c) || c == '-'; });
}

// host[:port], host a dotted domain name or a bracketed IPv6 address.
bool IsDomainAndPort(const std::string& s) {
  std::string host = s;
  size_t bracket = s.find(']');
  size_t colon = s.find(':', bracket == std::string::npos ? 0 : bracket);
  if (s[0] == '[') {
    if (bracket == std::string::npos) return false;
    std::string inner = s.substr(1, bracket - 1);
    if (inner.empty() || !std::all_of(inner.begin(), inner.end(), [](char c) { return IsHexDigit(c) || c == ':'; })) {
      return false;
    }
    host = s.substr(0, bracket + 1);
    colon = bracket + 1 < s.size() ? bracket + 1 : std::string::npos;
    if (colon != std::string::npos && s[colon] != ':') return false;
  } else {
    if (colon != std::string::npos) host = s.substr(0, colon);
    size_t start = 0;
    for (;;) {
      size_t dot = host.find('.', start);
      if (!IsDomainComponent(host.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) {
        return false;
      }
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
  }
  if (colon != std::string::npos) {
    std::string port = s.substr(colon + 1);
    if (port.empty() || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
  }
  return true;
}

// [\w][\w.-]{0,127}
bool IsTag(const std::string& t) {
  auto word = [](char c) { return IsAlnum(c) || c == '_'; };
  if (t.empty() || t.size() > 128 || !word(t[0])) return false;
  return std::all_of(t.begin(), t.end(), [&](char c) { return word(c) || c == '.' || c == '-'; });
}

// [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}
bool IsDigest(const std::string& d) {
  size_t colon = d.find(':');
  if (colon == std::string::npos) return false;
  std::string alg = d.substr(0, colon);
  std::string hex = d.substr(colon + 1);
  if (hex.size() < 32 || !std::all_of(hex.begin(), hex.end(), IsHexDigit)) return false;
  size_t i = 0;
  for (;;) {
    if (i >= alg.size() || !std::isalpha(static_cast<unsigned char>(alg[i]))) return false;
    while (i < alg.size() && IsAlnum(alg[i])) ++i;
    if (i == alg.size()) return true;
    if (std::string("-_+.").find(alg[i]) == std::string::npos) return false;
    ++i;
  }
}

struct Reference {
  std::string domain;  // "docker.io" for Docker Hub
  std::string path;    // "library/nginx"
  std::string tag;
  std::string digest;
};

// Matches the whole reference grammar; false when the text is not a reference.
bool MatchReference(const std::string& s, std::string* name, std::string* tag, std::string* digest) {
  std::string left = s;
  size_t at = s.find('@');
  if (at != std::string::npos) {
    *digest = s.substr(at + 1);
    left = s.substr(0, at);
    if (!IsDigest(*digest)) return false;
  }
  size_t slash = left.rfind('/');
  size_t colon = left.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
    *tag = left.substr(colon + 1);
    left = left.substr(0, colon);
    if (!IsTag(*tag)) return false;
  }
  *name = left;
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t p = left.find('/', start);
    parts.push_back(left.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (IsPathComponent(parts[i])) continue;
    if (i == 0 && parts.size() > 1 && !parts[i].empty() && IsDomainAndPort(parts[i])) continue;
    return false;
  }
  return true;
}

bool IsHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return IsLowerAlnum(c) && IsHexDigit(c); });
}

Result<Reference> ParseImage(const std::string& s) {
  if (IsHex64(s)) {
    return Status::InvalidArgument("invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
  }
  // splitDockerDomain
  Reference ref;
  std::string remainder;
  size_t slash = s.find('/');
  std::string first = slash == std::string::npos ? "" : s.substr(0, slash);
  std::string lower_first = first;
  for (auto& c : lower_first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (slash == std::string::npos ||
      (first.find_first_of(".:") == std::string::npos && first != "localhost" && lower_first == first)) {
    ref.domain = "docker.io";
    remainder = s;
  } else {
    ref.domain = first == "index.docker.io" ? "docker.io" : first;
    remainder = s.substr(slash + 1);
  }
  if (ref.domain == "docker.io" && remainder.find('/') == std::string::npos) remainder = "library/" + remainder;
  std::string remote = remainder.substr(0, remainder.find(':'));
  std::string lower = remote;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower != remote) {
    return Status::InvalidArgument("invalid reference format: repository name (" + remote + ") must be lowercase");
  }
  std::string name, tag, digest;
  std::string full = ref.domain + "/" + remainder;
  if (!MatchReference(full, &name, &tag, &digest)) {
    if (s.empty()) return Status::InvalidArgument("repository name must have at least one component");
    return Status::InvalidArgument("invalid reference format");
  }
  if (name.size() > 255) return Status::InvalidArgument("repository name must not be more than 255 characters");
  ref.path = name.substr(ref.domain.size() + 1);
  ref.tag = tag;
  ref.digest = digest;
  return ref;
}

// ---------------------------------------------------------------------------
// Services

std::map<std::string, std::string> WithNamespace(std::map<std::string, std::string> labels, const std::string& stack) {
  labels[kStackNamespaceLabelKey] = stack;
  return labels;
}

// opts.ParseCPUs: a rational number of CPUs times 1e9, which must be whole.
Result<int64_t> ParseCpus(const std::string& value) {
  std::string s = value;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  std::string num = s, den = "1";
  size_t slash = s.find('/');
  if (slash != std::string::npos) {
    num = s.substr(0, slash);
    den = s.substr(slash + 1);
  }
  auto bad = [&] { return Status::InvalidArgument("failed to parse " + value + " as a rational number"); };
  // Decimal mantissa with optional exponent, as big.Rat accepts.
  auto parse_decimal = [](const std::string& t, __int128* mant, int* exp10) {
    size_t i = 0;
    bool digits = false;
    *mant = 0;
    *exp10 = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
      *mant = *mant * 10 + (t[i++] - '0');
      digits = true;
      if (*mant > (static_cast<__int128>(1) << 100)) return false;
    }
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
        *mant = *mant * 10 + (t[i++] - '0');
        --*exp10;
        digits = true;
        if (*mant > (static_cast<__int128>(1) << 100)) return false;
      }
    }
    if (!digits) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
      ++i;
      bool eneg = false;
      if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
      int e = 0;
      size_t start = i;
      while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && e < 1000) e = e * 10 + (t[i++] - '0');
      if (i == start) return false;
      *exp10 += eneg ? -e : e;
    }
    return i == t.size();
  };
  __int128 n = 0, d = 0;
  int ne = 0, de = 0;
  if (!parse_decimal(num, &n, &ne) || (slash != std::string::npos && !parse_decimal(den, &d, &de))) return bad();
  if (slash == std::string::npos) {
    d = 1;
    de = 0;
  }
  if (d == 0) return bad();
  // value * 1e9 = n * 10^(ne + 9 - de) / d
  int e = ne + 9 - de;
  __int128 top = n;
  __int128 bottom = d;
  for (; e > 0; --e) {
    top *= 10;
    if (top > (static_cast<__int128>(1) << 120)) return Status::InvalidArgument("value is too precise");
  }
  for (; e < 0; ++e) bottom *= 10;
  if (top % bottom != 0) return Status::InvalidArgument("value is too precise");
  int64_t nano = static_cast<int64_t>(top / bottom);
  return neg ? -nano : nano;
}

struct ServiceContext {
  const ComposeProject& project;
  const std::string& stack;
};

Result<std::vector<FileReference>> FileRefs(const std::vector<ComposeFileRef>& refs,
                                            const std::map<std::string, ComposeFileObject>& objects,
                                            const std::string& kind, const std::string& stack) {
  std::vector<FileReference> out;
  std::set<std::string> targets;
  for (const auto& r : refs) {
    auto it = objects.find(r.source);
    if (it == objects.end()) return Status::NotFound("undefined " + kind + " \"" + r.source + "\"");
    FileReference f;
    f.name = it->second.name.empty() ? ScopedName(stack, r.source) : it->second.name;
    f.file_name = r.target.empty() ? r.source : r.target;
    f.uid = r.uid.empty() ? "0" : r.uid;
    f.gid = r.gid.empty() ? "0" : r.gid;
    f.mode = r.mode ? *r.mode : 0444;
    out.push_back(f);
  }
  for (const auto& f : out) {
    if (!targets.insert(f.file_name).second) {
      return Status::InvalidArgument("duplicate " + kind + " target for " + f.name + " not allowed");
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const FileReference& a, const FileReference& b) { return a.name < b.name; });
  return out;
}

Result<Mount> ConvertMount(const ComposeMount& m, const ServiceContext& ctx) {
  Mount out;
  out.type = m.type.empty() ? "volume" : m.type;
  out.target = m.target;
  out.read_only = m.read_only;
  out.source = m.source;
  auto incompatible = [&](const std::string& what) {
    return Status::InvalidArgument(what + " options are incompatible with type " + out.type);
  };
  if (out.type == "volume") {
    if (m.tmpfs_size) return incompatible("tmpfs");
    if (m.bind_propagation) return incompatible("bind");
    if (m.source.empty()) return out;  // anonymous
    auto it = ctx.project.volumes.find(m.source);
    if (it == ctx.project.volumes.end()) return Status::NotFound("undefined volume \"" + m.source + "\"");
    const ComposeVolume& v = it->second;
    out.source = v.name.empty() ? ScopedName(ctx.stack, m.source) : v.name;
    if (!v.external.external) out.volume_labels = WithNamespace(v.labels, ctx.stack);
    return out;
  }
  if (out.type == "bind") {
    if (m.source.empty()) return Status::InvalidArgument("invalid bind source, source cannot be empty");
    if (m.volume_nocopy) return incompatible("volume");
    if (m.tmpfs_size) return incompatible("tmpfs");
    return out;
  }
  if (out.type == "tmpfs") {
    if (!m.source.empty()) return Status::InvalidArgument("invalid tmpfs source, source must be empty");
    if (m.bind_propagation) return incompatible("bind");
    if (m.volume_nocopy) return incompatible("volume");
    return out;
  }
  if (out.type == "npipe") {
    if (m.source.empty()) return Status::InvalidArgument("invalid npipe source, source cannot be empty");
    if (m.volume_nocopy) return incompatible("volume");
    if (m.tmpfs_size) return incompatible("tmpfs");
    return out;
  }
  return Status::InvalidArgument("volume type must be volume, bind, tmpfs, npipe, or cluster");
}

Result<std::optional<RestartPolicy>> ConvertRestartPolicy(const ComposeService& svc) {
  if (svc.deploy.restart_policy) {
    const ComposeRestartPolicy& src = *svc.deploy.restart_policy;
    RestartPolicy p;
    // The daemon takes an empty condition as "any".
    p.condition = src.condition.empty() ? "any" : src.condition;
    p.delay = src.delay;
    p.max_attempts = src.max_attempts;
    p.window = src.window;
    return std::optional<RestartPolicy>(p);
  }
  const std::string& restart = svc.restart;
  if (restart.empty()) return std::optional<RestartPolicy>();
  size_t colon = restart.find(':');
  std::string mode = restart.substr(0, colon);
  uint64_t retries = 0;
  if (colon != std::string::npos) {
    if (mode.empty()) {
      return Status::InvalidArgument("invalid restart policy format: no policy provided before colon");
    }
    std::string count = restart.substr(colon + 1);
    if (!count.empty()) {
      // strconv.Atoi: an optional sign, decimal digits, within int64.
      size_t i = count[0] == '-' || count[0] == '+' ? 1 : 0;
      bool ok = i < count.size();
      __int128 n = 0;
      for (; ok && i < count.size(); ++i) {
        ok = count[i] >= '0' && count[i] <= '9';
        n = n * 10 + (count[i] - '0');
        ok = ok && n <= static_cast<__int128>(INT64_MAX) + 1;
      }
      if (count[0] == '-') n = -n;
      if (!ok || n > INT64_MAX) {
        return Status::InvalidArgument("invalid restart policy format: maximum retry count must be an integer");
      }
      retries = static_cast<uint64_t>(static_cast<int64_t>(n));  // Go converts a negative count the same way
    }
  }
  if (mode == "no") return std::optional<RestartPolicy>();
  RestartPolicy p;
  if (mode == "always" || mode == "unless-stopped") {
    p.condition = "any";
    return std::optional<RestartPolicy>(p);
  }
  if (mode == "on-failure") {
    p.condition = "on-failure";
    p.max_attempts = retries;
    return std::optional<RestartPolicy>(p);
  }
  return Status::InvalidArgument("unknown restart policy: " + restart);
}

std::optional<UpdateConfig> ConvertUpdateConfig(const std::optional<ComposeUpdateConfig>& src) {
  if (!src) return std::nullopt;
  UpdateConfig u;
  u.parallelism = src->parallelism.value_or(1);
  u.delay = src->delay;
  if (!src->failure_action.empty()) u.failure_action = src->failure_action;
  u.monitor = src->monitor;
  u.max_failure_ratio = src->max_failure_ratio;
  if (!src->order.empty()) u.order = src->order;
  return u;
}

bool IsUserDefinedNetwork(const std::string& name) {
  return name != "default" && name != "bridge" && name != "host" && name != "none" && name.rfind("container:", 0) != 0;
}

// As docker's convertHealthcheck: `disable` means Test ["NONE"]; unset durations
// and retries stay zero (the engine's defaults apply).
Result<HealthConfig> ConvertHealthcheck(const ComposeHealthcheck& h) {
  HealthConfig out;
  if (h.disable) {
    if (!h.test.empty()) return Status::InvalidArgument("test and disable can't be set at the same time");
    out.test = {"NONE"};
    return out;
  }
  out.test = h.test;
  out.timeout = h.timeout.value_or(0);
  out.interval = h.interval.value_or(0);
  out.start_period = h.start_period.value_or(0);
  out.retries = h.retries.value_or(0);
  return out;
}

Result<ServiceSpec> ConvertService(const ComposeService& svc, const ServiceContext& ctx) {
  ServiceSpec spec;
  spec.name = ScopedName(ctx.stack, svc.name);
  spec.labels = WithNamespace(svc.deploy.labels, ctx.stack);
  spec.labels[kStackImageLabelKey] = svc.image;

  auto secrets = FileRefs(svc.secrets, ctx.project.secrets, "secret", ctx.stack);
  if (!secrets.ok()) return secrets.status();
  auto configs = FileRefs(svc.configs, ctx.project.configs, "config", ctx.stack);
  if (!configs.ok()) return configs.status();

  // Endpoint: ports sorted by published port; the daemon fills vip/tcp/ingress.
  spec.endpoint.mode = svc.deploy.endpoint_mode.empty() ? "vip" : svc.deploy.endpoint_mode;
  for (auto& c : spec.endpoint.mode) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& p : svc.ports) {
    PortConfig pc;
    if (!p.protocol.empty()) pc.protocol = p.protocol;
    pc.target_port = p.target;
    pc.published_port = p.published;
    if (!p.mode.empty()) pc.publish_mode = p.mode;
    spec.endpoint.ports.push_back(pc);
  }
  std::stable_sort(spec.endpoint.ports.begin(), spec.endpoint.ports.end(),
                   [](const PortConfig& a, const PortConfig& b) { return a.published_port < b.published_port; });

  const std::string& mode = svc.deploy.mode;
  if (mode == "global") {
    if (svc.deploy.replicas) {
      return Status::InvalidArgument("replicas can only be used with replicated or replicated-job mode");
    }
    spec.mode = ServiceMode::kGlobal;
  } else if (mode == "replicated" || mode.empty()) {
    spec.mode = ServiceMode::kReplicated;
    spec.replicas = svc.deploy.replicas.value_or(1);
  } else if (mode == "replicated-job") {
    // MaxConcurrent and TotalCompletions both come from replicas (the daemon
    // makes an absent one 1).
    spec.mode = ServiceMode::kReplicatedJob;
    spec.replicas = spec.max_concurrent = svc.deploy.replicas.value_or(1);
  } else if (mode == "global-job") {
    if (svc.deploy.replicas) {
      return Status::InvalidArgument("replicas can only be used with replicated or replicated-job mode");
    }
    spec.mode = ServiceMode::kGlobalJob;
  } else {
    return Status::InvalidArgument("Unknown mode: " + mode);
  }

  TaskSpec& task = spec.task_template;
  for (const auto& m : svc.volumes) {
    auto mount = ConvertMount(m, ctx);
    if (!mount.ok()) return mount.status();
    task.container.mounts.push_back(*mount);
  }
  if (svc.deploy.limits) {
    if (!svc.deploy.limits->cpus.empty()) {
      auto cpus = ParseCpus(svc.deploy.limits->cpus);
      if (!cpus.ok()) return cpus.status();
      task.resources.limits.nano_cpus = *cpus;
    }
    task.resources.limits.memory_bytes = svc.deploy.limits->memory;
  }
  if (svc.deploy.reservations) {
    if (!svc.deploy.reservations->cpus.empty()) {
      auto cpus = ParseCpus(svc.deploy.reservations->cpus);
      if (!cpus.ok()) return cpus.status();
      task.resources.reservations.nano_cpus = *cpus;
    }
    task.resources.reservations.memory_bytes = svc.deploy.reservations->memory;
  }
  auto restart = ConvertRestartPolicy(svc);
  if (!restart.ok()) return restart.status();
  task.restart_policy = *restart;
  if (svc.healthcheck && svc.healthcheck->disable && !svc.healthcheck->test.empty()) {
    return Status::InvalidArgument("test and disable can't be set at the same time");
  }

  // Networks: a service without any joins the stack's default network.
  std::map<std::string, std::optional<ComposeServiceNetwork>> nets = svc.networks;
  if (nets.empty()) nets["default"] = std::nullopt;
  for (const auto& [key, attachment] : nets) {
    auto it = ctx.project.networks.find(key);
    if (it == ctx.project.networks.end() && key != "default") {
      return Status::NotFound("undefined network \"" + key + "\"");
    }
    NetworkAttachment att;
    att.target = it != ctx.project.networks.end() && !it->second.name.empty() ? it->second.name
                                                                               : ScopedName(ctx.stack, key);
    if (attachment) att.aliases = attachment->aliases;
    if (IsUserDefinedNetwork(att.target)) att.aliases.push_back(svc.name);
    task.networks.push_back(att);
  }
  std::stable_sort(task.networks.begin(), task.networks.end(),
                   [](const NetworkAttachment& a, const NetworkAttachment& b) { return a.target < b.target; });

  ContainerSpec& c = task.container;
  auto image = NormalizeImageReference(svc.image);
  c.image = image.ok() ? *image : svc.image;
  c.command = svc.entrypoint;
  c.args = svc.command;
  c.hostname = svc.hostname;
  for (const auto& [k, v] : svc.environment) c.env.push_back(v ? k + "=" + *v : k);
  std::sort(c.env.begin(), c.env.end());
  c.labels = WithNamespace(svc.labels, ctx.stack);
  c.dir = svc.working_dir;
  c.user = svc.user;
  c.stop_grace_period = svc.stop_grace_period;
  if (svc.healthcheck) {
    auto health = ConvertHealthcheck(*svc.healthcheck);
    if (!health.ok()) return health.status();
    c.healthcheck = std::move(health).value();
  }
  c.secrets = std::move(secrets).value();
  c.configs = std::move(configs).value();

  task.placement.constraints = svc.deploy.placement.constraints;
  task.placement.preferences = svc.deploy.placement.preferences;
  task.placement.max_replicas = svc.deploy.placement.max_replicas_per_node;

  spec.update_config = ConvertUpdateConfig(svc.deploy.update_config);
  spec.rollback_config = ConvertUpdateConfig(svc.deploy.rollback_config);
  return spec;
}

}  // namespace

Result<std::string> NormalizeImageReference(const std::string& image) {
  auto ref = ParseImage(image);
  if (!ref.ok()) return ref.status();
  std::string path = ref->path;
  std::string out;
  if (ref->domain == "docker.io") {
    if (path.rfind("library/", 0) == 0 && path.find('/', 8) == std::string::npos) path = path.substr(8);
    out = path;
  } else {
    out = ref->domain + "/" + path;
  }
  if (!ref->tag.empty()) {
    out += ":" + ref->tag;
  } else if (ref->digest.empty()) {
    out += ":latest";
  }
  if (!ref->digest.empty()) out += "@" + ref->digest;
  return out;
}

namespace {

std::vector<const ComposeService*> SortedServices(const ComposeProject& project) {
  std::vector<const ComposeService*> services;
  for (const auto& s : project.services) services.push_back(&s);
  std::sort(services.begin(), services.end(), [](auto* a, auto* b) { return a->name < b->name; });
  return services;
}

}  // namespace

Status CheckStackImages(const ComposeProject& project) {
  for (const ComposeService* s : SortedServices(project)) {
    if (s->image.empty()) {
      return Status::InvalidArgument("invalid image reference for service " + s->name + ": no image specified");
    }
    // A 64-hex ID or a digest alone is a valid reference for docker too.
    bool id_like = s->image.size() == 64 &&
                   std::all_of(s->image.begin(), s->image.end(), [](char c) { return IsLowerAlnum(c) && IsHexDigit(c); });
    if (!id_like && !IsDigest(s->image)) {
      auto ref = ParseImage(s->image);
      if (!ref.ok()) return ref.status().Wrap("invalid image reference for service " + s->name + ": ");
    }
  }
  return Status::OK();
}

Result<StackSpec> ConvertStack(const ComposeProject& project, const std::string& stack_name) {
  SWARMSIM_RETURN_IF_ERROR(CheckStackName(stack_name));
  SWARMSIM_RETURN_IF_ERROR(CheckStackImages(project));
  std::vector<const ComposeService*> services = SortedServices(project);

  StackSpec stack;
  stack.name = stack_name;

  // Networks some service uses (docker creates only those).
  std::set<std::string> used;
  for (const ComposeService* s : services) {
    if (s->networks.empty()) used.insert("default");
    for (const auto& [key, att] : s->networks) used.insert(key);
  }
  for (const auto& key : used) {
    StackNetwork n;
    n.key = key;
    auto it = project.networks.find(key);
    ComposeNetwork cfg = it != project.networks.end() ? it->second : ComposeNetwork();
    if (cfg.external.external) {
      n.external = true;
      n.name = cfg.name;
      n.driver.clear();
    } else {
      n.name = cfg.name.empty() ? ScopedName(stack_name, key) : cfg.name;
      if (!cfg.driver.empty()) n.driver = cfg.driver;
      n.driver_opts = cfg.driver_opts;
      n.labels = WithNamespace(cfg.labels, stack_name);
      n.attachable = cfg.attachable;
      n.internal = cfg.internal;
      n.ipam_driver = cfg.ipam_driver;
      for (const auto& pool : cfg.ipam_config) n.ipam_subnets.push_back(pool.subnet);
    }
    stack.networks.push_back(n);
  }
  std::stable_sort(stack.networks.begin(), stack.networks.end(),
                   [](const StackNetwork& a, const StackNetwork& b) { return a.name < b.name; });

  for (const auto& [key, v] : project.volumes) {
    StackVolume sv;
    sv.key = key;
    sv.external = v.external.external;
    sv.name = v.name.empty() ? ScopedName(stack_name, key) : v.name;
    sv.driver = v.driver;
    sv.driver_opts = v.driver_opts;
    if (!sv.external) sv.labels = WithNamespace(v.labels, stack_name);
    stack.volumes.push_back(sv);
  }

  auto objects = [&](const std::map<std::string, ComposeFileObject>& src, std::vector<StackFileObject>* dst) {
    for (const auto& [key, o] : src) {
      StackFileObject f;
      f.key = key;
      f.external = o.external.external;
      f.name = o.name.empty() ? ScopedName(stack_name, key) : o.name;
      if (!f.external) {
        f.file = o.file;
        f.labels = WithNamespace(o.labels, stack_name);
        f.driver = o.driver;
        f.template_driver = o.template_driver;
        if (!o.driver.empty()) f.file.clear();
      }
      dst->push_back(f);
    }
  };
  objects(project.secrets, &stack.secrets);
  objects(project.configs, &stack.configs);

  ServiceContext ctx{project, stack_name};
  for (const ComposeService* s : services) {
    auto spec = ConvertService(*s, ctx);
    if (!spec.ok()) return spec.status().Wrap("service " + s->name + ": ");
    stack.services.push_back(std::move(spec).value());
  }
  return stack;
}

}  // namespace swarmsim
