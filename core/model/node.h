// A virtual node, shaped like the Engine API's Node object.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/model/resources.h"
#include "core/model/time.h"

namespace swarmsim {

enum class NodeRole { kWorker, kManager };
enum class NodeAvailability { kActive, kPause, kDrain };
enum class NodeState { kUnknown, kDown, kReady, kDisconnected };

const char* ToString(NodeRole r);          // "worker" / "manager"
const char* ToString(NodeAvailability a);  // "active" / "pause" / "drain"
const char* ToString(NodeState s);         // "unknown" / "down" / "ready" / "disconnected"
bool ParseNodeRole(const std::string& s, NodeRole* out);
bool ParseNodeAvailability(const std::string& s, NodeAvailability* out);

struct NodeSpec {
  std::map<std::string, std::string> labels;
  NodeRole role = NodeRole::kWorker;
  NodeAvailability availability = NodeAvailability::kActive;
};

struct Platform {
  std::string architecture = "x86_64";
  std::string os = "linux";
};

struct NodeDescription {
  std::string hostname;
  Platform platform;
  Resources resources;  // capacity: NCPU*1e9 and MemTotal
  std::string engine_version = "28.2.2";
  std::map<std::string, std::string> engine_labels;
};

struct NodeStatus {
  NodeState state = NodeState::kReady;
  std::string message;
  std::string addr;
};

struct ManagerStatus {
  bool leader = false;
  std::string reachability = "reachable";
  std::string addr;  // "10.0.0.2:2377"
};

struct Node {
  std::string id;
  uint64_t version = 0;  // Version.Index: bumped on every change
  Time created_at = 0;
  Time updated_at = 0;
  NodeSpec spec;
  NodeDescription description;
  NodeStatus status;
  std::optional<ManagerStatus> manager_status;
  std::set<std::string> images;  // image cache: references already pulled on this node

  // Simulation bookkeeping (not Engine API; the store keeps it beside the JSON).
  bool agent_down = false;  // the machine is off: its agent does nothing, sends no heartbeat
  Time down_at = 0;         // when the manager, hearing nothing, marks it Down (0: not pending)
};

}  // namespace swarmsim
