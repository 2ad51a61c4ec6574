// How services are shown: the `service ls` / `stack services` table, the
// `service inspect --pretty` text, and the inspect JSON.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cluster/state.h"
#include "core/command/command.h"
#include "core/status.h"

namespace swarmsim {

// Prints services sorted by name (natural) as docker's service table or --format.
// Filters: name=, id=, label=, mode=. The replica counts come from ctx's tasks, or
// from the store when the session left them out (ctx.tasks_loaded false).
// Errors: a bad filter; the store's, when it is asked.
Status PrintServiceList(const CommandContext& ctx, std::vector<const Service*> services, const std::string& format,
                        bool quiet, const std::vector<std::string>& filters, CommandOutput* out);

// "*:8080->80/tcp" for the service's ingress ports, ranges merged, joined ", ".
std::string IngressPorts(const Service& service);

// `service inspect --pretty`.
std::string PrettyService(const ClusterState& state, const Service& service);

// The Engine API object `service inspect` prints.
nlohmann::json ServiceJson(const ClusterState& state, const Service& service);

// A fresh "adjective_name" for an unnamed service, from the seeded generator.
std::string GeneratedServiceName(ClusterState* state);

}  // namespace swarmsim
