// The simulated programs that images run (the catalogue's `behaviour`): what a
// container does when it starts and how it answers HTTP requests the routing
// mesh hands it. Programs see the cluster only as their container would: files
// through the task's file system, other services through shared networks.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/cluster/state.h"

namespace swarmsim {

// How the main process ends, decided when it starts (nothing: it runs until stopped).
struct ProgramStart {
  std::optional<Duration> exit_after;
  int exit_code = 0;
};

// Runs the program's start-up: reads its configuration, writes its files and
// log lines. REQUIRES: the task is starting on a node.
ProgramStart StartProgram(ClusterState* state, const Task& task);

struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides the mesh's own
  std::string body;
};

// Answers one request. Programs without an HTTP side answer 404.
HttpResponse ServeHttp(ClusterState* state, const Task& task, const HttpRequest& request);

// Appends a line to the container's output (`service logs`).
void WriteLog(ClusterState* state, const Task& task, const std::string& text, const std::string& stream = "stdout");

// Docker's reason phrase for a status code ("OK", "Not Found").
const char* ReasonPhrase(int status);

}  // namespace swarmsim
