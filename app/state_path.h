// Where the cluster database lives: --state PATH, else $SWARMSIM_STATE, else
// ~/.local/state/swarmsim/cluster.db (XDG_STATE_HOME honoured).
#pragma once

#include <map>
#include <string>

namespace swarmsim {

std::string ResolveStatePath(const std::string& flag, const std::map<std::string, std::string>& env);

// The process environment as a map (the CLI and the window read their settings
// from it, and compose files interpolate it).
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace swarmsim
