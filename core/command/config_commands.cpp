// config create|ls|inspect|rm and secret create|ls|inspect|rm: one set of
// functions, the kind bound at registration. Output as docker/cli's config and
// secret packages print it; a secret's data is never part of any output.
#include <algorithm>

#include "core/command/label_filter.h"
#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/control/configs.h"
#include "core/control/swarm.h"
#include "core/format/human_duration.h"
#include "core/format/time_format.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

using Labels = std::map<std::string, std::string>;

Status Create(BlobKind kind, CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& name = args.positional()[0];
  // `secret create NAME` is allowed (for secret drivers, which swarmsim has not).
  if (args.positional().size() < 2) return Status::InvalidArgument("secret file is required");
  const std::string& file = args.positional()[1];
  auto data = ctx->read_file(file);  // recorded in the command log; "-" is stdin
  if (!data.ok()) return data.status();
  if (data->empty()) return Status::InvalidArgument("error reading from " + (file == "-" ? std::string("STDIN") : file) + ": data is empty");
  auto id = CreateBlob(ctx->state, kind, name, ParseKeyValues(args.GetAll("label")), data.value());
  if (!id.ok()) return id.status();
  out->out += id.value() + "\n";
  return Status::OK();
}

std::string JoinLabels(const Labels& labels) {
  std::string s;
  for (const auto& [k, v] : labels) s += (s.empty() ? "" : ",") + k + "=" + v;
  return s;
}

// The daemon's list filters: name and id match prefixes, names exact names,
// label a key or key=value.
Result<bool> Matches(const Config& c, const std::vector<std::string>& filters) {
  std::map<std::string, bool> by_key;
  for (const auto& f : filters) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq), want = f.substr(eq + 1);
    bool m = false;
    if (key == "name") {
      m = c.name.rfind(want, 0) == 0;
    } else if (key == "names") {
      m = c.name == want;
    } else if (key == "id") {
      m = c.id.rfind(want, 0) == 0;
    } else if (key == "label") {
      m = LabelMatches(c.labels, want);
    } else {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    by_key[key] = by_key[key] || m;
  }
  for (const auto& [k, ok] : by_key) {
    if (!ok) return false;
  }
  return true;
}

Status Ls(BlobKind kind, CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<const Config*> list;
  for (const auto& [id, c] : Blobs(*ctx->state, kind)) {
    auto m = Matches(c, args.GetAll("filter"));
    if (!m.ok()) return m.status();
    if (m.value()) list.push_back(&c);
  }
  std::stable_sort(list.begin(), list.end(), [](const Config* a, const Config* b) { return NaturalLess(a->name, b->name); });
  const Time now = ctx->state->clock.now;
  std::vector<nlohmann::json> rows;
  for (const Config* c : list) {
    nlohmann::json row = {{"ID", c->id},
                          {"Name", c->name},
                          {"CreatedAt", HumanDuration(now - c->created_at) + " ago"},
                          {"UpdatedAt", HumanDuration(now - c->updated_at) + " ago"},
                          {"Labels", JoinLabels(c->labels)}};
    if (kind == BlobKind::kSecret) row["Driver"] = c->driver;
    rows.push_back(row);
  }
  ListFormat format;
  format.headers = {{"ID", "ID"}, {"Name", "NAME"}, {"CreatedAt", "CREATED"}, {"UpdatedAt", "UPDATED"}, {"Labels", "LABELS"}};
  if (kind == BlobKind::kSecret) {
    format.table = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";
    format.headers["Driver"] = "DRIVER";
    format.context_type = "*secret.secretContext";
  } else {
    format.table = "table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";
    format.context_type = "*config.configContext";
  }
  return PrintList(rows, format, args.Get("format"), args.Has("quiet"), out);
}

std::string PrettyLabels(const Labels& labels) {
  if (labels.empty()) return "";
  std::string s = "Labels:\n";
  for (const auto& [k, v] : labels) s += " - " + k + (v.empty() ? "" : "=" + v) + "\n";
  return s;
}

// docker/cli config formatter: tabs, then the data itself.
std::string PrettyConfig(const Config& c) {
  return "ID:\t\t\t" + c.id + "\nName:\t\t\t" + c.name + "\n" + PrettyLabels(c.labels) +
         "Created at:            \t" + FormatPrettyTime(c.created_at) + "\nUpdated at:            \t" +
         FormatPrettyTime(c.updated_at) + "\nData:\n" + c.data + "\n";
}

