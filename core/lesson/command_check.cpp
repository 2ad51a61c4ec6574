#include "core/lesson/command_check.h"

#include "core/command/command.h"

namespace swarmsim::lesson {

namespace {

// Asking for a command's help touches no cluster: a known command prints its
// usage, an unknown one says why it is unknown.
Status Known(const Lesson& lesson, const Step& step, const LessonCommand& c) {
  std::vector<std::string> argv = c.argv;
  argv.push_back("--help");
  CommandContext ctx;
  CommandOutput out = RunCommand(&ctx, argv);
  bool usage_of_group = out.out.find("COMMAND\n") != std::string::npos;  // "swarmsim node" alone
  if (out.exit_code == 0 && !usage_of_group) return Status::OK();
  std::string why = out.err.substr(0, out.err.find('\n'));
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
