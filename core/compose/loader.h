// Loading compose files the way the docker CLI does for `docker stack deploy`
// and `docker stack config`: parse (yaml.v3 rules), check forbidden options,
// interpolate, validate against the 3.x schema, decode and normalise, then
// merge several files (later files override earlier ones).
#pragma once

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
};

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
