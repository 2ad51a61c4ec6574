#include "core/lesson/runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/lesson/lesson_parser.h"

namespace swarmsim::lesson {
namespace {

namespace fs = std::filesystem;

const char* kLesson = R"(title: {en: T, ko: T}
summary: {en: S, ko: S}
cluster:
  nodes:
    - {hostname: m1, role: manager, cpus: 2, memory: 2GiB}
    - {hostname: w1, labels: {storage: raid}}
steps:
  - id: deploy
    title: {en: D, ko: D}
    explain: {en: E, ko: E}
    commands:
      - swarmsim service create --name web --replicas 2 --constraint node.labels.storage==raid nginx
      - swarmsim time advance 30s
    checks:
      - running: {service: web, count: 2}
      - on_label: {service: web, label: storage=raid}
      - no_volume: {name: data}
      - command: swarmsim service ls --format '{{.Name}} {{.Replicas}}'
        contains: "web 2/2"
  - id: wrong
    title: {en: W, ko: W}
    explain: {en: E, ko: E}
    requires:
      - step: deploy
    checks:
      - running: {service: web, count: 3}
      - on_label: {service: web, label: storage=ssd}
      - volume: {name: data}
      - command: swarmsim service ls
        not_contains: "web"
      - command: swarmsim service inspect nosuch
)";

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("swarmsim_runner_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    options_.database_path = (dir_ / "lesson.db").string();
    options_.wall_now = 1'767'603'600'000'000'000;  // 2026-01-05T09:00:00Z
    options_.seed = 42;
    auto l = ParseLesson(kLesson, "t.yml", "t");
    ASSERT_TRUE(l.ok()) << l.status().message();
    lesson_ = l.value();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  SessionOptions options_;
  Lesson lesson_;
};

TEST_F(RunnerTest, ChecksHoldAfterTheStepAndFailWhenTheyShould) {
  std::vector<CommandRun> setup;
  ASSERT_TRUE(StartCluster(options_, lesson_, &setup).ok());
  EXPECT_EQ(setup.size(), 3u);  // init, node add, time pause

  // Before the step, its checks fail, and so does a precondition naming it.
  EXPECT_FALSE(AllOk(EvaluateChecks(options_, lesson_, lesson_.steps[0].checks, Lang::kEn)));
  auto unmet = EvaluateChecks(options_, lesson_, lesson_.steps[1].preconditions, Lang::kEn);
  ASSERT_EQ(unmet.size(), 1u);
  EXPECT_FALSE(unmet[0].ok);
  EXPECT_EQ(unmet[0].what, "the state step 'deploy' left");
  EXPECT_EQ(unmet[0].found, "web has 2 running tasks — no service web");

  for (const auto& c : lesson_.steps[0].commands) {
    CommandRun run = RunLessonCommand(options_, c);
    EXPECT_TRUE(run.as_expected()) << c.line << ": " << run.output.err;
  }
  auto ok = EvaluateChecks(options_, lesson_, lesson_.steps[0].checks, Lang::kEn);
  for (const auto& o : ok) EXPECT_TRUE(o.ok) << o.what << ": " << o.found;
  EXPECT_TRUE(AllOk(EvaluateChecks(options_, lesson_, lesson_.steps[1].preconditions, Lang::kEn)));

  auto wrong = EvaluateChecks(options_, lesson_, lesson_.steps[1].checks, Lang::kEn);
  ASSERT_EQ(wrong.size(), 5u);
  for (const auto& o : wrong) EXPECT_FALSE(o.ok) << o.what;
  EXPECT_EQ(wrong[0].found, "running: 2");
  EXPECT_EQ(wrong[1].found, "a task on w1");
  EXPECT_EQ(wrong[2].found, "not found");
  EXPECT_EQ(wrong[3].found, "in the output: web");
  EXPECT_EQ(wrong[4].found, "exit code 1: Error: no such service: nosuch");

  auto ko = EvaluateChecks(options_, lesson_, {lesson_.steps[1].checks[0]}, Lang::kKo);
  EXPECT_EQ(ko[0].what, "web 서비스의 실행 중인 태스크 3개");
}

TEST_F(RunnerTest, StartClusterStopsOnAnExistingSwarm) {
  std::vector<CommandRun> ran;
  ASSERT_TRUE(StartCluster(options_, lesson_, &ran).ok());
  ran.clear();
  Status again = StartCluster(options_, lesson_, &ran);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(ran.size(), 1u);
  EXPECT_NE(again.message().find("swarmsim swarm init --hostname m1"), std::string::npos) << again.message();
}

}  // namespace
}  // namespace swarmsim::lesson
