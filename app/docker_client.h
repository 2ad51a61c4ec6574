// `lesson run --client docker`: the lesson's own `swarmsim serve` on a private
// socket, and each step's docker form run by the real docker client against it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/command/command.h"
#include "core/lesson/scenario_files.h"
#include "core/status.h"

namespace swarmsim {

class DockerClient {
 public:
  // Finds `docker` on PATH and starts `swarmsim --state STATE serve` on a socket in
  // a fresh temporary directory. The lesson's files are written there too (the
  // real client reads compose files, configs and secrets from disk), and the
  // docker forms run in that copy, so "todo-list/v1.yml" resolves as in swarmsim.
  // Errors: no docker client on PATH; the server did not come up.
  static Result<std::unique_ptr<DockerClient>> Start(const std::string& state_path, const lesson::ScenarioFiles& files,
                                                     const std::map<std::string, std::string>& env);
  // Stops the server (SIGTERM) and removes the directory.
  ~DockerClient();

  // Runs one docker command line ("docker stack deploy -c ... todo") through sh,
  // with DOCKER_HOST set to the lesson's socket.
  CommandOutput Run(const std::string& line) const;

  const std::string& host() const { return host_; }

 private:
  DockerClient() = default;
  std::string dir_, host_, base_, docker_;
  int server_pid_ = -1;
};

}  // namespace swarmsim
