// volume ls|inspect|rm|prune: every node's local volumes at once. docker talks to
// one engine and sees its volumes; here the whole cluster is one process, so the
// lists add a NODE column and commands take --node to pick one node's copy.
#include <algorithm>

#include "core/command/label_filter.h"
#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/container/volumes.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/format/size.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

int64_t DataSize(const Volume& v) { return VolumeDataSize(v); }

// Volumes in docker's order (natural by name), then by node hostname.
std::vector<const Volume*> SortedVolumes(const ClusterState& state) {
  std::vector<const Volume*> out;
  for (const auto& [key, v] : state.volumes) out.push_back(&v);
  std::stable_sort(out.begin(), out.end(), [&](const Volume* a, const Volume* b) {
    if (a->name != b->name) return NaturalLess(a->name, b->name);
    return NaturalLess(NodeHostname(state, a->node_id), NodeHostname(state, b->node_id));
  });
  return out;
}

Result<std::string> NodeIdFromFlag(ClusterState* state, const ParsedArgs& args) {
  if (!args.Has("node")) return std::string();
  auto n = ResolveNode(state, args.Get("node"));
  if (!n.ok()) return n.status();
  return n.value()->id;
}

// The copies of volume `name`: on the --node given, else on every node.
Result<std::vector<Volume*>> FindCopies(ClusterState* state, const std::string& name, const std::string& node_id) {
  std::vector<Volume*> out;
  for (auto& [key, v] : state->volumes) {
    if (key.second == name && (node_id.empty() || key.first == node_id)) out.push_back(&v);
  }
  if (out.empty()) {
    std::string where = node_id.empty() ? "" : " on node " + NodeHostname(*state, node_id);
    return Status::Daemon(Status::Code::kNotFound, "get " + name + ": no such volume" + where);
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseVolumeFilters(const std::vector<std::string>& raw) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : raw) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq);
    if (key != "name" && key != "label" && key != "dangling" && key != "driver" && key != "node") {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    out.push_back({key, f.substr(eq + 1)});
  }
  return out;
}

using UseMap = std::map<VolumeKey, std::vector<std::string>>;

size_t UserCount(const UseMap& users, const Volume& v) {
  auto it = users.find({v.node_id, v.name});
  return it == users.end() ? 0 : it->second.size();
}

bool VolumeMatches(const ClusterState& state, const UseMap& users, const Volume& v,
                   const std::vector<std::pair<std::string, std::string>>& filters) {
  std::map<std::string, bool> by_key;
  for (const auto& [k, want] : filters) {
    bool m = false;
    if (k == "name") {
      m = v.name.find(want) != std::string::npos;
    } else if (k == "driver") {
      m = v.driver == want;
    } else if (k == "node") {
      m = v.node_id == want || NodeHostname(state, v.node_id) == want;
    } else if (k == "label") {
      m = LabelMatches(v.labels, want);
    } else if (k == "dangling") {
      bool dangling = UserCount(users, v) == 0;
      m = (want == "true" || want == "1") == dangling;
    }
    by_key[k] = by_key[k] || m;
  }
  for (const auto& [k, ok] : by_key) {
    if (!ok) return false;
  }
  return true;
}

nlohmann::json VolumeRow(const ClusterState& state, const UseMap& users, const Volume& v) {
  std::string labels;
  for (const auto& [k, val] : v.labels) labels += (labels.empty() ? "" : ",") + k + "=" + val;
  return {{"Driver", v.driver},
          {"Name", v.name},
          {"Node", NodeHostname(state, v.node_id)},
          {"Scope", "local"},
          {"Mountpoint", "/var/lib/docker/volumes/" + v.name + "/_data"},
          {"Labels", labels},
          {"Links", std::to_string(UserCount(users, v))},
          {"Size", HumanSize(static_cast<double>(DataSize(v)))},
          {"Availability", "N/A"},
          {"Group", "N/A"}};
}

