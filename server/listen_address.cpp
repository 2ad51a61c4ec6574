#include "server/listen_address.h"

namespace swarmsim {

namespace {

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  // 127.0.0.0/8, written as a dotted quad.
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') return false;
  }
  return dots == 3;
}

}  // namespace

Result<ListenAddress> ParseListenAddress(const std::string& text) {
  ListenAddress a;
  a.text = text;
  if (text.rfind("unix://", 0) == 0) {
    a.kind = ListenAddress::Kind::kUnix;
    a.path = text.substr(7);
    if (a.path.empty()) return Status::InvalidArgument("invalid listen address " + text + ": no socket path");
    return a;
  }
  std::string rest;
  if (text.rfind("tcp://", 0) == 0) {
    rest = text.substr(6);
  } else if (text.find("://") == std::string::npos) {
    rest = text;  // docker accepts HOST:PORT as tcp
  } else {
    return Status::InvalidArgument("invalid listen address " + text + ": use unix:///PATH or tcp://127.0.0.1:PORT");
  }
  a.kind = ListenAddress::Kind::kTcp;
  size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon + 1 == rest.size()) {
    return Status::InvalidArgument("invalid listen address " + text + ": a TCP address needs a port");
  }
  a.host = rest.substr(0, colon);
  if (a.host.size() >= 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
  std::string port = rest.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) > 65535) {
    return Status::InvalidArgument("invalid listen address " + text + ": bad port \"" + port + "\"");
  }
  a.port = static_cast<uint16_t>(std::stoul(port));
  if (!IsLoopbackHost(a.host)) {
    return Status::InvalidArgument("refusing to listen on " + text + ": swarmsim serve has no TLS and no "
                                   "authentication, so it listens on loopback only (tcp://127.0.0.1:PORT) or on a "
                                   "unix socket");
  }
  return a;
}

std::string DefaultSocketPath(const std::string& database_path, const std::string& node) {
  size_t slash = database_path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : database_path.substr(0, slash);
  if (dir.empty()) dir = "/";
  return dir + (dir == "/" ? "" : "/") + (node.empty() ? "docker.sock" : "docker-" + node + ".sock");
}

}  // namespace swarmsim
