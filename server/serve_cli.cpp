#include "server/serve_cli.h"

#include <chrono>
#include <ostream>

#include "server/engine_server.h"

namespace swarmsim {

namespace {

constexpr const char* kUsage =
    "Usage:  swarmsim serve [OPTIONS]\n"
    "\n"
    "Answer the Docker Engine API for the simulated swarm, so the real docker\n"
    "client (and any tool that speaks the API) drives it: export DOCKER_HOST as\n"
    "printed, then type docker's commands. Loopback and unix sockets only.\n"
    "\n"
    "Options:\n"
    "  -H, --host list     Socket to listen on: unix:///PATH or tcp://127.0.0.1:PORT\n"
    "                      (default: docker.sock beside the cluster database)\n"
    "  -G, --group string  Group for the unix socket: mode 0660 owned by that group\n"
    "                      (default: none, mode 0600, only you)\n"
    "      --node string   Answer as this node's engine (its volumes, containers,\n"
    "                      and a worker's refusal of swarm-management calls)\n";

}  // namespace

int RunServeCli(const std::vector<std::string>& args, const SessionOptions& session, Time fixed_wall,
                std::ostream& out, std::ostream& err) {
  ServeOptions options;
  options.session = session;
  std::vector<std::string> hosts;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& flag) -> const std::string* {
      if (a.rfind(flag + "=", 0) == 0) {
        static std::string v;
        v = a.substr(flag.size() + 1);
        return &v;
      }
      if (a == flag && i + 1 < args.size()) return &args[++i];
      return nullptr;
    };
    if (a == "--help" || a == "-h") {
      out << kUsage;
      return 0;
    }
    if (a == "-H" || a == "--host" || a.rfind("-H=", 0) == 0 || a.rfind("--host=", 0) == 0) {
      const std::string* v = value(a.rfind("-H", 0) == 0 ? "-H" : "--host");
      if (!v) {
        err << "flag needs an argument: " << a << "\n";
        return 1;
      }
      hosts.push_back(*v);
    } else if (a == "-G" || a == "--group" || a.rfind("-G=", 0) == 0 || a.rfind("--group=", 0) == 0) {
      const std::string* v = value(a.rfind("-G", 0) == 0 ? "-G" : "--group");
      if (!v || v->empty()) {
        err << "flag needs an argument: " << a << "\n";
        return 1;
      }
      options.group = *v;
    } else if (a == "--node" || a.rfind("--node=", 0) == 0) {
      const std::string* v = value("--node");
      if (!v || v->empty()) {
        err << "flag needs an argument: --node\n";
        return 1;
      }
      options.node = *v;
    } else {
      err << (a.rfind('-', 0) == 0 ? "unknown flag: " + a : "swarmsim: 'swarmsim serve' accepts no arguments")
          << "\nSee 'swarmsim serve --help'.\n";
      return 1;
    }
  }
  if (hosts.empty()) hosts.push_back("unix://" + DefaultSocketPath(session.database_path, options.node));
  for (const auto& h : hosts) {
    auto parsed = ParseListenAddress(h);
    if (!parsed.ok()) {
      err << "swarmsim serve: " << parsed.status().message() << "\n";
      return 1;
    }
    options.addresses.push_back(parsed.value());
  }
  options.wall_clock = [fixed_wall]() -> Time {
    if (fixed_wall != 0) return fixed_wall;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  return RunEngineServer(options, out, err);
}

}  // namespace swarmsim
