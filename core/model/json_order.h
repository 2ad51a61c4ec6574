// Engine API objects in the order docker prints them. nlohmann::json keeps keys
// sorted; the docker CLI prints Go structs in field order (ID, Version, CreatedAt,
// ...). This re-orders a JSON tree by one ranking of the Engine API's field names,
// consistent across every struct swarm objects are made of.
#pragma once

#include <nlohmann/json.hpp>

namespace swarmsim {

// A copy of `value` whose objects list known Engine API fields in Go struct order,
// then any other keys alphabetically.
nlohmann::ordered_json InDockerOrder(const nlohmann::json& value);

// The same for docker's NetworkResource (`network inspect`), whose Go field order
// (Name, Id, Created, Scope, ... Labels last) differs from the swarm objects'.
nlohmann::ordered_json InNetworkOrder(const nlohmann::json& value);

}  // namespace swarmsim
