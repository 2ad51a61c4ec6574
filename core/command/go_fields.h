// What a `--format` template prints for the fields of the typed Go structs the
// docker CLI decodes swarm objects into (swarm.Service, swarm.Node, swarm.Config,
// swarm.Swarm, network.Inspect, system.Info), where Go's fmt does not print the
// JSON value: time.Time and time.Duration print through their String methods,
// os.FileMode as permission letters, []byte as a list of numbers.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace swarmsim {

// The text for field `field` holding `value` (as the Engine API's JSON has it),
// or nullopt when Go prints the value as the JSON decodes to:
//   CreatedAt "2026-01-05T09:00:30.5Z"   -> "2026-01-05 09:00:30.5 +0000 UTC"
//   Delay 5000000000                      -> "5s"
//   Mode 292                              -> "-r--r--r--"
//   Data "aGk="                           -> "[104 105]"
// A value of an unexpected JSON type (a service's Mode object) is left alone.
std::optional<std::string> SwarmFieldText(const std::string& field, const nlohmann::json& value);

// Go's os.FileMode.String(): type letters ("dalTLDpSugct?" from bit 31 down), or
// "-" when there are none, then rwxrwxrwx for the permission bits.
std::string GoFileMode(uint32_t mode);

}  // namespace swarmsim
