// `docker stack config` output: the loaded project printed as docker's
// yaml.v3 encoder prints its compose structs (key order of the Go structs, map
// keys sorted yaml.v3's way, sizes as quoted byte counts, durations in Go form).
#pragma once

#include <string>
#include <vector>

#include "core/compose/loader.h"
#include "core/compose/project.h"
#include "core/status.h"

namespace swarmsim {

// The YAML docker prints for `project` (ends with a newline).
std::string RenderStackConfig(const ComposeProject& project);

// `docker stack config -c FILE...` in one call: load (config mode, whatever
// options.command says) + render. Errors are the message docker prints on stderr
// (exit status 1).
Result<std::string> StackConfigText(const std::vector<ComposeFile>& files, const ComposeEnv& env,
                                    ComposeLoadOptions options = {});

}  // namespace swarmsim
