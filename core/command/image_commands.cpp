// image ls | image load FILE.yml: the image catalogue the simulator runs from
// (built in from scenarios/images.yml, extended per cluster by `image load`).
#include <algorithm>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/control/swarm.h"
#include "core/format/go_duration.h"
#include "core/format/size.h"
#include "core/image/catalog.h"

namespace swarmsim {

namespace {

nlohmann::json ImageRow(const ClusterState& state, const ImageEntry& e, bool loaded) {
  size_t colon = e.reference.rfind(':');
  size_t pulled = 0;
  for (const auto& [id, n] : state.nodes) pulled += n.images.count(e.reference);
  std::string fails;
  if (e.exit_after) {
    fails = "exits " + std::to_string(e.exit_code) + " after " + FormatGoDuration(*e.exit_after);
  }
  if (e.healthy && !*e.healthy) fails += std::string(fails.empty() ? "" : ", ") + "never healthy";
  return {{"Repository", e.reference.substr(0, colon)},
          {"Tag", colon == std::string::npos ? "" : e.reference.substr(colon + 1)},
          {"Size", HumanSize(static_cast<double>(e.size_bytes))},
          {"Behaviour", e.behaviour},
          {"Failure", fails},
          {"Source", loaded ? "loaded" : "built-in"},
          {"Nodes", std::to_string(pulled)},
          {"Description", e.description}};
}

Status ImageLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  ImageCatalog all = BuiltinImages();
  for (const auto& [ref, e] : ctx->state->images) all[ref] = e;
  std::vector<const ImageEntry*> entries;
  for (const auto& [ref, e] : all) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const ImageEntry* a, const ImageEntry* b) { return NaturalLess(a->reference, b->reference); });
  std::vector<nlohmann::json> rows;
  for (const ImageEntry* e : entries) rows.push_back(ImageRow(*ctx->state, *e, ctx->state->images.count(e->reference)));
  ListFormat list;
  list.table = "table {{.Repository}}\t{{.Tag}}\t{{.Size}}\t{{.Behaviour}}\t{{.Failure}}\t{{.Source}}\t{{.Nodes}}";
  list.quiet = "{{.Repository}}:{{.Tag}}";
  list.headers = {{"Repository", "REPOSITORY"}, {"Tag", "TAG"},       {"Size", "SIZE"},
                  {"Behaviour", "BEHAVIOUR"},   {"Failure", "FAILURE"}, {"Source", "SOURCE"},
                  {"Nodes", "PULLED ON NODES"},  {"Description", "DESCRIPTION"}};
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

Status ImageLoad(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  std::string path = args.Has("input") ? args.Get("input") : "";
  if (!args.positional().empty()) path = args.positional()[0];
  if (path.empty()) return Status::InvalidArgument("image load: give the catalogue file (image load FILE.yml)");
  auto text = ctx->read_file(path);
  if (!text.ok()) return text.status();
  auto catalog = ParseImageCatalog(text.value(), path);
  if (!catalog.ok()) return catalog.status();
  if (catalog->empty()) return Status::InvalidArgument(path + ": no images in the file");
  for (const auto& [ref, e] : catalog.value()) {
    ctx->state->images[ref] = e;
    RecordEvent(ctx->state, "image", "load", ref);
    out->out += "Loaded image: " + ref + "\n";
  }
  ctx->state->images_changed = true;
  return Status::OK();
}

}  // namespace

void RegisterImageCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"image", "ls"},
                   .aliases = {"list"},
                   .usage = "image ls [OPTIONS]",
                   .description = "List images",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only show image IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp)},
                   .max_args = 0,
                   .read_only = true,
                   .run = ImageLs});
  defs->push_back({.path = {"image", "load"},
                   .usage = "image load [-i] FILE.yml",
                   .description = "Add images to the simulated registry from an image catalogue file",
                   .flags = {FlagSpec::Value("input", 'i', "string", "Read from the catalogue file FILE.yml")},
                   .max_args = 1,
                   .run = ImageLoad});
}

}  // namespace swarmsim
