// Converting a loaded compose project into the stack docker deploys: service
// specs exactly as docker/cli's convert package builds the ones it POSTs, the
// networks it creates (or checks), and its config/secret/volume objects.
#pragma once

#include <string>

#include "core/compose/project.h"
#include "core/compose/stack_spec.h"
#include "core/status.h"

namespace swarmsim {

// Converts `project` for stack `stack_name`, checking in docker's order:
//   invalid stack name: "<name>"
//   invalid image reference for service <svc>: no image specified
//   invalid image reference for service <svc>: invalid reference format[: ...]
// then, per service (sorted by name), errors prefixed "service <svc>: ":
//   undefined secret "<key>" / undefined config "<key>"
//   duplicate secret target for <name> not allowed (same for config)
//   replicas can only be used with replicated or replicated-job mode
//   Unknown mode: <mode>
//   undefined volume "<v>"
//   failed to parse <cpus> as a rational number / value is too precise
//   unknown restart policy: <policy>
//   undefined network "<n>"
// What docker does with the daemon (digest pinning, config/secret IDs, file
// contents) is left to the deployer: images get ":latest" when untagged,
// FileReference IDs are empty, StackFileObject keeps the file path.
Result<StackSpec> ConvertStack(const ComposeProject& project, const std::string& stack_name);

// The image check `docker stack deploy` runs right after loading the files,
// before its detach notice and its swarm-manager check (ConvertStack repeats it):
//   invalid image reference for service <svc>: no image specified
//   invalid image reference for service <svc>: <reference error>
Status CheckStackImages(const ComposeProject& project);

// The image as `docker stack deploy` names it when it cannot pin a digest:
// the familiar form with ":latest" added when there is no tag or digest
// ("nginx" -> "nginx:latest", "docker.io/library/redis" -> "redis:latest").
// Errors (InvalidArgument) as docker's reference parser words them, e.g.
// "invalid reference format: repository name (library/Nginx) must be lowercase".
Result<std::string> NormalizeImageReference(const std::string& image);

}  // namespace swarmsim
