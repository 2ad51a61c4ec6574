// Where the cluster database lives: --state PATH, else $SWARMSIM_STATE, else
// ~/.local/state/swarmsim/cluster.db (XDG_STATE_HOME honoured).
#pragma once

#include <map>
#include <string>

namespace swarmsim {

std::string ResolveStatePath(const std::string& flag, const std::map<std::string, std::string>& env);

}  // namespace swarmsim
