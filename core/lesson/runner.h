// Running a lesson against a cluster database. Every command (the cluster setup,
// each step's commands, command checks) goes through RunSessionCommand, so each
// is its own transaction exactly as if the student had typed it; state checks
// read the database in a transaction that is rolled back.
//
// The caller (the CLI's terminal loop, the window's lesson panel) decides the
// pace: check a step's requirements, run its commands one by one, then its checks.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/command/session.h"
#include "core/lesson/lesson.h"

namespace swarmsim::lesson {

struct CommandRun {
  LessonCommand command;
  CommandOutput output;
  bool as_expected() const { return output.exit_code == command.exit_code; }
};

struct CheckOutcome {
  std::string what;   // the condition, in the lesson's language
  bool ok = false;
  std::string found;  // when not ok: what the cluster shows instead
};

// Builds the lesson's cluster (SetupCommands) on `options.database_path`.
// REQUIRES: the database holds no swarm (a fresh file).
// Returns the first failing command's error; `ran` gets every command run.
Status StartCluster(const SessionOptions& options, const Lesson& lesson, std::vector<CommandRun>* ran);

// Runs one lesson command as one transaction.
CommandRun RunLessonCommand(const SessionOptions& options, const LessonCommand& command);

// One step run as `swarmsim lesson run` and the window's --lesson/--step run it:
// its preconditions, then (only when they hold) its commands, then its checks.
struct StepRun {
  std::vector<CheckOutcome> unmet;  // preconditions that do not hold: nothing ran
  std::vector<CommandRun> commands;
  std::vector<CheckOutcome> outcomes;
  // True when the preconditions held, every command exited as the lesson expects
  // and every check holds.
  bool ok() const;
};

// REQUIRES: step < lesson.steps.size().
StepRun RunStep(const SessionOptions& options, const Lesson& lesson, size_t step, Lang lang);

// How checks reach the cluster: `run` runs a command check (one transaction),
// `load` gives the cluster as it is now (called again after a command check).
// The CLI builds both from SessionOptions; the window from its live cluster.
struct CheckContext {
  std::function<CommandOutput(const std::vector<std::string>& argv)> run;
  std::function<Result<std::shared_ptr<const ClusterState>>()> load;
};

// A context on the database `options` names: commands through RunSessionCommand,
// state read in a transaction that is rolled back.
CheckContext SessionCheckContext(const SessionOptions& options);

// Evaluates checks (or a step's `requires`) on the cluster as it is now.
// A kStep check holds when every check of that step holds.
std::vector<CheckOutcome> EvaluateChecks(const CheckContext& ctx, const Lesson& lesson,
                                         const std::vector<Check>& checks, Lang lang);
std::vector<CheckOutcome> EvaluateChecks(const SessionOptions& options, const Lesson& lesson,
                                         const std::vector<Check>& checks, Lang lang);

// Evaluates state checks on a loaded cluster (kCommand and kStep are reported
// as failed: they need a database). Used by the runner and by unit tests.
CheckOutcome EvaluateStateCheck(const ClusterState& state, const Check& check, Lang lang);

// The condition a check states, in `lang`, e.g. "todo_todo-web has 2 running tasks".
std::string Describe(const Check& check, Lang lang);

// True when every outcome holds.
bool AllOk(const std::vector<CheckOutcome>& outcomes);

}  // namespace swarmsim::lesson
