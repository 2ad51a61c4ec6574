// `swarmsim serve`: the Docker Engine API over HTTP on unix sockets and loopback
// TCP (Boost.Asio + Beast). Plumbing only: every request becomes the `api`
// command (core/command/api_command.cpp) run through the session, one
// transaction each, so mutating requests land in the command log and replay.
// What the server itself adds is transport: keep-alive, time-outs, size limits,
// streams it follows by asking again (events, service logs) and the hijacked
// stream of `docker exec`.
//
// Single-threaded: one io_context; a request holds the database only while the
// session runs it, so the CLI, the window and other serves interleave with it.
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/command/loaded_cluster.h"
#include "core/command/session.h"
#include "core/engine_api/engine_request.h"
#include "server/listen_address.h"

namespace swarmsim {

struct ServeOptions {
  std::vector<ListenAddress> addresses;
  std::string node;          // answer as this node's engine ("": the first manager)
  std::string group;         // unix sockets: "" mode 0600; else mode 0660 owned by this group
  SessionOptions session;    // database, seed, environment (wall_now is refreshed per request)
  std::function<Time()> wall_clock;  // the wall clock, ns since epoch
  size_t max_connections = 256;
  std::chrono::milliseconds idle_timeout{30000};    // between requests on a kept-alive connection
  std::chrono::milliseconds request_timeout{10000}; // to receive one whole request
  size_t max_body_bytes = 4 << 20;  // above a config's limit in base64, with room for a spec
  std::chrono::milliseconds poll_interval{200};     // how often a followed stream asks again
};

// Answers one request through the session (the `api` command), as the server
// does for every plain request. Exposed for tests and the benchmark.
EngineResponse CallEngine(const ServeOptions& options, const std::string& method, const std::string& target,
                          const std::string& body);

// The server's way to answer a request. Mutating requests run through the session
// as above (one transaction, logged). Reads are answered from `cache`, which is
// read again only when the database changed or something fell due on the live
// clock (core/command/loaded_cluster.h): a read on a paused or idle cluster loads
// nothing and writes nothing. `_ping` never reads the cluster once `cache` holds
// one: it only says whether this engine is a swarm manager, as the daemon answers
// from memory. Should the cache fail to read (locked out), the session answers.
EngineResponse CallEngine(const ServeOptions& options, LoadedCluster* cache, const std::string& method,
                          const std::string& target, const std::string& body);

// Listens on every address, prints the DOCKER_HOST line to `out`, serves until
// SIGINT or SIGTERM, then removes its sockets. Returns the exit code: 1 when an
// address cannot be used (the message goes to `err`; nothing is left listening).
int RunEngineServer(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace swarmsim
