// The lesson panel, headless: it builds the lesson's cluster, runs a step's
// commands through the same path as the console, then checks the result.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "core/lesson/library.h"
#include "window_fixture.h"

namespace swarmsim::ui {
namespace {

class LessonPanelTest : public WindowFixture {
 protected:
  void SetUp() override {
    WindowFixture::SetUp();
    ui_.lesson.requested = "todo-list";
    ui_.open.lesson = true;
  }

  bool LessonWindowDrawn() {
    ImGuiWindow* w = Window(kLessonWindow);
    return w && (w->Active || w->WasActive);
  }
};

TEST_F(LessonPanelTest, BuildsTheClusterRunsAStepAndChecksIt) {
  DrawFrame();
  ASSERT_TRUE(ui_.lesson.lesson.has_value()) << ui_.lesson.error;
  EXPECT_TRUE(LessonWindowDrawn());
  // What the build button does: the lesson's setup commands through the console path.
  for (const auto& argv : lesson::SetupCommands(ui_.lesson.lesson->cluster)) RunAndLog(frame_, &ui_, argv);
  DrawFrame();
  EXPECT_TRUE(live_.state.swarm_active);
  EXPECT_EQ(live_.state.nodes.size(), 3u);

  sent_.clear();
  size_t console_before = ui_.console.lines.size();
  RunLessonStep(frame_, &ui_);
  ASSERT_EQ(sent_.size(), 5u);
  EXPECT_EQ(sent_[0], (std::vector<std::string>{"stack", "deploy", "-c", "todo-list/v1.yml", "todo"}));
  EXPECT_TRUE(ui_.lesson.ran);
  EXPECT_TRUE(ui_.lesson.checks_due);
  EXPECT_EQ(ui_.console.lines[console_before].text, "$ swarmsim stack deploy -c todo-list/v1.yml todo");

  DrawFrame();  // re-read, then the checks run
  EXPECT_FALSE(ui_.lesson.checks_due);
  ASSERT_EQ(ui_.lesson.outcomes.size(), 3u);
  for (const auto& o : ui_.lesson.outcomes) EXPECT_TRUE(o.ok) << o.what << ": " << o.found;
  EXPECT_EQ(ui_.lesson.outcomes[0].what, "todo_todo-web has 1 running task");
  ASSERT_EQ(ui_.lesson.changes.size(), 1u);
  EXPECT_EQ(ui_.lesson.changes[0], "todo_todo-web: 1 new task (node1)");
  EXPECT_EQ(ui_.lesson.changed_tasks.size(), 1u);

  GoToStep(&ui_.lesson, ui_.lesson.step + 1);
  EXPECT_FALSE(ui_.lesson.ran);
  EXPECT_TRUE(ui_.lesson.outcomes.empty());
  DrawFrame();
  EXPECT_TRUE(LessonWindowDrawn());
}

TEST_F(LessonPanelTest, AStepWhosePreconditionsNoLongerHoldSaysSoAndRunsNothing) {
  DrawFrame();
  for (const auto& argv : lesson::SetupCommands(ui_.lesson.lesson->cluster)) RunAndLog(frame_, &ui_, argv);
  DrawFrame();
  GoToStep(&ui_.lesson, 1);  // v2 needs what step 1 left: nothing was deployed
  sent_.clear();
  RunLessonStep(frame_, &ui_);
  EXPECT_FALSE(ui_.lesson.ran);
  ASSERT_EQ(ui_.lesson.unmet.size(), 1u);
  EXPECT_FALSE(ui_.lesson.unmet[0].ok);
  EXPECT_EQ(ui_.lesson.unmet[0].what, "the state step 'stack' left");
  for (const auto& s : sent_) EXPECT_NE(s[1], "deploy");  // only the checks' read-only commands
  DrawFrame();
}

// A wrong pick is counted and marked; the step still ran well; what it changed
// follows a language switch.
TEST_F(LessonPanelTest, PredictionsAreCountedAndResultsFollowTheLanguage) {
  DrawFrame();
  for (const auto& argv : lesson::SetupCommands(ui_.lesson.lesson->cluster)) RunAndLog(frame_, &ui_, argv);
  DrawFrame();
  ASSERT_EQ(ui_.lesson.guesses.size(), 1u);
  const int answer = ui_.lesson.lesson->steps[0].predicts[0].answer;
  ui_.lesson.guesses[0] = answer == 0 ? 1 : 0;  // a wrong pick
  RunLessonStep(frame_, &ui_);
  DrawFrame();
  EXPECT_EQ(ui_.lesson.predictions, 1);
  EXPECT_EQ(ui_.lesson.predictions_right, 0);
  EXPECT_FALSE(StepFailed(ui_.lesson));
  ASSERT_EQ(ui_.lesson.changes_ko.size(), 1u);
  EXPECT_EQ(ui_.lesson.changes_ko[0], "todo_todo-web: 새 태스크 1개 (node1)");
  SetLanguage(Lang::kKorean);
  DrawFrame();  // draws the Korean lines from what was kept: nothing re-runs
  SetLanguage(Lang::kEnglish);

  GoToStep(&ui_.lesson, 1);
  ui_.lesson.guesses.assign(ui_.lesson.guesses.size(), -1);
  if (!ui_.lesson.guesses.empty()) ui_.lesson.guesses[0] = ui_.lesson.lesson->steps[1].predicts[0].answer;
  RunLessonStep(frame_, &ui_);
  DrawFrame();
  EXPECT_EQ(ui_.lesson.predictions, ui_.lesson.guesses.empty() ? 1 : 2);
  EXPECT_EQ(ui_.lesson.predictions_right, ui_.lesson.guesses.empty() ? 0 : 1);
}

// Folded to its title bar, the lesson panel leaves the right column to the
// inspector (its decision table needs the rows).
TEST_F(LessonPanelTest, AFoldedLessonGivesTheInspectorTheColumn) {
  DrawFrame();
  DrawFrame();
  ImGuiWindow* inspector = Window(kInspectorWindow);
  ASSERT_NE(inspector, nullptr);
  const float shared = inspector->Size.y;
  ImGui::SetWindowCollapsed(kLessonWindow, true);
  DrawFrame();
  DrawFrame();
  EXPECT_TRUE(ui_.lesson_folded);
  EXPECT_GT(inspector->Size.y, shared * 1.5f);
  EXPECT_GT(inspector->Size.y, Window(kBoardWindow)->Size.y - 2 * ImGui::GetFrameHeight());
}

}  // namespace
}  // namespace swarmsim::ui
