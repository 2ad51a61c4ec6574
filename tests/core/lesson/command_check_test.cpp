#include "core/lesson/command_check.h"

#include <gtest/gtest.h>

#include "core/lesson/lesson_parser.h"

namespace swarmsim::lesson {
namespace {

Lesson With(const std::string& command_yaml) {
  std::string text = "title: {en: t, ko: t}\nsummary: {en: s, ko: s}\ncluster: {preset: p}\nsteps:\n"
                     "  - id: a\n    title: {en: t, ko: t}\n    explain: {en: e, ko: e}\n" + command_yaml;
  auto l = ParseLesson(text, "l.yml", "l");
  EXPECT_TRUE(l.ok()) << l.status().message();
  return l.ok() ? l.value() : Lesson{};
}

TEST(CheckCommandsExist, KnownCommandsPass) {
  Lesson l = With("    commands:\n      - swarmsim stack deploy -c f.yml s\n      - swarmsim time advance 5s\n"
                  "    checks:\n      - command: swarmsim service ls --format '{{.Name}}'\n");
  EXPECT_TRUE(CheckCommandsExist(l).ok());
}

TEST(CheckCommandsExist, UnknownCommandsNameFileLineAndWhy) {
  Status st = CheckCommandsExist(With("    commands:\n      - swarmsim stack ls\n      - swarmsim stak ls\n"));
  EXPECT_EQ(st.message(), "l.yml:10: step 'a': unknown command: swarmsim stak ls "
                          "(swarmsim: unknown command: swarmsim stak)");
  st = CheckCommandsExist(With("    checks:\n      - command: swarmsim service lis\n"));
  EXPECT_EQ(st.message(), "l.yml:9: step 'a': unknown command: swarmsim service lis "
                          "(swarmsim: unknown command: swarmsim service lis)");
  st = CheckCommandsExist(With("    commands:\n      - swarmsim node\n"));
  EXPECT_EQ(st.message(), "l.yml:9: step 'a': unknown command: swarmsim node (incomplete command)");
}

}  // namespace
}  // namespace swarmsim::lesson
