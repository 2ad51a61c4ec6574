// The lesson panel: the current step's explanation, its commands (run with one
// button, their output in the console), the predict questions (answers shown
// once the step ran), the step's checks, and what the step changed (click a
// line's task to select it on the board and in the inspector).
//
// Commands go through Frame::run like the console's; the checks run on the next
// frame, once the window has re-read the cluster the commands changed.
#include <string>

#include "core/lesson/library.h"
#include "core/lesson/runner.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/panels/theme.h"

namespace swarmsim::ui {

namespace {

lesson::Lang LessonLang() { return language() == Lang::kKorean ? lesson::Lang::kKo : lesson::Lang::kEn; }
const char* L(const char* en, const char* ko) { return language() == Lang::kKorean ? ko : en; }

lesson::CheckContext FrameContext(const Frame& frame) {
  lesson::CheckContext ctx;
  ctx.run = [&frame](const std::vector<std::string>& argv) {
    return frame.run ? frame.run(argv) : CommandOutput{"", "no cluster", 1};
  };
  // The window's current copy: a command check does not re-read it.
  ctx.load = [&frame]() -> Result<std::shared_ptr<const ClusterState>> {
    return std::shared_ptr<const ClusterState>(frame.state, [](const ClusterState*) {});
  };
  return ctx;
}

// `checks` are the checks the outcomes are of, one each: what they state is
// worded again in the window's current language (a switch changes it too).
void DrawOutcomes(const std::vector<lesson::CheckOutcome>& outcomes, const std::vector<lesson::Check>& checks) {
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const lesson::CheckOutcome& o = outcomes[i];
    std::string what = outcomes.size() == checks.size() ? lesson::Describe(checks[i], LessonLang()) : o.what;
    ImGui::PushStyleColor(ImGuiCol_Text, o.ok ? kGood : kBad);
    std::string line = std::string(o.ok ? "✓ " : "✗ ") + what + (o.ok ? "" : "  (" + o.found + ")");
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
  }
}

void DrawChooser(LessonProgress* p) {
  if (!p->listed) {
    auto names = lesson::ListLessons(p->files);
    if (names.ok()) p->names = names.value();
    p->listed = true;
  }
  ImGui::TextUnformatted(L("Lessons", "레슨"));
  for (const auto& n : p->names) {
    if (ImGui::Button(n.c_str())) OpenLesson(p, n);
  }
  if (p->names.empty()) ImGui::TextWrapped("%s %s", L("No lessons in", "레슨이 없습니다:"), p->files.root().c_str());
}

}  // namespace

void RunLessonStep(const Frame& frame, UiState* ui) {
  LessonProgress* p = &ui->lesson;
  if (!p->lesson || p->step >= p->lesson->steps.size()) return;
  const lesson::Lesson& l = *p->lesson;
  const lesson::Step& step = l.steps[p->step];
  p->unmet.clear();
  if (!step.preconditions.empty()) {
    auto unmet = lesson::EvaluateChecks(FrameContext(frame), l, step.preconditions, LessonLang());
    if (!lesson::AllOk(unmet)) {
      p->unmet = unmet;
      return;
    }
  }
  p->before = TakeSnapshot(*frame.state);
  p->failed_commands.clear();
  for (const auto& c : step.commands) NoteStepCommand(p, c, RunAndLog(frame, ui, c.argv));
  CountPredictions(p);
  p->ran = true;
  p->checks_due = true;
}

