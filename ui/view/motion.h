// CardMotion: how a task card moves, derived only from virtual time and the
// task's own timestamps (never the wall clock), so a paused clock freezes every
// animation, a faster clock plays it faster, and tests can check any instant.
//
//   - a new card fades in over kFadeInTime after the orchestrator created it;
//   - a card whose task is being stopped fades out through its shutdown (the
//     agent's stop time, core/node/timing.h) down to kStoppedOpacity;
//   - a card whose slot ran on another node before travels there from that
//     node's column over kTravelTime after it was created.
#pragma once

#include <string>

#include "core/model/task.h"
#include "core/model/time.h"

namespace swarmsim::ui {

struct CardMotion {
  float opacity = 1.0f;       // 0..1
  std::string from_node_id;   // the node the slot ran on before (empty: no travel)
  float travel = 1.0f;        // 0 at from_node_id's column .. 1 arrived
  bool animating = false;     // something above changes as virtual time moves
};

constexpr Duration kFadeInTime = kSecond;
constexpr Duration kTravelTime = 1500 * kMillisecond;
constexpr float kStoppedOpacity = 0.35f;

// The motion of `task` at virtual instant `now`. `previous` is the task that held
// the same slot before it (SlotHistory's next entry), or nullptr.
CardMotion MotionOf(const Task& task, const Task* previous, Time now);

// 0..1 of the task's shutdown done at `now` (0 before it was asked to stop or when
// not stopping; 1 once stopped). Uses the agent's pending step (due_at).
float ShutdownProgress(const Task& task, Time now);

// A smooth start and stop for travel: 3t² - 2t³.
float EaseInOut(float t);

}  // namespace swarmsim::ui
