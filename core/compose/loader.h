// Loading compose files the way the docker CLI does for `docker stack deploy`
// and `docker stack config`: parse (yaml.v3 rules), check forbidden options,
// interpolate, validate against the 3.x schema, decode and normalise, then
// merge several files (later files override earlier ones).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/compose/interpolation.h"
#include "core/compose/project.h"
#include "core/status.h"

namespace swarmsim {

struct ComposeFile {
  // As the user typed it ("-" for stdin). Relative `file:` and bind paths are
  // resolved against the directory of the FIRST file, lexically (no filesystem
  // access); a relative path is taken from the environment's PWD, as docker
  // takes it from the current directory.
  std::string path;
  std::string content;
};

enum class ComposeCommand {
  kDeploy,  // `docker stack deploy`: forbidden options listed, warnings collected
  kConfig,  // `docker stack config`: docker's terser forbidden-options error
};

struct ComposeLoadOptions {
  ComposeCommand command = ComposeCommand::kDeploy;
  bool skip_interpolation = false;  // `stack config --skip-interpolation`
  // Reads a service's env_file (an absolute path, resolved like `file:`); unset:
  // every env file is missing ("open PATH: no such file or directory").
  std::function<Result<std::string>(const std::string& path)> read_file;
  // When set, receives every name looked up in the environment for an env file's
  // bare name or an empty `environment:` value (the command log keeps them).
  std::set<std::string>* env_used = nullptr;
  // When set, receives the messages docker logs as warnings while loading
  // ("network n: network.external.name is deprecated in favor of network.name"),
  // in docker's order, whether or not loading then succeeds.
  std::vector<std::string>* log_warnings = nullptr;
};

// docker's logrus line for a warning: time="2026-01-05T09:00:00Z" level=warning msg="..."
// (`now` in virtual time, to the second, UTC).
std::string LogrusWarning(int64_t now, const std::string& message);

// Loads `files` (at least one) with `env` as the interpolation environment.
// On success the project is fully normalised and, for kDeploy, carries the
// warnings docker prints on stderr ("Ignoring unsupported options: ...",
// "Ignoring deprecated options: ...").
// Errors (InvalidArgument) are docker's text, e.g.
//   specify a Compose file (with --compose-file)          (no files)
//   yaml: line 4: mapping values are not allowed in this context
//   top-level object must be a mapping
//   version mismatched between two composefiles : 3.7 and 3.8
//   Compose file contains unsupported options:\n\nvolumes_from: ...\n   (kDeploy)
//   Configuration contains forbidden properties                        (kConfig)
//   unsupported Compose file version: 2.4
//   services.web Additional property foo is not allowed
//   decoding failed due to the following error(s):\n\nerror decoding 'Deploy.Resources.Limits.memory': invalid suffix: 'q'
Result<ComposeProject> LoadCompose(const std::vector<ComposeFile>& files, const ComposeEnv& env,
                                   const ComposeLoadOptions& options);

// LoadCompose for `docker stack deploy`.
Result<ComposeProject> LoadCompose(const std::vector<ComposeFile>& files, const ComposeEnv& env);

}  // namespace swarmsim
