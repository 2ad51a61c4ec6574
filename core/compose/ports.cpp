#include "core/compose/ports.h"

#include <arpa/inet.h>

#include <algorithm>
#include <map>

namespace swarmsim::compose {

namespace {

// strconv.ParseUint(s, 10, 16).
bool ParseUint16(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 6) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > 65535) return false;
  *out = v;
  return true;
}

// nat.ParsePortRange.
bool ParsePortRange(const std::string& ports, uint64_t* start, uint64_t* end) {
  if (ports.empty()) return false;
  size_t dash = ports.find('-');
  if (dash == std::string::npos) {
    if (!ParseUint16(ports, start)) return false;
    *end = *start;
    return true;
  }
  size_t second = ports.find('-', dash + 1);
  std::string a = ports.substr(0, dash);
  std::string b = ports.substr(dash + 1, second == std::string::npos ? std::string::npos : second - dash - 1);
  if (!ParseUint16(a, start) || !ParseUint16(b, end)) return false;
  return *end >= *start;
}

bool ValidIp(const std::string& ip) {
  unsigned char buf[16];
  return inet_pton(AF_INET, ip.c_str(), buf) == 1 || inet_pton(AF_INET6, ip.c_str(), buf) == 1;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Result<std::vector<PortMapping>> ParsePortSpec(const std::string& raw) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t colon = raw.find(':', start);
    parts.push_back(raw.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  size_t n = parts.size();
  std::string ip, host_port, container_port = parts[n - 1];
  if (n == 2) {
    host_port = parts[0];
  } else if (n == 3) {
    ip = parts[0];
    host_port = parts[1];
  } else if (n > 3) {
    for (size_t i = 0; i + 2 < n; ++i) ip += (i ? ":" : "") + parts[i];
    host_port = parts[n - 2];
  }
  // SplitProtoPort.
  std::string proto;
  {
    std::string cp = container_port;
    size_t slash = cp.find('/');
    std::string first = cp.substr(0, slash);
    if (cp.empty() || first.empty()) {
      proto = "";
      container_port = "";
    } else if (slash == std::string::npos) {
      proto = "tcp";
    } else {
      size_t slash2 = cp.find('/', slash + 1);
      std::string second = cp.substr(slash + 1, slash2 == std::string::npos ? std::string::npos : slash2 - slash - 1);
      proto = second.empty() ? "tcp" : second;
      container_port = first;
    }
  }
  if (!ip.empty() && ip[0] == '[') {
    size_t close = ip.find(']');
    if (close == std::string::npos || close + 1 != ip.size()) {
      return Status::InvalidArgument("invalid IP address " + ip + ": address " + ip + ":: missing port in address");
    }
    ip = ip.substr(1, close - 1);
  }
  if (!ip.empty() && !ValidIp(ip)) return Status::InvalidArgument("invalid IP address: " + ip);
  if (container_port.empty()) return Status::InvalidArgument("no port specified: " + raw + "<empty>");
  uint64_t start_port = 0, end_port = 0;
  if (!ParsePortRange(container_port, &start_port, &end_port)) {
    return Status::InvalidArgument("invalid containerPort: " + container_port);
  }
  uint64_t start_host = 0, end_host = 0;
  if (!host_port.empty() && !ParsePortRange(host_port, &start_host, &end_host)) {
    return Status::InvalidArgument("invalid hostPort: " + host_port);
  }
  if (!host_port.empty() && (end_port - start_port) != (end_host - start_host) && end_port != start_port) {
    return Status::InvalidArgument("invalid ranges specified for container and host Ports: " + container_port +
                                   " and " + host_port);
  }
  std::string lproto = Lower(proto);
  if (lproto != "tcp" && lproto != "udp" && lproto != "sctp") {
    return Status::InvalidArgument("invalid proto: " + proto);
  }
  std::vector<PortMapping> out;
  for (uint64_t i = 0; i <= end_port - start_port; ++i) {
    PortMapping m;
    m.proto = lproto;
    m.container_port = static_cast<uint32_t>(start_port + i);
    m.host_ip = ip;
    if (!host_port.empty()) {
      m.host_port = std::to_string(start_host + i);
      if (start_port == end_port && start_host != end_host) {
        m.host_port += "-" + std::to_string(end_host);
      }
    }
    out.push_back(m);
  }
  return out;
}

Result<std::vector<ExpandedPort>> ExpandPortSpec(const std::string& raw) {
  auto mappings = ParsePortSpec(raw);
  if (!mappings.ok()) return mappings.status();
  // nat.ParsePortSpecs groups bindings by "port/proto"; docker sorts those keys.
  std::map<std::string, std::vector<PortMapping>> by_key;
  for (const auto& m : *mappings) by_key[std::to_string(m.container_port) + "/" + m.proto].push_back(m);
  std::vector<ExpandedPort> out;
  for (const auto& [key, bindings] : by_key) {
    for (const auto& b : bindings) {
      uint64_t s = 0, e = 0;
      if (!b.host_port.empty() && !ParsePortRange(b.host_port, &s, &e)) {
        return Status::InvalidArgument("invalid hostport binding (" + b.host_port + ") for port (" +
                                       std::to_string(b.container_port) + ")");
      }
      for (uint64_t p = s; p <= e; ++p) {
        out.push_back({b.proto, b.container_port, static_cast<uint32_t>(p)});
      }
    }
  }
  return out;
}

}  // namespace swarmsim::compose
