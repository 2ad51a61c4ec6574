// JSON text written by hand for the store's biggest rows (a decision with 30,000
// placements, 30,000 events' attributes): the same JSON as ToJson(...).dump()
// parses to, without building a nlohmann tree first.
//
// Invalid UTF-8 is replaced by U+FFFD, as nlohmann's error_handler_t::replace does,
// so the text always parses back.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/model/decision.h"
#include "core/model/event_attributes.h"
#include "core/model/node.h"

namespace swarmsim {

// Appends `s` as a JSON string literal, quotes included.
void AppendJsonString(std::string* out, std::string_view s);

// True when `s` is well-formed UTF-8 (what a JSON parser accepts).
bool IsValidUtf8(std::string_view s);

// {"key":"value",...} in key order.
std::string StringMapJsonText(const std::map<std::string, std::string>& m);
std::string StringMapJsonText(const EventAttributes& m);

// Text that parses to exactly ToJson(decision).
std::string DecisionJsonText(const Decision& decision);

// Reads back text in exactly DecisionJsonText's shape (keys in its order, strings
// without escapes) into *out, without building a nlohmann tree: a decision over
// 100,000 nodes is 700,000 filter verdicts. Returns false for any other text,
// which the caller then parses as JSON (*out is then unspecified).
bool ParseDecisionJsonText(std::string_view text, Decision* out);

// The same for a node row in NodeRowJsonText's shape: *out as FromJson would read
// it (Plugins, images and the simulation's columns are not in the row). False for
// any other text.
bool ParseNodeRowJsonText(std::string_view text, Node* out);

// A node's stored row: ToJson(node, TlsInfo{}) without Description.Engine.Plugins
// (the same for every node; the daemon's view adds it back, and the swarm's TLS info). 100,000 nodes are one command.
std::string NodeRowJsonText(const Node& node);

}  // namespace swarmsim
