// Port specs as docker's go-connections/nat reads them ("8080:80",
// "127.0.0.1:80:80/udp", "9000-9001:9000-9001"), and their expansion into
// the service's published ports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim::compose {

struct PortMapping {
  std::string proto;      // lower-cased: tcp | udp | sctp
  uint32_t container_port = 0;
  std::string host_ip;
  std::string host_port;  // "" (none), "8080", or a dynamic range "8000-8010"
};

// nat.ParsePortSpec. Errors with nat's text, e.g. "invalid containerPort: abc",
// "invalid proto: xyz", "invalid IP address: 1.2.3",
// "invalid ranges specified for container and host Ports: 80-81 and 90".
Result<std::vector<PortMapping>> ParsePortSpec(const std::string& raw);

// One published port as the compose loader writes it from the short syntax.
struct ExpandedPort {
  std::string protocol;
  uint32_t target = 0;
  uint32_t published = 0;
};

// docker's short-syntax expansion: ports sorted by their "port/proto" key as
// strings, each binding's host range expanded to one entry per port.
Result<std::vector<ExpandedPort>> ExpandPortSpec(const std::string& raw);

}  // namespace swarmsim::compose