// `volume ls --node NODE`: what docker prints on that node. The Engine API's
// volume list carries no usage data and these are not cluster volumes, so
// links, size and the cluster fields are N/A.
Status NodeVolumeLs(CommandContext* ctx, const ParsedArgs& args, const std::string& node_id,
                    const std::vector<std::string>& filters, CommandOutput* out) {
  auto parsed = ParseVolumeFilters(filters);
  if (!parsed.ok()) return parsed.status();
  UseMap users = VolumeUsers(*ctx->state);
  std::vector<nlohmann::json> rows;
  for (const Volume* v : SortedVolumes(*ctx->state)) {
    if (v->node_id != node_id || !VolumeMatches(*ctx->state, users, *v, parsed.value())) continue;
    nlohmann::json row = VolumeRow(*ctx->state, users, *v);
    row.erase("Node");
    row["Links"] = "N/A";
    row["Size"] = "N/A";
    row["Status"] = "N/A";
    rows.push_back(std::move(row));
  }
  ListFormat list;
  list.table = "table {{.Driver}}\t{{.Name}}";
  list.quiet = "{{.Name}}";
  list.raw = "name: {{.Name}}\ndriver: {{.Driver}}\n";
  list.raw_quiet = "name: {{.Name}}";
  list.headers = {{"Driver", "DRIVER"},         {"Name", "VOLUME NAME"}, {"Scope", "SCOPE"},
                  {"Mountpoint", "MOUNTPOINT"}, {"Labels", "LABELS"},    {"Links", "LINKS"},
                  {"Size", "SIZE"},             {"Availability", "AVAILABILITY"},
                  {"Group", "GROUP"},           {"Status", "STATUS"}};
  list.context_type = "*formatter.volumeContext";
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

Status VolumeLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto node_id = NodeIdFromFlag(ctx->state, args);
  if (!node_id.ok()) return node_id.status();
  if (!node_id->empty()) return NodeVolumeLs(ctx, args, node_id.value(), args.GetAll("filter"), out);
  auto filters = ParseVolumeFilters(args.GetAll("filter"));
  if (!filters.ok()) return filters.status();
  UseMap users = VolumeUsers(*ctx->state);
  std::vector<nlohmann::json> rows;
  for (const Volume* v : SortedVolumes(*ctx->state)) {
    if (VolumeMatches(*ctx->state, users, *v, filters.value())) rows.push_back(VolumeRow(*ctx->state, users, *v));
  }
  ListFormat list;
  list.table = "table {{.Driver}}\t{{.Name}}\t{{.Node}}";
  list.quiet = "{{.Name}}";
  list.headers = {{"Driver", "DRIVER"},   {"Name", "VOLUME NAME"}, {"Node", "NODE"},
                  {"Scope", "SCOPE"},     {"Mountpoint", "MOUNTPOINT"}, {"Labels", "LABELS"},
                  {"Links", "LINKS"},     {"Size", "SIZE"},         {"Availability", "AVAILABILITY"},
                  {"Group", "GROUP"}};
  list.context_type = "*formatter.volumeContext";
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

Status VolumeInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto node_id = NodeIdFromFlag(ctx->state, args);
  if (!node_id.ok()) return node_id.status();
  std::vector<nlohmann::json> objs;
  std::vector<std::string> errors;
  for (const auto& name : args.positional()) {
    auto copies = FindCopies(ctx->state, name, node_id.value());
    if (!copies.ok() && copies.status().code() != Status::Code::kNotFound) return copies.status();
    if (!copies.ok()) {
      errors.push_back(copies.status().message());
      continue;
    }
    if (copies->size() > 1) {
      std::string nodes;
      for (const Volume* v : copies.value()) nodes += (nodes.empty() ? "" : ", ") + NodeHostname(*ctx->state, v->node_id);
      return Status::InvalidArgument("volume " + name + " exists on " + std::to_string(copies->size()) +
                                     " nodes (" + nodes + "), each with its own data: pick one with --node");
    }
    objs.push_back(ToJson(*copies->front()));
  }
  // docker returns inspect.Inspect's error as it is: 64 for a template that does not parse.
  WriteInspected(objs, errors, args.Get("format"), "volume.Volume", InspectedAs::kJson, out, /*parse_error_exit=*/64);
  return Status::OK();
}

