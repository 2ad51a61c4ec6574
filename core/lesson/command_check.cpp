#include "core/lesson/command_check.h"

#include "core/command/command.h"

namespace swarmsim::lesson {

namespace {

// Whether a command is known touches no cluster: the command table answers
// (a group alone is incomplete; help asked for is fine).
Status Known(const Lesson& lesson, const Step& step, const LessonCommand& c) {
  std::optional<CommandOutput> answer = AnswerWithoutCluster(c.argv);
  if (!answer || (answer->exit_code == 0 && !answer->out.empty())) return Status::OK();
  std::string why = answer->exit_code == 0 ? "" : answer->err.substr(0, answer->err.find('\n'));
  if (why.empty()) why = "incomplete command";
  return Status::InvalidArgument(lesson.file + ":" + std::to_string(c.line_no) + ": step '" + step.id +
                                 "': unknown command: " + c.line + " (" + why + ")");
}

Status KnownInChecks(const Lesson& lesson, const Step& step, const std::vector<Check>& checks) {
  for (const auto& check : checks) {
    if (check.kind != Check::Kind::kCommand) continue;
    if (Status st = Known(lesson, step, check.command); !st.ok()) return st;
  }
  return Status::OK();
}

}  // namespace

Status CheckCommandsExist(const Lesson& lesson) {
  for (const auto& step : lesson.steps) {
    for (const auto& c : step.commands) {
      if (Status st = Known(lesson, step, c); !st.ok()) return st;
    }
    if (Status st = KnownInChecks(lesson, step, step.preconditions); !st.ok()) return st;
    if (Status st = KnownInChecks(lesson, step, step.checks); !st.ok()) return st;
  }
  return Status::OK();
}

}  // namespace swarmsim::lesson
