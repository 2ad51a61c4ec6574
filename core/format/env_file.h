// Env files as the docker CLI reads them (pkg/kvfile), for `service create
// --env-file` and a compose file's `env_file:` alike: one KEY=value per line,
// taken verbatim (no quotes removed, no interpolation); leading white space
// dropped; blank lines and lines starting with '#' skipped; a UTF-8 BOM on the
// first line dropped; a bare KEY takes its value from the environment, and is left
// out when the environment has none.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim {

// Returns the variables as "KEY=value", in file order. Errors (InvalidArgument),
// kvfile's words without the file name: "invalid utf8 bytes at line N: [b1 b2 ...]",
// "no variable name on line '=x'", "variable 'A B' contains whitespaces".
Result<std::vector<std::string>> ParseEnvFile(
    const std::string& content, const std::function<std::optional<std::string>(const std::string&)>& lookup);

// The error for a whole file, as kvfile.Parse wraps it: "invalid env file (PATH): WHY".
Status EnvFileError(const std::string& path, const Status& why);

}  // namespace swarmsim
