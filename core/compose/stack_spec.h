// A stack ready to deploy: what `docker stack deploy` sends to the daemon after
// converting a compose project (networks to create or check, config and secret
// objects, service specs), before any daemon call.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model/service.h"
#include "core/status.h"

namespace swarmsim {

// A network some service attaches to.
struct StackNetwork {
  std::string key;     // the compose key ("default" when implied)
  std::string name;    // "<stack>_<key>", or the compose `name:`
  bool external = false;  // must already exist; never created
  std::string driver = "overlay";
  std::map<std::string, std::string> driver_opts;
  std::map<std::string, std::string> labels;  // incl. com.docker.stack.namespace (not for external)
  bool attachable = false;
  bool internal = false;
  std::string ipam_driver;
  std::vector<std::string> ipam_subnets;
};

// A top-level named volume. Volumes are created lazily on nodes by tasks; this
// records the name and labels the services' mounts carry.
struct StackVolume {
  std::string key;
  std::string name;  // "<stack>_<key>", or `name:` (the key itself when external)
  bool external = false;
  std::string driver;
  std::map<std::string, std::string> driver_opts;
  std::map<std::string, std::string> labels;  // incl. the namespace label unless external
};

// A top-level config or secret.
struct StackFileObject {
  std::string key;
  std::string name;  // "<stack>_<key>", or `name:` (the key itself when external)
  bool external = false;  // looked up by name at deploy time, never created
  std::string file;       // absolute path of the content (empty for external)
  std::string data;       // the file's content: the command layer reads it through the session
  std::map<std::string, std::string> labels;  // incl. the namespace label unless external
  std::string driver;           // secrets: a secret driver instead of a file
  std::string template_driver;  // e.g. "golang"
};

struct StackSpec {
  std::string name;
  std::vector<StackNetwork> networks;  // only networks used by some service, sorted by name
  std::vector<ServiceSpec> services;   // sorted by name
  std::vector<StackVolume> volumes;    // every top-level volume, sorted by key
  std::vector<StackFileObject> configs;  // every top-level config, sorted by key
  std::vector<StackFileObject> secrets;  // every top-level secret, sorted by key
};

inline constexpr char kStackNamespaceLabelKey[] = "com.docker.stack.namespace";
inline constexpr char kStackImageLabelKey[] = "com.docker.stack.image";

// docker's only check on a stack name: not empty once surrounding whitespace
// and quote characters are trimmed. Error: `invalid stack name: "<name>"`
// (the name Go-quoted).
Status CheckStackName(const std::string& name);

// "<stack>_<name>": how a stack scopes its objects.
std::string ScopedName(const std::string& stack, const std::string& name);

}  // namespace swarmsim
