// api [--node NAME] METHOD TARGET [BODY]: one Docker Engine API request answered by
// the simulated daemon, printed as the HTTP response (like `curl -i`). This is
// also how `swarmsim serve` runs every request, so a request that changed the
// cluster is in the command log as this command and replays like any other.
#include "core/command/api_command.h"
#include "core/engine_api/router.h"

namespace swarmsim {

namespace {

Status Api(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  std::vector<std::string> pos = args.positional();
  EngineRequest request;
  if (!pos.empty() && pos[0].rfind("--node=", 0) == 0) {
    request.node = pos[0].substr(7);
    pos.erase(pos.begin());
  } else if (pos.size() >= 2 && pos[0] == "--node") {
    request.node = pos[1];
    pos.erase(pos.begin(), pos.begin() + 2);
  }
  if (pos.size() < 2 || pos.size() > 3) {
    return Status::InvalidArgument("swarmsim: 'swarmsim api' requires METHOD TARGET [BODY]");
  }
  request.method = pos[0];
  request.target = pos[1];
  if (pos.size() == 3) request.body = pos[2];
  EngineResponse response = HandleEngineRequest(ctx, request);
  out->out = FormatEngineResponse(response);
  // An error answer changes nothing: the session rolls the transaction back.
  if (response.status >= 400) out->exit_code = 1;
  return Status::OK();
}

}  // namespace

bool IsReadOnlyApiCall(const std::vector<std::string>& args) {
  size_t i = 1;
  if (i < args.size() && args[i].rfind("--node=", 0) == 0) {
    ++i;
  } else if (i < args.size() && args[i] == "--node") {
    i += 2;
  }
  return i < args.size() && !IsMutatingMethod(args[i]);
}

void RegisterApiCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"api"},
                   .usage = "api [--node NAME] METHOD TARGET [BODY]",
                   .description = "Send one Docker Engine API request to the simulated daemon and print its HTTP response",
                   .min_args = 2,
                   .max_args = 5,
                   .run = Api,
                   .raw_args = true});
}

void RegisterServeCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"serve"},
                   .usage = "serve [OPTIONS]",
                   .description = "Answer the Docker Engine API on a socket, so the real docker client drives the swarm",
                   .flags = {FlagSpec::Value("host", 'H', "list",
                                             "Socket to listen on: unix:///PATH or tcp://127.0.0.1:PORT (default: "
                                             "docker.sock beside the cluster database)"),
                             FlagSpec::Value("group", 'G', "string",
                                             "Group for the unix socket: mode 0660 owned by that group (default: "
                                             "none, mode 0600)"),
                             FlagSpec::Value("node", 0, "string",
                                             "Answer as this node's engine (its volumes, containers, and a worker's "
                                             "refusals)")},
                   .max_args = 0,
                   .front_end_only = true});
}

}  // namespace swarmsim
