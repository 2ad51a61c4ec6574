// Engine API JSON for the model: what `inspect` prints and what the store keeps.
//
// ToJson writes the Engine API's field names and shapes (moby api/types/swarm),
// leaving out what the Go structs mark `omitempty` when it is empty, and adding
// the daemon's fixed defaults (TaskTemplate.Runtime "container",
// ContainerSpec.Isolation "default", Node Engine.Plugins). Durations are integer
// nanoseconds, instants RFC3339Nano strings in UTC.
//
// Simulation-only fields never appear in the Engine API JSON: Node::images,
// Service::spec_version/wake_at/update_gate/update_failures, Task::service_name/
// spec_version/due_at/promote_at/decision_id and the task's EndpointSpec. The
// store keeps them in their own columns.
//
// FromJson reads back what ToJson wrote, and what API clients send: like Go's
// encoding/json, a key matches a field exactly or, failing that, ignoring case
// ({"replicated": ...} is Mode.Replicated). It sets every Engine API field of *out
// (a key that is absent means the Go zero value: "", 0, false, empty, unset
// optional) and leaves the simulation-only fields of *out untouched. A global
// service's JSON has no replica count: ServiceSpec::replicas reads back as 1.
// Results: OK; InvalidArgument naming the object kind when the JSON is not of the
// expected shape (wrong types, unknown enum words, bad timestamps). *out may be
// partly written on error. Never throws.
//
// Event and Decision are not Engine API objects: Event follows docker's
// `events` message (Type, Action, Actor{ID, Attributes}, scope, time, timeNano;
// Event::seq belongs to the store and is not written); Decision uses our own
// PascalCase shape with every node's filter verdicts, and its placements as rows
// [TaskID, Slot, NodeID, ServiceTasksBefore, TotalTasksBefore] (there can be
// 30,000 of them).
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/config.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/model/network.h"
#include "core/model/node.h"
#include "core/model/service.h"
#include "core/model/task.h"
#include "core/model/tls_info.h"
#include "core/model/volume.h"
#include "core/status.h"

namespace swarmsim {

// A node's Description.TLSInfo is the swarm's: `tls` (the cluster's root CA).
nlohmann::json ToJson(const Node& node, const TlsInfo& tls);
// TrustRoot as text, the two DER fields base64 (Go's []byte), each left out when empty.
nlohmann::json ToJson(const TlsInfo& tls);
nlohmann::json ToJson(const Service& service);
nlohmann::json ToJson(const Task& task);  // Spec is *task.spec (REQUIRES: spec != nullptr)
nlohmann::json ToJson(const Network& network);  // docker's NetworkResource ("Id", "Created")
nlohmann::json ToJson(const ServiceSpec& spec);
nlohmann::json ToJson(const TaskSpec& spec);
nlohmann::json ToJson(const EndpointSpec& spec);
nlohmann::json ToJson(const Decision& decision);
nlohmann::json ToJson(const Event& event);
// Configs carry Spec.Data (base64) as the Engine API does; secrets never do: the
// daemon does not return a secret's data, and neither does anything here.
nlohmann::json ToJson(const Config& config, BlobKind kind);
// docker's volume inspect shape (Volume::files and node are not in it).
nlohmann::json ToJson(const Volume& volume);

// Task: allocates a fresh TaskSpec for task->spec (the store shares specs itself)
// and leaves task->endpoint untouched. Network: Version.Index and UpdatedAt are not
// in docker's network JSON and are left untouched.
Status FromJson(const nlohmann::json& j, Node* out);
Status FromJson(const nlohmann::json& j, Service* out);
Status FromJson(const nlohmann::json& j, Task* out);
Status FromJson(const nlohmann::json& j, Network* out);
Status FromJson(const nlohmann::json& j, ServiceSpec* out);
Status FromJson(const nlohmann::json& j, TaskSpec* out);
Status FromJson(const nlohmann::json& j, EndpointSpec* out);
Status FromJson(const nlohmann::json& j, Decision* out);
Status FromJson(const nlohmann::json& j, Event* out);  // leaves out->seq untouched
// Reads Spec.Data when present (configs); leaves out->data untouched otherwise.
Status FromJson(const nlohmann::json& j, Config* out);
Status FromJson(const nlohmann::json& j, TlsInfo* out);

}  // namespace swarmsim
