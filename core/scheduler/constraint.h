// Placement constraints (`node.labels.storage == raid`): swarm's parser and matcher,
// plus a plain-words explanation of why a node does not satisfy one.
//
// Matching follows swarm: values compare case-insensitively; a missing label (or
// missing description) is the empty string, so `!=` matches unlabelled nodes; a key
// swarm does not know (e.g. `node.label.x`, missing `s`) is no parse error but never
// matches; `node.ip` takes an IP or a CIDR, and a malformed one never matches.
#pragma once

#include <string>
#include <vector>

#include "core/model/node.h"
#include "core/status.h"

namespace swarmsim {

struct Constraint {
  enum class Op { kEqual, kNotEqual };
  std::string key;    // as written, trimmed (keys compare case-insensitively; label names do not)
  Op op = Op::kEqual;
  std::string value;  // as written, trimmed
  bool operator==(const Constraint&) const = default;
};

// Parses `key op value` expressions, in order.
// Errors (Status::Unknown, swarm's bare text, no daemon prefix):
//   no `==`/`!=`          -> "constraint expected one operator from ==, !="
//   key fails swarm's key pattern   -> "key '<key>' is invalid"
//   value fails swarm's value pattern -> "value '<value>' is invalid"
// The first bad expression decides the error.
Result<std::vector<Constraint>> ParseConstraints(const std::vector<std::string>& exprs);

// "node.labels.storage == raid": the normalised text of one constraint.
std::string ToString(const Constraint& c);

// True when `node` satisfies `c` / every constraint of `cs` (an empty list matches).
bool ConstraintMatches(const Constraint& c, const Node& node);
bool NodeMatches(const std::vector<Constraint>& cs, const Node& node);

// Convenience for the orchestrators: parses and matches. An unparsable list matches
// every node, as in swarm (the API rejects such specs before they get here).
bool NodeSatisfiesConstraints(const Node& node, const std::vector<std::string>& exprs);

// Why `node` fails `c`, e.g. "node.labels.storage == raid: node has no label storage",
// "node.role == manager: node is a worker". Empty when the node satisfies it.
std::string ExplainConstraintFailure(const Constraint& c, const Node& node);

// The failures of every unsatisfied constraint, joined with "; " (empty when all match).
std::string ExplainConstraintFailures(const std::vector<Constraint>& cs, const Node& node);

}  // namespace swarmsim