void DrawLesson(const Frame& frame, UiState* ui, bool* p_open) {
  std::string title = std::string(L("Lesson", "레슨")) + kLessonWindow;
  // Foldable (its title bar's arrow): folded, it gives the inspector the column.
  bool shown = ImGui::Begin(title.c_str(), p_open, kPanelWindowFlags & ~ImGuiWindowFlags_NoCollapse);
  ui->lesson_folded = ImGui::IsWindowCollapsed();
  if (!shown) {
    ImGui::End();
    return;
  }
  LessonProgress* p = &ui->lesson;
  if (!p->requested.empty()) {
    OpenLesson(p, p->requested);
    p->requested.clear();
  }
  if (!p->error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::TextWrapped("%s", p->error.c_str());
    ImGui::PopStyleColor();
  }
  if (!p->lesson) {
    DrawChooser(p);
    ImGui::End();
    return;
  }
  const lesson::Lesson& l = *p->lesson;
  lesson::Lang lang = LessonLang();
  // Checks wait for the re-read that follows the step's commands.
  if (p->checks_due && !ui->refresh_now) {
    const lesson::Step& step = l.steps[p->step];
    p->outcomes = lesson::EvaluateChecks(FrameContext(frame), l, step.checks, lang);
    p->changes = StepChanges(*frame.state, p->before, lesson::Lang::kEn, &p->changed_tasks);
    p->changes_ko = StepChanges(*frame.state, p->before, lesson::Lang::kKo, nullptr);
    p->checks_due = false;
  }

  ImGui::TextWrapped("%s", l.title.In(lang).c_str());
  if (!frame.state->swarm_active) {
    ImGui::TextWrapped("%s", L("This lesson starts from its own cluster:", "이 레슨은 자신의 클러스터에서 시작합니다:"));
    for (const auto& n : l.cluster.nodes) ImGui::BulletText("%s (%s)", n.hostname.c_str(), n.role.c_str());
    if (ImGui::Button(L("Build the lesson's cluster", "레슨 클러스터 만들기"))) {
      for (const auto& argv : lesson::SetupCommands(l.cluster)) RunAndLog(frame, ui, argv);
    }
    ImGui::End();
    return;
  }

  if (p->predictions > 0) {
    ImGui::TextDisabled("%s %d/%d", L("Predictions right:", "맞힌 예측:"), p->predictions_right, p->predictions);
  }
  // Step selector: a teacher may jump to any step (like --from). The title is
  // drawn wrapped below it: a combo would cut it.
  std::string label = std::string(L("Step ", "단계 ")) + std::to_string(p->step + 1) + "/" + std::to_string(l.steps.size());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##step", label.c_str())) {
    for (size_t i = 0; i < l.steps.size(); ++i) {
      std::string item = std::to_string(i + 1) + ". " + l.steps[i].title.In(lang) + "###s" + std::to_string(i);
      if (ImGui::Selectable(item.c_str(), i == p->step)) GoToStep(p, i);
    }
    ImGui::EndCombo();
  }
  const lesson::Step& step = l.steps[p->step];
  ImGui::PushStyleColor(ImGuiCol_Text, kTextBright);
  ImGui::TextWrapped("%s", step.title.In(lang).c_str());
  ImGui::PopStyleColor();
  ImGui::Separator();
  // With questions to answer, the question comes first: the explanation often
  // gives the answer away, so it waits (folded) until the step has run.
  bool ask_first = !step.predicts.empty() && !p->ran;
  if (!ask_first) ImGui::TextWrapped("%s", Reflow(step.explain.In(lang)).c_str());
  ImGui::Separator();
  if (frame.fonts && frame.fonts->mono) ImGui::PushFont(frame.fonts->mono);
  for (const auto& c : step.commands) {
    ImGui::TextWrapped("$ %s", c.line.c_str());
    if (!c.docker.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
      ImGui::TextWrapped("  %s", c.docker.c_str());
      ImGui::PopStyleColor();
    }
  }
  if (frame.fonts && frame.fonts->mono) ImGui::PopFont();

  for (size_t k = 0; k < step.predicts.size(); ++k) {
    const lesson::Predict& q = step.predicts[k];
    ImGui::Separator();
    ImGui::TextWrapped("%s %s", L("Predict:", "예측:"), q.question.In(lang).c_str());
    for (size_t c = 0; c < q.choices.size(); ++c) {
      int ci = static_cast<int>(c);
      bool picked = p->guesses[k] == ci;
      // Once the step ran: the right answer in green with a check, a wrong pick in red with a cross.
      bool right = p->ran && ci == q.answer;
      bool wrong = p->ran && picked && ci != q.answer;
      std::string mark = right ? "✓ " : wrong ? "✗ " : "";
      std::string id = "##p" + std::to_string(k) + "c" + std::to_string(c);
      if (right || wrong) ImGui::PushStyleColor(ImGuiCol_Text, right ? kGood : kBad);
      // The button alone, its text wrapped beside it (a long answer is not cut);
      // clicking the text picks too.
      if (ImGui::RadioButton(id.c_str(), picked) && !p->ran) p->guesses[k] = ci;
      ImGui::SameLine();
      ImGui::TextWrapped("%s%s", mark.c_str(), q.choices[c].In(lang).c_str());
      if (ImGui::IsItemClicked() && !p->ran) p->guesses[k] = ci;
      if (right || wrong) ImGui::PopStyleColor();
    }
    if (p->ran) {
      if (p->guesses[k] >= 0) {
        bool got = p->guesses[k] == q.answer;
        ImGui::PushStyleColor(ImGuiCol_Text, got ? kGood : kBad);
        ImGui::TextWrapped("%s", got ? L("Your prediction was right.", "예측이 맞았습니다.")
                                     : L("Your prediction was not right.", "예측이 틀렸습니다."));
        ImGui::PopStyleColor();
      }
      ImGui::TextWrapped("%s", Reflow(q.explanation.In(lang)).c_str());
    }
  }
  if (ask_first) {
    ImGui::Separator();
    if (ImGui::CollapsingHeader(L("Explanation (after you predict)", "설명 (예측한 뒤에)"))) {
      ImGui::TextWrapped("%s", Reflow(step.explain.In(lang)).c_str());
    }
  }
  ImGui::Separator();
  bool failed = StepFailed(*p);
  if (failed && p->ran) {
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::TextWrapped("%s", L("✗ This step failed: the cluster does not match what the lesson says.",
                               "✗ 이 단계는 실패했습니다: 클러스터가 레슨 설명과 다릅니다."));
    for (const auto& c : p->failed_commands) ImGui::TextWrapped("$ %s", c.c_str());
    ImGui::PopStyleColor();
  }
  if (!p->ran) {
    if (ImGui::Button(L("Run this step", "이 단계 실행"))) RunLessonStep(frame, ui);
  } else if (p->step + 1 < l.steps.size()) {
    if (ImGui::Button(failed ? L("Next step (this one failed)", "다음 단계 (이 단계는 실패)") : L("Next step", "다음 단계"))) {
      GoToStep(p, p->step + 1);
    }
  } else {
    ImGui::TextUnformatted(L("Last step.", "마지막 단계입니다."));
  }
  if (!p->unmet.empty()) {
    ImGui::TextWrapped("%s", L("This step needs a cluster that is no longer there:",
                               "이 단계에 필요한 클러스터 상태가 더 이상 없습니다:"));
    DrawOutcomes(p->unmet, step.preconditions);
  }
  if (!p->outcomes.empty()) {
    ImGui::TextUnformatted(L("Checks", "확인"));
    DrawOutcomes(p->outcomes, step.checks);
  }
  if (!p->changes.empty()) {
    ImGui::TextUnformatted(L("What this step changed", "이 단계가 바꾼 것"));
    for (const auto& c : lang == lesson::Lang::kKo ? p->changes_ko : p->changes) ImGui::BulletText("%s", c.c_str());
    if (!p->changed_tasks.empty() && ImGui::SmallButton(L("Show the newest task", "가장 새 태스크 보기"))) {
      ui->selected_task = p->changed_tasks.back();
      ui->selected_node.clear();
    }
  }
  ImGui::End();
}

}  // namespace swarmsim::ui