Status VolumeRm(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto node_id = NodeIdFromFlag(ctx->state, args);
  if (!node_id.ok()) return node_id.status();
  UseMap in_use = VolumeUsers(*ctx->state);
  for (const auto& name : args.positional()) {
    auto copies = FindCopies(ctx->state, name, node_id.value());
    if (!copies.ok()) {
      if (args.Has("force")) continue;  // docker rm -f ignores missing volumes
      return copies.status();
    }
    for (Volume* v : copies.value()) {
      auto users = in_use.find({v->node_id, v->name});
      if (users != in_use.end()) {
        std::string list;
        for (const auto& id : users->second) list += (list.empty() ? "" : " ") + id;
        return Status::Daemon(Status::Code::kFailedPrecondition,
                              "remove " + name + ": volume is in use - [" + list + "]");
      }
    }
    for (Volume* v : copies.value()) DestroyVolume(ctx->state, v);
    out->out += name + "\n";
  }
  return Status::OK();
}

Status VolumePrune(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  bool all = args.Has("all");
  if (!args.Has("force")) {
    std::string warning = all ? "WARNING! This will remove all local volumes not used by at least one container.\n"
                              : "WARNING! This will remove anonymous local volumes not used by at least one "
                                "container.\n";
    out->out += warning + "Are you sure you want to continue? [y/N] ";
    auto answer = ctx->read_file ? ctx->read_file("-") : Result<std::string>(Status::IOError("no input"));
    std::string a = answer.ok() ? answer.value().substr(0, answer.value().find('\n')) : "";
    // Refused: docker (28) leaves the prompt as it is and exits 0; nothing changes.
    if (a != "y" && a != "Y" && a != "yes" && a != "Yes") return Status::OK();
  }
  int64_t reclaimed = 0;
  std::vector<std::string> names = PruneVolumes(ctx->state, "", all, &reclaimed);
  if (!names.empty()) {
    out->out += "Deleted Volumes:\n";
    for (const auto& n : names) out->out += n + "\n";
    out->out += "\n";
  }
  out->out += "Total reclaimed space: " + HumanSize(static_cast<double>(reclaimed)) + "\n";
  return Status::OK();
}

}  // namespace

void RegisterVolumeCommands(std::vector<CommandDef>* defs) {
  const FlagSpec node = FlagSpec::Value("node", 0, "string", "The node whose volume this is (volumes are local to a node)");
  defs->push_back({.path = {"volume", "ls"},
                   .aliases = {"list"},
                   .usage = "volume ls [OPTIONS]",
                   .description = "List volumes",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display volume names"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Provide filter values (e.g. \"dangling=true\")"),
                             FlagSpec::Value("node", 0, "string",
                                             "List only this node's volumes, as 'docker volume ls' on that node "
                                             "prints them (default: every node's, with a NODE column)")},
                   .max_args = 0,
                   .read_only = true,
                   .run = VolumeLs});
  defs->push_back({.path = {"volume", "inspect"},
                   .usage = "volume inspect [OPTIONS] VOLUME [VOLUME...]",
                   .description = "Display detailed information on one or more volumes",
                   .flags = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp), node},
                   .min_args = 1,
                   .read_only = true,
                   .run = VolumeInspect});
  defs->push_back({.path = {"volume", "rm"},
                   .aliases = {"remove"},
                   .usage = "volume rm [OPTIONS] VOLUME [VOLUME...]",
                   .description = "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
                   .flags = {FlagSpec::Bool("force", 'f', "Force the removal of one or more volumes"), node},
                   .min_args = 1,
                   .run = VolumeRm,
                   .per_object = true});
  defs->push_back({.path = {"volume", "prune"},
                   .usage = "volume prune [OPTIONS]",
                   .description = "Remove unused local volumes",
                   .flags = {FlagSpec::Bool("all", 'a', "Remove all unused volumes, not just anonymous ones"),
                             FlagSpec::Bool("force", 'f', "Do not prompt for confirmation"),
                             FlagSpec::Value("filter", 0, "filter", "Provide filter values (e.g. \"label=<label>\")")},
                   .max_args = 0,
                   .run = VolumePrune});
}

}  // namespace swarmsim
