// Validation of a compose file against the 3.x format, with docker's messages.
//
// docker validates the untyped document against JSON schemas (one per 3.x
// minor version) with gojsonschema, then reports the single "most specific"
// error: the deepest field, an invalid type winning ties, and for oneOf
// failures the description of the closest alternative. The allowed keys and
// types live here as our own tables (one builder with per-version additions);
// the selection of the reported error follows gojsonschema's order and scoring
// so that the same error is chosen.
#pragma once

#include <string>

#include "core/compose/value.h"
#include "core/status.h"

namespace swarmsim::compose {

// The schema version docker uses: a missing version, "" or "3" mean "3.13"; a
// number prints the way Go's %v prints it (3.7 -> "3.7", 3.10 -> "3.1").
std::string SchemaVersion(const Value& config);

// Validates `config` (a mapping) against schema `version` ("3.0".."3.13").
// Errors (InvalidArgument), e.g.:
//   unsupported Compose file version: 2.4
//   services.web.deploy Additional property replica is not allowed
//   services.web.deploy.replicas must be a integer
//   services.web.ports.0 Does not match format 'ports'
//   json: unsupported type: map[interface {}]interface {}
Status ValidateSchema(const Value& config, const std::string& version);

}  // namespace swarmsim::compose
