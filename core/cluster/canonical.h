// A canonical text of a whole cluster, for comparing two states exactly
// (replay verification, snapshot tests). Wall-clock anchoring is left out: it is
// the only field that legitimately differs between a run and its replay.
#pragma once

#include <string>

#include "core/cluster/state.h"

namespace swarmsim {

std::string CanonicalState(const ClusterState& state);

}  // namespace swarmsim
