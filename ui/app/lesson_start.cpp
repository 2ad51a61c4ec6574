#include "ui/app/lesson_start.h"

#include <cstdio>
#include <vector>

#include "core/lesson/runner.h"
#include "ui/i18n.h"
#include "ui/view/lesson_view.h"

namespace swarmsim::ui {

bool RunLessonTo(const SessionOptions& options, const std::string& name, int steps, UiState* ui) {
  OpenLesson(&ui->lesson, name);
  if (!ui->lesson.lesson) {
    std::fprintf(stderr, "swarmsim-ui: %s\n", ui->lesson.error.c_str());
    return false;
  }
  const lesson::Lesson& l = *ui->lesson.lesson;
  ui->open.lesson = true;
  if (steps > static_cast<int>(l.steps.size())) {
    std::fprintf(stderr, "swarmsim-ui: lesson %s has %zu steps\n", name.c_str(), l.steps.size());
    return false;
  }
  std::vector<lesson::CommandRun> setup;
  if (Status st = lesson::StartCluster(options, l, &setup); !st.ok()) {
    std::fprintf(stderr, "swarmsim-ui: could not build the lesson's cluster: %s\n", st.message().c_str());
    return false;
  }
  lesson::Lang lang = language() == Lang::kKorean ? lesson::Lang::kKo : lesson::Lang::kEn;
  bool ok = true;
  for (int i = 0; i < steps; ++i) {
    bool last = i + 1 == steps;
    StepSnapshot before;
    if (last) {
      auto state = lesson::SessionCheckContext(options).load();
      if (state.ok()) before = TakeSnapshot(*state.value());
    }
    lesson::StepRun run = lesson::RunStep(options, l, size_t(i), lang);
    if (!run.ok() && ok) {
      std::string why = !run.unmet.empty() ? "its preconditions do not hold" : "a command or check failed";
      for (const auto& c : run.commands) {
        if (!c.as_expected()) why = "`" + c.command.line + "` exited " + std::to_string(c.output.exit_code);
      }
      for (const auto& o : run.outcomes) {
        if (!o.ok) why = "check failed: " + o.what + " (" + o.found + ")";
      }
      std::fprintf(stderr, "swarmsim-ui: lesson %s step %d (%s): %s\n", name.c_str(), i + 1,
                   l.steps[size_t(i)].id.c_str(), why.c_str());
      ok = false;
    }
    if (!last) continue;
    GoToStep(&ui->lesson, size_t(i));
    LessonProgress& p = ui->lesson;
    p.before = before;
    p.unmet = run.unmet;
    p.ran = run.unmet.empty();
    p.checks_due = p.ran;  // the panel evaluates them on the window's own first read
    for (const auto& c : run.commands) {
      LogCommand(ui, c.command.argv, c.output);
      NoteStepCommand(&p, c.command, c.output);
    }
  }
  return ok;
}

}  // namespace swarmsim::ui
