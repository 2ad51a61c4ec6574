// A network, shaped like the Engine API's NetworkResource: swarm-scoped overlay
// networks (the ingress network, `network create -d overlay`, a stack's networks)
// and local bridge networks made on the node the CLI talks to.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model/time.h"

namespace swarmsim {

// One IPAM pool of a network: a CIDR subnet and its gateway ("10.0.1.0/24", "10.0.1.1").
struct IpamConfig {
  std::string subnet;
  std::string gateway;
  bool operator==(const IpamConfig&) const = default;
};

struct Network {
  std::string id;
  uint64_t version = 0;
  Time created_at = 0;
  Time updated_at = 0;
  std::string name;
  std::string driver = "overlay";
  std::string scope = "swarm";
  bool ingress = false;
  bool attachable = false;
  bool internal = false;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> options;  // driver options (`--opt`), vxlan ID for overlays
  std::string ipam_driver = "default";
  std::vector<IpamConfig> ipam;  // the allocator hands out addresses from these
};

}  // namespace swarmsim
