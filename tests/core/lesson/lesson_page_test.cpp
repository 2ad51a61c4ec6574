#include "core/lesson/lesson_page.h"

#include <gtest/gtest.h>

namespace swarmsim::lesson {
namespace {

Lesson TwoSteps() {
  Lesson l;
  l.name = "demo";
  l.title = {"데모 <1>", "Demo <1>"};
  l.summary = {"요약", "A summary\nof two lines"};
  l.cluster.description = {"노드 하나", "One node"};
  Step first;
  first.id = "deploy";
  first.title = {"1. 배포", "1. Deploy"};
  first.explain = {"설명", "Deploy & watch"};
  Predict p;
  p.question = {"몇 개?", "How many?"};
  p.choices = {{"하나", "One"}, {"둘", "Two"}};
  p.answer = 1;
  p.explanation = {"둘입니다", "Two, because"};
  first.predicts.push_back(p);
  Step second;
  second.id = "scale";
  second.title = {"2. 확장", "2. Scale"};
  second.explain = {"설명", "Scale it"};
  l.steps = {first, second};
  return l;
}

StepRun DeployRun() {
  StepRun run;
  CommandRun c;
  c.command.line = "swarmsim service ls --format '{{.Name}}'";
  c.command.docker = "docker service ls --format '{{.Name}}'";
  c.output.out = "web <ok>\n";
  run.commands.push_back(c);
  CommandRun bad;
  bad.command.line = "swarmsim service ps nosuch";
  bad.command.docker = "docker service ps nosuch";
  bad.command.exit_code = 1;
  bad.output.err = "no such service: nosuch\n";
  bad.output.exit_code = 1;
  run.commands.push_back(bad);
  run.outcomes.push_back({"web has 2 running tasks", true, ""});
  return run;
}

TEST(LessonPage, EscapesText) {
  EXPECT_EQ(EscapeHtml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
}

TEST(LessonPage, HoldsCommandsOutputsAnswersAndChecks) {
  Lesson l = TwoSteps();
  StepRun scale;
  scale.outcomes.push_back({"web has 3 running tasks", false, "2 running"});
  std::string page = LessonPage(l, Lang::kEn, {DeployRun(), scale});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(page.find("<title>Demo &lt;1&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("A summary\nof two lines"), std::string::npos);
  EXPECT_NE(page.find("Deploy &amp; watch"), std::string::npos);
  EXPECT_NE(page.find("<pre class=\"cmd\">$ swarmsim service ls --format &#39;{{.Name}}&#39;</pre>"),
            std::string::npos);
  EXPECT_NE(page.find("<pre class=\"out\">web &lt;ok&gt;\n</pre>"), std::string::npos);
  EXPECT_NE(page.find("<code>docker service ls --format &#39;{{.Name}}&#39;</code>"), std::string::npos);
  // An error the lesson expects shows its stderr and exit code, without blame.
  EXPECT_NE(page.find("<pre class=\"out\">no such service: nosuch\n</pre>"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"exit\">exit code 1</div>"), std::string::npos);
  EXPECT_NE(page.find("<li>One</li>\n<li class=\"right\">Two ✓</li>"), std::string::npos);
  EXPECT_NE(page.find("Two, because"), std::string::npos);
  EXPECT_NE(page.find("<li class=\"ok\">✓ web has 2 running tasks</li>"), std::string::npos);
  EXPECT_NE(page.find("<li class=\"bad\">✗ web has 3 running tasks (2 running)</li>"), std::string::npos);
  EXPECT_NE(page.find("stopped at a step whose checks failed"), std::string::npos);
  EXPECT_EQ(page.find("every check held"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

TEST(LessonPage, StopsWhereTheRunStopped) {
  Lesson l = TwoSteps();
  std::string page = LessonPage(l, Lang::kKo, {DeployRun()});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"ko\">", 0), 0u);
  EXPECT_NE(page.find("1. 배포"), std::string::npos);
  EXPECT_EQ(page.find("2. 확장"), std::string::npos);
  EXPECT_NE(page.find("확인에 실패한 단계에서 실행이 멈췄습니다."), std::string::npos);
}

TEST(LessonPage, SaysWhenEveryCheckHeld) {
  Lesson l = TwoSteps();
  StepRun scale;
  scale.outcomes.push_back({"web has 3 running tasks", true, ""});
  std::string page = LessonPage(l, Lang::kEn, {DeployRun(), scale});
  EXPECT_NE(page.find("Lesson complete: every check held."), std::string::npos);
  EXPECT_EQ(page.find("stopped at a step"), std::string::npos);
}

TEST(LessonPage, EmbedsPicturesOfTheBoard) {
  Lesson l = TwoSteps();
  StepRun scale;
  std::string page = LessonPage(l, Lang::kEn, {DeployRun(), scale}, {{1, std::string("\x89PNG", 4)}});
  EXPECT_NE(page.find("<img class=\"board\" alt=\"The board after this step\" src=\"data:image/png;base64,iVBORw==\">"),
            std::string::npos);
  // Only after the step it belongs to: after the second step's title, never before.
  EXPECT_GT(page.find("<img"), page.find("2. Scale"));
  EXPECT_EQ(LessonPage(l, Lang::kEn, {DeployRun(), scale}).find("<img"), std::string::npos);
}

}  // namespace
}  // namespace swarmsim::lesson
