// The value types of docker's service flags (cli/opts), read with the docker
// CLI's rules and error texts: what follows `invalid argument "VALUE" for
// "--FLAG" flag: ` (pflag adds that prefix; BadFlagValue builds the whole line).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/service.h"
#include "core/status.h"

namespace swarmsim {

// pflag's line for a value a flag's type refuses (InvalidFlag: docker's exit 125
// and usage trailer).
Status BadFlagValue(const std::string& flag, const std::string& value, const std::string& why);

// strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False.
std::optional<bool> ParseGoBool(const std::string& s);

// --mount (opts.MountOpt): comma-separated key=value fields, CSV-quoted, type
// volume unless given; readonly/ro, volume-nocopy and bind-nonrecursive may stand
// alone. Errors as docker 28 words them: "target is required", "unexpected key 'k'
// in 'k=v'", "cannot mix 'volume-*' options with mount type 'bind'", ...
// `cwd` makes a source starting with '.' absolute, as the CLI does.
Result<Mount> ParseMountValue(const std::string& value, const std::string& cwd);

// --ulimit (go-units ParseUlimit): NAME=SOFT[:HARD], NAME one of Linux's limits.
Result<Ulimit> ParseUlimitValue(const std::string& value);

// --host (opts.ValidateExtraHost): HOST:IP or HOST=IP; returns swarm's /etc/hosts
// form "IP HOST".
Result<std::string> ParseExtraHost(const std::string& value);

// --dns (opts.ValidateIPAddress): returns the address as Go prints it.
Result<std::string> ParseIpAddress(const std::string& value);

// --dns-search (opts.ValidateDNSSearch).
Result<std::string> ParseDnsSearch(const std::string& value);

// --generic-resource: KIND=COUNT reservations (swarmkit genericresource.Parse);
// the CLI refuses named ones for services. Sorted by kind.
Result<std::vector<GenericResource>> ParseGenericResources(const std::vector<std::string>& values);

// opts.NormalizeCapability: "net_admin" -> "CAP_NET_ADMIN"; ALL and RESET kept.
std::string NormalizeCapability(const std::string& cap);

// opts.EffectiveCapAddCapDrop for `service create`: normalised, sorted, ALL
// swallowing the rest, a capability both added and dropped only added.
void EffectiveCapabilities(const std::vector<std::string>& add, const std::vector<std::string>& drop,
                           std::vector<std::string>* cap_add, std::vector<std::string>* cap_drop);

// `service update --cap-add/--cap-drop` (updateCapabilities): RESET clears one
// side; adding what is dropped un-drops it and the other way round.
void UpdateCapabilities(const std::vector<std::string>& add, bool add_given, const std::vector<std::string>& drop,
                        bool drop_given, std::vector<std::string>* cap_add, std::vector<std::string>* cap_drop);

// --entrypoint / --args (ShlexOpt): shell words, quotes and backslashes as
// go-shlex reads them. Error: "EOF found when expecting closing quote".
Result<std::vector<std::string>> SplitShellWords(const std::string& value);

// KEY=VALUE strings to a map (opts.ConvertKVStringsToMap: a bare KEY maps to "").
std::map<std::string, std::string> KeyValueMap(const std::vector<std::string>& values);

}  // namespace swarmsim
