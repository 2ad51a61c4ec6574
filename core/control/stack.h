// Stacks: what `docker stack deploy` and `docker stack rm` do against the daemon,
// one service, network, config and secret at a time, in docker's order and words.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/compose/stack_spec.h"
#include "core/status.h"

namespace swarmsim {

// Deploys `stack`: with `prune`, removes the stack's services absent from it; creates
// missing networks; creates its secrets then configs (existing ones: labels only, from
// StackFileObject::data); creates or updates every service (network, secret and config
// names resolved to IDs: "service todo-web: secret not found: todo-list-secret").
// Appends the lines docker prints ("Creating network todo_default", "Creating service
// todo_todo-web", "Updating service todo_todo-web (id: ...)") to *out.
// Errors as docker words them ("failed to create service todo_web: ...").
Status DeployStack(ClusterState* state, const StackSpec& stack, bool prune, std::vector<std::string>* out);

// Removes the stack's services (sorted), then its secrets, configs and networks.
// Volumes and external objects stay. Appends "Removing service|secret|config|network ..." lines; *found is false
// when the stack has nothing (docker then prints "Nothing found in stack: <name>").
Status RemoveStack(ClusterState* state, const std::string& name, std::vector<std::string>* out, bool* found);

// The stacks that exist (services carrying the namespace label), with their service counts.
std::vector<std::pair<std::string, int>> ListStacks(const ClusterState& state);

// The services of one stack.
std::vector<const Service*> StackServices(const ClusterState& state, const std::string& name);

}  // namespace swarmsim
