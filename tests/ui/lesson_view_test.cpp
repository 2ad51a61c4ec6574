#include "ui/view/lesson_view.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

class LessonViewTest : public ClusterFixture {};

TEST_F(LessonViewTest, StepChangesNamesNewTasksTheirNodesAndChangedNodes) {
  Run("swarm init");
  Run("node add --count 2");
  Run("time pause");
  StepSnapshot before = TakeSnapshot(Load());
  Run("service create --name web --replicas 2 nginx");
  Run("node update --label-add storage=raid node2");
  Run("time advance 30s");
  ClusterState after = Load();
  std::vector<std::string> tasks;
  auto lines = StepChanges(after, before, lesson::Lang::kEn, &tasks);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "web: 2 new tasks (node1, node2)");
  EXPECT_EQ(lines[1], "node node2 changed");
  EXPECT_EQ(tasks.size(), 2u);
  auto ko = StepChanges(after, before, lesson::Lang::kKo, nullptr);
  EXPECT_EQ(ko[0], "web: 새 태스크 2개 (node1, node2)");
  // Nothing changed since now.
  EXPECT_TRUE(StepChanges(after, TakeSnapshot(after), lesson::Lang::kEn, &tasks).empty());
  EXPECT_TRUE(tasks.empty());
}

TEST(LessonProgress, OpensShippedLessonsAndReportsUnknownOnes) {
  LessonProgress p;
  OpenLesson(&p, "todo-list");
  ASSERT_TRUE(p.lesson.has_value()) << p.error;
  GoToStep(&p, 1);
  EXPECT_EQ(p.step, 1u);
  EXPECT_EQ(p.guesses, std::vector<int>(1, -1));
  GoToStep(&p, 1000);
  EXPECT_EQ(p.step, p.lesson->steps.size() - 1);
  OpenLesson(&p, "nosuch");
  EXPECT_FALSE(p.lesson.has_value());
  EXPECT_EQ(p.error, "unknown lesson: nosuch (see swarmsim lesson list)");
  EXPECT_NE(LessonGlyphText(p.files).find("스택"), std::string::npos);
}

TEST(LessonProgress, TheBoardOutlinesOnlyWhatTheStepJustChanged) {
  LessonProgress p;
  OpenLesson(&p, "todo-list");
  ASSERT_TRUE(p.lesson.has_value()) << p.error;
  p.changed_tasks = {"task-a"};
  EXPECT_FALSE(ChangedByStep(p, "task-a"));  // not run yet
  p.ran = true;
  EXPECT_TRUE(ChangedByStep(p, "task-a"));
  EXPECT_FALSE(ChangedByStep(p, "task-b"));
  GoToStep(&p, 2);  // the next step starts with nothing highlighted
  EXPECT_FALSE(ChangedByStep(p, "task-a"));
}

TEST(Reflow, JoinsWrappedLinesKeepsParagraphs) {
  EXPECT_EQ(Reflow("one\ntwo\n\nthree\n"), "one two\n\nthree");
  EXPECT_EQ(Reflow("single"), "single");
  EXPECT_EQ(Reflow(""), "");
}

TEST(LessonGlyphText, HoldsThePanelsOwnKoreanWords) {
  std::string text = LessonGlyphText(lesson::ScenarioFiles());
  for (const char* word : {"레슨", "가장 새 태스크 보기", "종료 코드"}) EXPECT_NE(text.find(word), std::string::npos) << word;
}

TEST(StepFailed, ACommandThatExitsOtherwiseThanExpectedFailsTheStep) {
  LessonProgress p;
  OpenLesson(&p, "todo-list");
  ASSERT_TRUE(p.lesson.has_value()) << p.error;
  EXPECT_FALSE(StepFailed(p));
  p.ran = true;
  lesson::LessonCommand rm;
  rm.line = "swarmsim secret rm todo-list-secret";
  rm.exit_code = 1;  // an error shown on purpose
  NoteStepCommand(&p, rm, CommandOutput{"", "Error response from daemon: ...", 1});
  EXPECT_FALSE(StepFailed(p));
  NoteStepCommand(&p, rm, CommandOutput{"todo-list-secret\n", "", 0});
  EXPECT_TRUE(StepFailed(p));
  ASSERT_EQ(p.failed_commands.size(), 1u);
  EXPECT_EQ(p.failed_commands[0], "swarmsim secret rm todo-list-secret  (exit 0, 1 expected)");
  GoToStep(&p, 1);
  EXPECT_FALSE(StepFailed(p));
}

}  // namespace
}  // namespace swarmsim::ui
