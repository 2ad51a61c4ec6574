#include "core/node/agent.h"

#include <algorithm>
#include <string>

#include "core/container/volumes.h"
#include "core/image/catalog.h"
#include "core/program/program.h"
#include "core/node/timing.h"

namespace swarmsim {

namespace {

bool WantsStop(const Task& t) { return t.desired_state >= TaskState::kShutdown; }

Node* NodeOf(ClusterState* state, const Task& t) {
  auto it = state->nodes.find(t.node_id);
  return it == state->nodes.end() ? nullptr : &it->second;
}

// A machine that is off does nothing; the manager only learns of it later.
bool AgentAlive(ClusterState* state, const Task& t) {
  Node* n = NodeOf(state, t);
  return n != nullptr && !n->agent_down;
}

// How long until the next step, or -1 when the task waits for the manager.
Duration NextStepDelay(ClusterState* state, const Task& t) {
  TaskState s = t.status.state;
  if (s < TaskState::kAssigned || IsTerminal(s)) return -1;
  if (WantsStop(t)) return s >= TaskState::kStarting ? kStopTime : kAbortTime;
  switch (s) {
    case TaskState::kAssigned: return kAcceptDelay;
    case TaskState::kAccepted: return kPrepareStartDelay;
    case TaskState::kPreparing: {
      Node* n = NodeOf(state, t);
      const std::string& image = t.spec->container.image;  // normalised when the service was made
      Duration pull = (n && n->images.count(image)) ? 0 : PullDuration(LookupImage(state->images, image).size_bytes);
      return pull + kCreateContainerTime;
    }
    case TaskState::kReady:
      // Prepared replacements wait here until the orchestrator promotes them.
      return t.desired_state == TaskState::kRunning ? kStartDelay : -1;
    case TaskState::kStarting: return kStartupTime;
    case TaskState::kRunning:  // nothing until told to stop, unless the process ends by itself
      return t.exit_at > 0 ? std::max<Duration>(0, t.exit_at - state->clock.now) : -1;
    default: return -1;
  }
}

}  // namespace

void KickAgent(ClusterState* state, Task* task) {
  if (!AgentAlive(state, *task)) {
    SetTaskDue(state, task, 0);
    return;
  }
  Duration d = NextStepDelay(state, *task);
  SetTaskDue(state, task, d < 0 ? 0 : state->clock.now + d);
}

void RunAgentStep(ClusterState* state, Task* task) {
  if (task->due_at != state->clock.now) return;
  task->due_at = 0;
  if (!AgentAlive(state, *task)) {
    Touch(state, task);
    return;
  }
  TaskState s = task->status.state;
  if (WantsStop(*task)) {
    SetTaskState(state, task, TaskState::kShutdown, "shutdown");
  } else {
    switch (s) {
      case TaskState::kAssigned: SetTaskState(state, task, TaskState::kAccepted, "accepted"); break;
      case TaskState::kAccepted: SetTaskState(state, task, TaskState::kPreparing, "preparing"); break;
      case TaskState::kPreparing: {
        if (Node* n = NodeOf(state, *task)) {
          const std::string& image = task->spec->container.image;
          if (n->images.insert(image).second) {
            Touch(state, n);
            RecordEvent(state, "image", "pull", image, {{"node", n->id}});
          }
        }
        PrepareTaskVolumes(state, *task);
        SetTaskState(state, task, TaskState::kReady, "prepared");
        break;
      }
      case TaskState::kReady: SetTaskState(state, task, TaskState::kStarting, "starting"); break;
      case TaskState::kStarting: {
        SetTaskState(state, task, TaskState::kRunning, "started");
        ProgramStart start = StartProgram(state, *task);
        if (start.exit_after) {
          task->exit_at = state->clock.now + *start.exit_after;
          task->exit_code = start.exit_code;
        }
        break;
      }
      case TaskState::kRunning:
        // The main process ended by itself: swarm reports the exit code as the error.
        task->exit_at = 0;
        if (task->exit_code == 0) {
          SetTaskState(state, task, TaskState::kComplete, "finished");
        } else {
          SetTaskState(state, task, TaskState::kFailed, "started",
                       "task: non-zero exit (" + std::to_string(task->exit_code) + ")");
        }
        break;
      default: break;
    }
  }
  Touch(state, task);
  KickAgent(state, task);
}

}  // namespace swarmsim
