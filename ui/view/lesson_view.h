// The lesson panel's state and what it shows, without ImGui: which lesson and
// step are open, the student's guesses, the outcome of the step's checks, and
// what the step changed in the cluster (so the panel can point at it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/lesson/lesson.h"
#include "core/lesson/runner.h"
#include "core/lesson/scenario_files.h"

namespace swarmsim::ui {

// What a step's changes are measured against.
struct StepSnapshot {
  uint64_t index = 0;            // Version.Index
  std::set<std::string> tasks;   // task IDs
  // Per node ID: labels, role, availability and state in one comparable text.
  std::map<std::string, std::string> nodes;
};
StepSnapshot TakeSnapshot(const ClusterState& state);

struct LessonProgress {
  lesson::ScenarioFiles files;  // set by the window (ScenarioFiles::FromEnvironment)
  std::string requested;      // a lesson to open at start ($SWARMSIM_LESSON)
  bool listed = false;
  std::vector<std::string> names;
  std::string error;  // a bad lesson file: "FILE:LINE: ..."
  std::optional<lesson::Lesson> lesson;
  size_t step = 0;
  std::vector<int> guesses;  // per predict question of the step; -1 = none yet
  bool ran = false;          // the step's commands were sent
  bool checks_due = false;   // evaluate once the window has re-read the cluster
  StepSnapshot before;       // the cluster as the step found it
  std::vector<lesson::CheckOutcome> unmet;     // preconditions that no longer hold
  std::vector<lesson::CheckOutcome> outcomes;  // the step's checks after it ran
  std::vector<std::string> failed_commands;    // commands that exited other than the lesson expects
  int predictions = 0;        // questions answered in this lesson so far ...
  int predictions_right = 0;  // ... and how many of them right
  std::vector<std::string> changes;            // what the step changed, one line each (English)
  std::vector<std::string> changes_ko;         // the same in Korean (a language switch shows it)
  std::vector<std::string> changed_tasks;      // task IDs it created or moved, oldest first
};

// Reads the lesson `name` (resets the step to the first). On a bad file the
// error names the file and line and no lesson is open.
void OpenLesson(LessonProgress* p, const std::string& name);

// True when the step just run created or moved the task: the board outlines its
// card so the class sees what the step changed.
bool ChangedByStep(const LessonProgress& p, const std::string& task_id);

// Notes a step command's exit: one that differs from what the lesson expects
// marks the step failed.
void NoteStepCommand(LessonProgress* p, const lesson::LessonCommand& command, const CommandOutput& out);

// Counts the step's answered predict questions (call once, when it runs).
void CountPredictions(LessonProgress* p);

// True once the step ran and a command exited otherwise than expected, its
// preconditions did not hold, or a check does not hold.
bool StepFailed(const LessonProgress& p);

// Moves to step `index` (clamped), clearing guesses and outcomes.
void GoToStep(LessonProgress* p, size_t index);

// What changed since `before`: tasks created (per service, with their nodes) and
// stopped, volumes created, nodes added or whose labels, role, availability or
// state changed. `tasks` (may be null) gets the created tasks' IDs, oldest first.
std::vector<std::string> StepChanges(const ClusterState& state, const StepSnapshot& before, lesson::Lang lang,
                                     std::vector<std::string>* tasks);

// A lesson text as one paragraph per blank-line-separated block: the files wrap
// at 80 columns for the terminal; the window wraps to its own width.
std::string Reflow(const std::string& text);

// Every Korean and English text of every lesson among `files`: the glyphs the
// window's font must hold.
std::string LessonGlyphText(const lesson::ScenarioFiles& files);

}  // namespace swarmsim::ui
