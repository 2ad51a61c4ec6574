// Merging several loaded compose files, as `docker stack deploy -c a.yml -c b.yml`
// does (internal to core/compose).
#pragma once

#include "core/compose/project.h"

namespace swarmsim::compose {

// Merges `override` into `base` with docker's rules (mergo with override and
// append-slices):
//   - a service only in `override` is added; services end sorted by name;
//   - scalars: a non-empty override value wins (an empty one never clears);
//   - lists are appended, except command/entrypoint (replaced when non-empty)
//     and ports/volumes/secrets/configs, merged by published port / target /
//     source and sorted by that key;
//   - maps merge key by key (environment: an empty override value keeps the base);
//   - top-level networks/volumes/secrets/configs: the override's entry replaces
//     the base's entry of the same name.
void MergeProjects(ComposeProject* base, ComposeProject&& override);

}  // namespace swarmsim::compose
