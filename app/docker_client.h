// `lesson run --client docker`: the lesson's own `swarmsim serve` on a private
// socket, and each step's docker form run by the real docker client against it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/command/command.h"
#include "core/status.h"

namespace swarmsim {

class DockerClient {
 public:
  // Finds `docker` on PATH and starts `swarmsim --state STATE serve` on a socket in
  // a fresh temporary directory. `base` is where the docker forms run (relative
  // paths in them, like scenarios/todo-list/v1.yml, resolve from there).
  // Errors: no docker client on PATH; the server did not come up.
  static Result<std::unique_ptr<DockerClient>> Start(const std::string& state_path, const std::string& base,
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
