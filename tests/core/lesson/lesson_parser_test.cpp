#include "core/lesson/lesson_parser.h"

#include <gtest/gtest.h>

namespace swarmsim::lesson {
namespace {

const char* kGood = R"(title: {en: T, ko: 제목}
summary: {en: S, ko: 요약}
cluster:
  nodes:
    - {hostname: m1, role: manager, cpus: 2, memory: 2GiB}
    - {hostname: w1, labels: {storage: raid}}
steps:
  - id: one
    title: {en: One, ko: 하나}
    explain: {en: E, ko: 설명}
    commands:
      - swarmsim stack deploy -c f.yml s
      - run: swarmsim time advance 5s
      - run: swarmsim service rm nosuch
        exit_code: 1
    predict:
      - question: {en: Q, ko: 질문}
        choices: [{en: a, ko: 가}, {en: b, ko: 나}]
        answer: 2
        explanation: {en: X, ko: 풀이}
    checks:
      - running: {service: s_web, count: 2}
      - command: swarmsim service ls --format '{{.Name}} x'
        contains: [s_web]
        not_contains: nope
  - id: two
    title: {en: Two, ko: 둘}
    explain: {en: E, ko: 설명}
    requires:
      - step: one
    checks:
      - on_label: {service: s_db, label: storage=raid}
      - volume: {name: s_data, node: w1}
      - no_volume: {name: s_data}
    picture: s_db.1
)";

TEST(ParseLesson, ReadsEveryPart) {
  auto l = ParseLesson(kGood, "x.yml", "x");
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->name, "x");
  EXPECT_EQ(l->title.In(Lang::kKo), "제목");
  ASSERT_EQ(l->cluster.nodes.size(), 2u);
  EXPECT_EQ(l->cluster.nodes[1].role, "worker");
  EXPECT_EQ(l->cluster.nodes[1].labels.at("storage"), "raid");
  ASSERT_EQ(l->steps.size(), 2u);
  const Step& one = l->steps[0];
  ASSERT_EQ(one.commands.size(), 3u);
  EXPECT_EQ(one.commands[0].argv, (std::vector<std::string>{"stack", "deploy", "-c", "f.yml", "s"}));
  EXPECT_EQ(one.commands[0].docker, "docker stack deploy -c f.yml s");
  EXPECT_EQ(one.commands[1].docker, "");  // time is the simulator's own
  EXPECT_EQ(one.commands[2].exit_code, 1);
  EXPECT_EQ(one.commands[2].line_no, 14);
  ASSERT_EQ(one.predicts.size(), 1u);
  EXPECT_EQ(one.predicts[0].answer, 1);  // 1-based in the file
  ASSERT_EQ(one.checks.size(), 2u);
  EXPECT_EQ(one.checks[0].kind, Check::Kind::kRunning);
  EXPECT_EQ(one.checks[0].count, 2);
  EXPECT_EQ(one.checks[1].command.argv.back(), "{{.Name}} x");
  EXPECT_EQ(one.checks[1].not_contains, std::vector<std::string>{"nope"});
  EXPECT_EQ(one.picture, "");
  const Step& two = l->steps[1];
  EXPECT_EQ(two.picture, "s_db.1");
  ASSERT_EQ(two.preconditions.size(), 1u);
  EXPECT_EQ(two.preconditions[0].step, "one");
  EXPECT_EQ(two.checks[2].kind, Check::Kind::kNoVolume);
  EXPECT_EQ(l->FindStep("two"), 1);
  EXPECT_EQ(l->FindStep("three"), -1);
}

// Replaces the first occurrence of `from` in the good lesson.
std::string With(const std::string& from, const std::string& to) {
  std::string s = kGood;
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

std::string ErrorOf(const std::string& text) {
  auto l = ParseLesson(text, "bad.yml", "bad");
  EXPECT_FALSE(l.ok());
  return l.ok() ? "" : l.status().message();
}

TEST(ParseLesson, MissingFieldNamesFileAndLine) {
  EXPECT_EQ(ErrorOf(With("    explain: {en: E, ko: 설명}\n    commands:", "    commands:")),
            "bad.yml:8: step 'one': missing field 'explain'");
}

TEST(ParseLesson, BothLanguagesAreRequired) {
  EXPECT_EQ(ErrorOf(With("title: {en: One, ko: 하나}", "title: {en: One}")),
            "bad.yml:9: step 'one': title: missing the 'ko' text");
}

TEST(ParseLesson, UnknownStepReference) {
  EXPECT_EQ(ErrorOf(With("- step: one", "- step: zero")),
            "bad.yml:30: step 'two' requires unknown step 'zero' (it must come earlier in the lesson)");
}

TEST(ParseLesson, CommandThatIsNotSwarmsims) {
  EXPECT_EQ(ErrorOf(With("- swarmsim stack deploy -c f.yml s", "- docker stack deploy -c f.yml s")),
            "bad.yml:12: step 'one': not a swarmsim command (write it as the student types it, starting with "
            "'swarmsim'): docker stack deploy -c f.yml s");
}

TEST(ParseLesson, OtherMistakes) {
  EXPECT_EQ(ErrorOf(With("answer: 2", "answer: 3")), "bad.yml:19: step 'one': predict: answer 3 names no choice (1 to 2)");
  EXPECT_EQ(ErrorOf(With("  - id: two", "  - id: one")), "bad.yml:26: step 'one' appears twice");
  EXPECT_EQ(ErrorOf(With("- running: {service: s_web, count: 2}", "- runing: {service: s_web, count: 2}")),
            "bad.yml:22: step 'one': checks: a check needs one of command, running, on_label, volume, no_volume, step");
  EXPECT_EQ(ErrorOf(With("    checks:\n      - running", "    chekcs:\n      - running")),
            "bad.yml:21: step 1: unknown field 'chekcs'");
  EXPECT_EQ(ErrorOf(With("'{{.Name}} x'", "'{{.Name}} x")),
            "bad.yml:23: step 'one': checks: unterminated quote in: swarmsim service ls --format '{{.Name}} x");
  EXPECT_EQ(ErrorOf(With("hostname: m1, role: manager", "hostname: m1, role: worker")),
            "bad.yml:5: cluster: node 1: the first node inits the swarm: role manager");
  EXPECT_EQ(ErrorOf("title: [unclosed\n"), "bad.yml:2: end of sequence flow not found");
}

TEST(ParsePreset, ReadsNodesAndRejectsNesting) {
  auto p = ParsePreset("description: {en: d, ko: 설명}\nnodes:\n  - {hostname: a, role: manager}\n", "p.yml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->nodes.size(), 1u);
  auto bad = ParsePreset("preset: other\n", "p.yml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "p.yml:1: preset: a preset cannot name another preset");
}

}  // namespace
}  // namespace swarmsim::lesson
