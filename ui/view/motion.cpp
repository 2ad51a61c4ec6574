#include "ui/view/motion.h"

#include <algorithm>

#include "core/node/timing.h"

namespace swarmsim::ui {

float EaseInOut(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

float ShutdownProgress(const Task& task, Time now) {
  if (DesiredAlive(task.desired_state)) return 0;
  if (IsTerminal(task.status.state)) return 1;
  if (task.due_at == 0) return 0;  // the agent is down: the stop has not begun
  // The agent stops a started container in kStopTime, anything earlier in kAbortTime.
  Duration total = task.status.state >= TaskState::kStarting ? kStopTime : kAbortTime;
  Time begun = task.due_at - total;
  return std::clamp(float(double(now - begun) / double(total)), 0.0f, 1.0f);
}

CardMotion MotionOf(const Task& task, const Task* previous, Time now) {
  CardMotion m;
  Duration age = now - task.created_at;
  if (age >= 0 && age < kFadeInTime) {
    m.opacity = 0.25f + 0.75f * float(double(age) / double(kFadeInTime));
    m.animating = true;
  }
  if (!DesiredAlive(task.desired_state) && !IsTerminal(task.status.state)) {
    float p = ShutdownProgress(task, now);
    m.opacity *= 1.0f - (1.0f - kStoppedOpacity) * p;
    m.animating = m.animating || p < 1.0f;
  }
  if (previous && !previous->node_id.empty() && !task.node_id.empty() && previous->node_id != task.node_id &&
      age >= 0 && age < kTravelTime) {
    m.from_node_id = previous->node_id;
    m.travel = float(double(age) / double(kTravelTime));
    m.animating = true;
  }
  return m;
}

}  // namespace swarmsim::ui