// docker/cli secret formatter: spaces only (the ID line is one column short, as
// docker's is), and no data.
std::string PrettySecret(const Config& c) {
  return "ID:              " + c.id + "\nName:              " + c.name + "\n" + PrettyLabels(c.labels) +
         "Driver:            " + c.driver + "\nCreated at:        " + FormatPrettyTime(c.created_at) +
         "\nUpdated at:        " + FormatPrettyTime(c.updated_at) + "\n";
}

Status Inspect(BlobKind kind, CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  // docker/cli's config and secret inspect: --pretty wins over --format.
  bool pretty = args.Has("pretty") || args.Get("format") == "pretty";
  if (!pretty && args.Get("format").rfind("pretty", 0) == 0) {
    return Status::InvalidArgument("cannot supply extra formatting options to the pretty template");
  }
  std::vector<const Config*> found;
  std::vector<std::string> errors;
  for (const auto& ref : args.positional()) {
    auto c = ResolveBlob(ctx->state, kind, ref);
    if (!c.ok() && (pretty || c.status().code() != Status::Code::kNotFound)) return c.status();
    if (!c.ok()) {
      errors.push_back(c.status().message());
      continue;
    }
    found.push_back(c.value());
  }
  if (pretty) {
    for (const Config* c : found) out->out += kind == BlobKind::kSecret ? PrettySecret(*c) : PrettyConfig(*c);
    return Status::OK();
  }
  std::vector<nlohmann::json> objs;
  for (const Config* c : found) objs.push_back(ToJson(*c, kind));  // secrets: no Spec.Data
  // docker inspects configs and secrets with their raw JSON: a template that
  // fails on the typed object is run again on that JSON, and its error is the one
  // shown (so no Go type is named).
  WriteInspected(objs, errors, args.Get("format"), "", InspectedAs::kSwarmTypes, out);
  return Status::OK();
}

// Every name is checked before anything is removed: one command, one transaction.
Status Rm(BlobKind kind, CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<std::string> ids;
  for (const auto& ref : args.positional()) {
    auto c = ResolveBlob(ctx->state, kind, ref);
    if (!c.ok()) return c.status();
    ids.push_back(c.value()->id);
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!Blobs(*ctx->state, kind).count(ids[i])) continue;  // named twice
    SWARMSIM_RETURN_IF_ERROR(RemoveBlob(ctx->state, kind, ids[i]));
    out->out += args.positional()[i] + "\n";
  }
  return Status::OK();
}

void Register(BlobKind kind, std::vector<CommandDef>* defs) {
  using namespace std::placeholders;
  const bool secret = kind == BlobKind::kSecret;
  const std::string word = ToString(kind);
  const std::string upper = secret ? "SECRET" : "CONFIG";
  const std::string plural = word + "s";
  defs->push_back({.path = {word, "create"},
                   .usage = word + " create [OPTIONS] " + upper + (secret ? " [file|-]" : " file|-"),
                   .description = secret ? "Create a secret from a file or STDIN as content"
                                         : "Create a config from a file or STDIN",
                   .flags = {FlagSpec::Value("label", 'l', "list", secret ? "Secret labels" : "Config labels")},
                   .min_args = secret ? 1 : 2,
                   .max_args = 2,
                   .run = std::bind(Create, kind, _1, _2, _3)});
  defs->push_back({.path = {word, "ls"},
                   .aliases = {"list"},
                   .usage = word + " ls [OPTIONS]",
                   .description = "List " + plural,
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided")},
                   .max_args = 0,
                   .read_only = true,
                   .run = std::bind(Ls, kind, _1, _2, _3)});
  defs->push_back({.path = {word, "inspect"},
                   .usage = word + " inspect [OPTIONS] " + upper + " [" + upper + "...]",
                   .description = "Display detailed information on one or more " + plural,
                   .flags = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp),
                             FlagSpec::Bool("pretty", 0, "Print the information in a human friendly format")},
                   .min_args = 1,
                   .read_only = true,
                   .run = std::bind(Inspect, kind, _1, _2, _3)});
  defs->push_back({.path = {word, "rm"},
                   .aliases = {"remove"},
                   .usage = word + " rm " + upper + " [" + upper + "...]",
                   .description = "Remove one or more " + plural,
                   .min_args = 1,
                   .run = std::bind(Rm, kind, _1, _2, _3),
                   .per_object = true});
}

}  // namespace

void RegisterConfigCommands(std::vector<CommandDef>* defs) {
  Register(BlobKind::kConfig, defs);
  Register(BlobKind::kSecret, defs);
}

}  // namespace swarmsim
