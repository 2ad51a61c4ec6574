#include "app/state_path.h"

namespace swarmsim {

std::string ResolveStatePath(const std::string& flag, const std::map<std::string, std::string>& env) {
  if (!flag.empty()) return flag;
  if (auto it = env.find("SWARMSIM_STATE"); it != env.end() && !it->second.empty()) return it->second;
  if (auto it = env.find("XDG_STATE_HOME"); it != env.end() && !it->second.empty()) {
    return it->second + "/swarmsim/cluster.db";
  }
  std::string home = env.count("HOME") ? env.at("HOME") : ".";
  return home + "/.local/state/swarmsim/cluster.db";
}

}  // namespace swarmsim
