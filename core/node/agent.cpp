#include "core/node/agent.h"

#include <algorithm>
#include <string>

#include "core/container/filesystem.h"
#include "core/container/volumes.h"
#include "core/image/catalog.h"
#include "core/node/health.h"
#include "core/node/process.h"
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
bool AgentAlive(const Node* node) { return node != nullptr && !node->agent_down; }

// What the container does next once its process has started, relative to that
// start: report RUNNING, be found unhealthy, or exit. Earliest wins; an exit wins ties.
enum class ContainerStep { kNone, kRunning, kUnhealthy, kExit };

struct NextContainerStep {
  ContainerStep step = ContainerStep::kNone;
  Duration after = 0;
};

NextContainerStep NextFromStarting(const ContainerTimeline& c) {
  NextContainerStep n;
  auto consider = [&](const std::optional<Duration>& at, ContainerStep step) {
    if (at && (n.step == ContainerStep::kNone || *at < n.after)) n = {step, *at};
  };
  consider(c.exit_after, ContainerStep::kExit);
  consider(c.running_after, ContainerStep::kRunning);
  consider(c.unhealthy_after, ContainerStep::kUnhealthy);
  return n;
}

// The container's process starts when the STARTING step's own delay is over.
Time ContainerStart(const Task& t) { return t.status.timestamp + kStartupTime; }

// When the next step is due, or -1 when the task waits for the manager. `n` is
// the task's node (looked up once per step: there are thousands of nodes).
Time NextStepAt(ClusterState* state, Task* task, const Node* n) {
  const Task& t = *task;
  TaskState s = t.status.state;
  Time now = state->clock.now;
  if (s < TaskState::kAssigned || IsTerminal(s)) return -1;
  if (WantsStop(t)) return now + (s >= TaskState::kStarting ? kStopTime : kAbortTime);
  switch (s) {
    case TaskState::kAssigned: return now + kAcceptDelay;
    case TaskState::kAccepted: return now + kPrepareStartDelay;
    case TaskState::kPreparing: {
      const std::string& image = t.spec->container.image;  // normalised when the service was made
      Duration pull = (n && n->images.count(image)) ? 0 : PullDuration(LookupImage(state->images, image).size_bytes);
      return now + pull + kCreateContainerTime;
    }
    case TaskState::kReady:
      // Prepared replacements wait here until the orchestrator promotes them.
      return DesiredToRun(t.desired_state) ? now + kStartDelay : -1;
    case TaskState::kStarting: {
      NextContainerStep next = NextFromStarting(PlanContainer(state, task));
      return std::max(now, ContainerStart(t) + next.after);
    }
    case TaskState::kRunning: {
      // Most processes run until stopped: ask the cheap question first (this runs
      // for every running task on every reconcile round).
      if (!PlanProcess(state, task).exit_after) return -1;
      // The process started running_after before it was reported RUNNING.
      ContainerTimeline c = PlanContainer(state, task);
      if (!c.exit_after) return -1;  // runs until told to stop
      return std::max(now, t.status.timestamp - c.running_after.value_or(0) + *c.exit_after);
    }
    default: return -1;
  }
}

// The process exited on its own: exit 0 completes the task, anything else fails it
// (keeping the status message of the state it failed in, as swarm's agent does).
void ExitProcess(ClusterState* state, Task* task, int code) {
  if (code == 0) {
    SetTaskState(state, task, TaskState::kComplete, "finished");
  } else {
    SetTaskState(state, task, TaskState::kFailed, task->status.message,
                 "task: non-zero exit (" + std::to_string(code) + ")");
  }
}

void RunContainerStep(ClusterState* state, Task* task) {
  ContainerTimeline c = PlanContainer(state, task);
  if (task->status.state == TaskState::kRunning) {
    ExitProcess(state, task, c.exit_code);
    return;
  }
  NextContainerStep next = NextFromStarting(c);
  if (state->clock.now < ContainerStart(*task) + next.after) return;  // not yet (KickAgent reschedules)
  switch (next.step) {
    case ContainerStep::kExit: ExitProcess(state, task, c.exit_code); break;
    case ContainerStep::kRunning: SetTaskState(state, task, TaskState::kRunning, "started"); break;
    case ContainerStep::kUnhealthy:
      SetTaskState(state, task, TaskState::kFailed, task->status.message, kUnhealthyErr);
      break;
    case ContainerStep::kNone: break;
  }
}

// KickAgent for a task whose node is `node`.
void KickOn(ClusterState* state, Task* task, const Node* node) {
  if (!AgentAlive(node)) {
    SetTaskDue(state, task, 0);
    return;
  }
  Time at = NextStepAt(state, task, node);
  SetTaskDue(state, task, at < 0 ? 0 : at);
}

}  // namespace

void KickAgent(ClusterState* state, Task* task) { KickOn(state, task, NodeOf(state, *task)); }

bool RunAgentStep(ClusterState* state, Task* task) {
  if (task->due_at != state->clock.now) return true;
  task->due_at = 0;
  Node* node = NodeOf(state, *task);
  if (!AgentAlive(node)) {
    Touch(state, task);
    return false;
  }
  const uint64_t index_before = state->index;
  TaskState s = task->status.state;
  if (WantsStop(*task)) {
    SetTaskState(state, task, TaskState::kShutdown, "shutdown");
  } else {
    switch (s) {
      case TaskState::kAssigned: SetTaskState(state, task, TaskState::kAccepted, "accepted"); break;
      case TaskState::kAccepted: SetTaskState(state, task, TaskState::kPreparing, "preparing"); break;
      case TaskState::kPreparing: {
        const std::string& image = task->spec->container.image;
        if (node->images.insert(image).second) {
          Touch(state, node);
          RecordEvent(state, "image", "pull", image, {{"node", node->id}});
        }
        PrepareTaskVolumes(state, *task);
        SetTaskState(state, task, TaskState::kReady, "prepared");
        break;
      }
      case TaskState::kReady: {
        SetTaskState(state, task, TaskState::kStarting, "starting");
        // The program's start-up decides now (with the cluster as it is now) how
        // its process will end; PlanProcess reads the answer back from the task.
        RecordFileMounts(state, *task);
        ProgramStart start = StartProgram(state, *task);
        task->exit_after = start.exit_after;
        task->exit_code = start.exit_code;
        break;
      }
      case TaskState::kStarting:
      case TaskState::kRunning: RunContainerStep(state, task); break;
      default: break;
    }
  }
  Touch(state, task);
  KickOn(state, task, node);
  // Between ASSIGNED and STARTING the orchestrators, the scheduler and the reaper
  // see no difference: they ask whether a task was placed, runs or stopped. The
  // step changed nothing else if the index moved by exactly its own three touches
  // of the task (the new state, the step, the next due time); an image pulled or
  // a volume made touches more.
  constexpr uint64_t kOwnTouches = 3;
  return s >= TaskState::kAssigned && task->status.state > s && task->status.state < TaskState::kRunning &&
         !WantsStop(*task) && task->due_at != 0 && state->index - index_before == kOwnTouches;
}

}  // namespace swarmsim
