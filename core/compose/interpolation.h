// Variable substitution in compose files, as `docker stack config/deploy` does
// it: ${VAR}, $VAR, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err},
// and $$ for a literal $.
//
// The environment is a parameter (the app passes the process environment);
// core never reads getenv.
#pragma once

#include <map>
#include <string>

#include "core/compose/value.h"
#include "core/status.h"

namespace swarmsim {

using ComposeEnv = std::map<std::string, std::string>;

// Substitutes the variables of one string.
//   ${VAR:-d}  d when VAR is unset or empty      ${VAR-d}  d when VAR is unset
//   ${VAR:?e}  error when VAR is unset or empty   ${VAR?e}  error when VAR is unset
//   $VAR, ${VAR}: the value, or "" when unset.
// Errors (InvalidArgument) carry docker's text, e.g.
//   Invalid template: "required variable VAR is missing a value: e"
//   Invalid template: "cost $5"            (a '$' that starts no variable)
Result<std::string> SubstituteVariables(const std::string& text, const ComposeEnv& env);

}  // namespace swarmsim

namespace swarmsim::compose {

// Interpolates every string of a parsed compose file in place, then casts the
// values docker types (deploy.replicas, ports[].published, tty, ...) when the
// substitution changed them. Errors as docker prints them:
//   invalid interpolation format for services.web.image: "${X"; you may need to escape any $ with another $
//   error while interpolating services.web.deploy.replicas: failed to cast to expected type: strconv.Atoi: parsing "two": invalid syntax
Status Interpolate(Value* config, const ComposeEnv& env);

}  // namespace swarmsim::compose
