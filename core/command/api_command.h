// The `api` command: one Docker Engine API request, answered by core/engine_api.
#pragma once

#include <string>
#include <vector>

#include "core/command/registry.h"

namespace swarmsim {

void RegisterApiCommands(std::vector<CommandDef>* defs);
// `serve` runs in app/ (server/); registered for --help and the command list.
void RegisterServeCommands(std::vector<CommandDef>* defs);

// `api GET ...` only reads; `api POST ...` may change the cluster and is logged.
bool IsReadOnlyApiCall(const std::vector<std::string>& args);

}  // namespace swarmsim
