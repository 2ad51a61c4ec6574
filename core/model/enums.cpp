// String forms of the model's enums, as the Engine API spells them.
#include <string>

#include "core/model/config.h"
#include "core/model/node.h"
#include "core/model/task.h"

namespace swarmsim {

const char* ToString(BlobKind k) { return k == BlobKind::kSecret ? "secret" : "config"; }

const char* ToString(NodeRole r) { return r == NodeRole::kManager ? "manager" : "worker"; }

const char* ToString(NodeAvailability a) {
  switch (a) {
    case NodeAvailability::kActive: return "active";
    case NodeAvailability::kPause: return "pause";
    case NodeAvailability::kDrain: return "drain";
  }
  return "active";
}

const char* ToString(NodeState s) {
  switch (s) {
    case NodeState::kUnknown: return "unknown";
    case NodeState::kDown: return "down";
    case NodeState::kReady: return "ready";
    case NodeState::kDisconnected: return "disconnected";
  }
  return "unknown";
}

bool ParseNodeRole(const std::string& s, NodeRole* out) {
  if (s == "worker") { *out = NodeRole::kWorker; return true; }
  if (s == "manager") { *out = NodeRole::kManager; return true; }
  return false;
}

bool ParseNodeAvailability(const std::string& s, NodeAvailability* out) {
  if (s == "active") { *out = NodeAvailability::kActive; return true; }
  if (s == "pause") { *out = NodeAvailability::kPause; return true; }
  if (s == "drain") { *out = NodeAvailability::kDrain; return true; }
  return false;
}

namespace {
struct TaskStateName { TaskState state; const char* name; };
constexpr TaskStateName kTaskStateNames[] = {
    {TaskState::kNew, "new"},           {TaskState::kPending, "pending"},
    {TaskState::kAssigned, "assigned"}, {TaskState::kAccepted, "accepted"},
    {TaskState::kPreparing, "preparing"}, {TaskState::kReady, "ready"},
    {TaskState::kStarting, "starting"}, {TaskState::kRunning, "running"},
    {TaskState::kComplete, "complete"}, {TaskState::kShutdown, "shutdown"},
    {TaskState::kFailed, "failed"},     {TaskState::kRejected, "rejected"},
    {TaskState::kRemove, "remove"},     {TaskState::kOrphaned, "orphaned"},
};
}  // namespace

const char* ToString(TaskState s) {
  for (const auto& n : kTaskStateNames) if (n.state == s) return n.name;
  return "unknown";
}

bool ParseTaskState(const std::string& s, TaskState* out) {
  for (const auto& n : kTaskStateNames) {
    if (s == n.name) { *out = n.state; return true; }
  }
  return false;
}

}  // namespace swarmsim
