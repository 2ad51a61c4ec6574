#include "ui/view/command_line.h"

#include <gtest/gtest.h>

namespace swarmsim::ui {
namespace {

std::vector<std::string> Split(const std::string& s) {
  auto r = SplitCommandLine(s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : std::vector<std::string>{};
}

TEST(SplitCommandLine, WordsQuotesAndEscapes) {
  EXPECT_EQ(Split("service ls"), (std::vector<std::string>{"service", "ls"}));
  EXPECT_EQ(Split("  node   ls  "), (std::vector<std::string>{"node", "ls"}));
  EXPECT_EQ(Split("service create --env 'A=b c' nginx"),
            (std::vector<std::string>{"service", "create", "--env", "A=b c", "nginx"}));
  EXPECT_EQ(Split("x \"a \\\"q\\\" b\""), (std::vector<std::string>{"x", "a \"q\" b"}));
  EXPECT_EQ(Split("a\\ b"), (std::vector<std::string>{"a b"}));
  EXPECT_EQ(Split("x ''"), (std::vector<std::string>{"x", ""}));
}

TEST(SplitCommandLine, DropsTheProgramName) {
  EXPECT_EQ(Split("swarmsim node ls"), (std::vector<std::string>{"node", "ls"}));
  EXPECT_EQ(Split("docker service ps web"), (std::vector<std::string>{"service", "ps", "web"}));
}

TEST(SplitCommandLine, BlankAndUnterminated) {
  EXPECT_TRUE(Split("   ").empty());
  auto r = SplitCommandLine("service create 'oops");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "unterminated quote");
}

}  // namespace
}  // namespace swarmsim::ui
