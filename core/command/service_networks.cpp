#include "core/command/service_networks.h"

#include <algorithm>

#include "core/control/networks.h"

namespace swarmsim {

namespace {

// docker's NetworkOpt: "NAME" or "name=NAME,alias=A,alias=B" (driver-opt and the
// address fields are accepted and not kept: swarm ignores them for services).
Result<NetworkAttachment> ParseNetworkOpt(const std::string& value) {
  NetworkAttachment a;
  if (value.find('=') == std::string::npos) {
    a.target = value;
    return a;
  }
  size_t start = 0;
  for (;;) {
    size_t comma = value.find(',', start);
    std::string field = value.substr(start, comma - start);
    auto eq = field.find('=');
    if (eq == std::string::npos) return Status::InvalidFlag("invalid argument \"" + value + "\" for \"--network\" flag: invalid field " + field);
    std::string key = field.substr(0, eq), val = field.substr(eq + 1);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "name") a.target = val;
    else if (key == "alias") a.aliases.push_back(val);
    else if (key != "driver-opt" && key != "ip" && key != "ip6" && key != "mac-address" && key != "link-local-ip" &&
             key != "gw-priority") {
      return Status::InvalidFlag("invalid argument \"" + value + "\" for \"--network\" flag: invalid field key " + key);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (a.target.empty()) {
    return Status::InvalidFlag("invalid argument \"" + value + "\" for \"--network\" flag: network name/id is not specified");
  }
  return a;
}

void SortByTarget(std::vector<NetworkAttachment>* nets) {
  std::sort(nets->begin(), nets->end(),
            [](const NetworkAttachment& a, const NetworkAttachment& b) { return a.target < b.target; });
}

}  // namespace

std::vector<FlagSpec> ServiceNetworkFlags(bool update) {
  FlagSpec mode = FlagSpec::Value("endpoint-mode", 0, "string", "Endpoint mode (vip or dnsrr)", update ? "" : "vip");
  if (update) {
    return {FlagSpec::Value("network-add", 0, "network", "Add a network"),
            FlagSpec::Value("network-rm", 0, "list", "Remove a network"), mode};
  }
  return {FlagSpec::Value("network", 0, "network", "Network attachments"), mode};
}

Status ApplyServiceNetworkFlags(ClusterState* state, const ParsedArgs& args, bool update, ServiceSpec* spec) {
  auto& nets = spec->task_template.networks;
  if (!update) {
    for (const auto& v : args.GetAll("network")) {
      auto a = ParseNetworkOpt(v);
      if (!a.ok()) return a.status();
      auto n = ResolveNetwork(state, a->target, /*swarm_only=*/true);
      if (!n.ok()) return n.status();
      a->target = n.value()->id;
      nets.push_back(a.value());
    }
    SortByTarget(&nets);
  } else if (args.Has("network-add") || args.Has("network-rm")) {
    std::vector<std::string> remove_ids;
    for (const auto& ref : args.GetAll("network-rm")) {
      auto n = ResolveNetwork(state, ref, true);
      if (!n.ok()) return n.status();
      remove_ids.push_back(n.value()->id);
    }
    nets.erase(std::remove_if(nets.begin(), nets.end(),
                              [&](const NetworkAttachment& a) {
                                return std::find(remove_ids.begin(), remove_ids.end(), a.target) != remove_ids.end();
                              }),
               nets.end());
    for (const auto& v : args.GetAll("network-add")) {
      auto a = ParseNetworkOpt(v);
      if (!a.ok()) return a.status();
      auto n = ResolveNetwork(state, a->target, true);
      if (!n.ok()) return n.status();
      std::string id = n.value()->id;
      for (const auto& existing : nets) {
        if (existing.target == id) return Status::InvalidArgument("service is already attached to network " + a->target);
      }
      a->target = id;
      nets.push_back(a.value());
    }
    SortByTarget(&nets);
  }
  if (args.Has("endpoint-mode")) {
    std::string mode = args.Get("endpoint-mode");
    for (auto& c : mode) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // The daemon maps any other word to vip.
    spec->endpoint.mode = mode == "dnsrr" ? "dnsrr" : "vip";
  }
  return Status::OK();
}

}  // namespace swarmsim
