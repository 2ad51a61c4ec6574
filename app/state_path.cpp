#include "app/state_path.h"

#include <filesystem>

extern char** environ;

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

std::string LessonStatePath(const std::string& lesson, const std::map<std::string, std::string>& env) {
  std::filesystem::path usual = ResolveStatePath("", env);
  return (usual.parent_path() / "lessons" / (lesson + ".db")).string();
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

}  // namespace swarmsim
