#include "core/command/command.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(CommandTest, HelpAndUsageErrorsReadNothing) {
  EXPECT_TRUE(IsReadOnlyCommand({"service", "create", "--help"}));
  EXPECT_TRUE(IsReadOnlyCommand({"service"}));
  EXPECT_TRUE(IsReadOnlyCommand({"nosuch"}));
  EXPECT_FALSE(IsReadOnlyCommand({"service", "create", "nginx"}));
  EXPECT_TRUE(IsReadOnlyCommand({"service", "ls"}));
}

TEST(CommandTest, AGroupAloneIsItsHelpOnStderr) {
  auto answer = AnswerWithoutCluster({"node"});
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->exit_code, 0);
  EXPECT_EQ(answer->out, "");
  EXPECT_EQ(answer->err.rfind("Usage:  swarmsim node COMMAND\n\nManage Swarm nodes\n", 0), 0u);
}

TEST(CommandTest, CommandsToRunAreNotAnswered) {
  EXPECT_FALSE(AnswerWithoutCluster({"service", "ls", "-q"}).has_value());
  // exec passes its words through: only a leading --help is help.
  EXPECT_FALSE(AnswerWithoutCluster({"exec", "web.1", "ls", "--help"}).has_value());
  EXPECT_TRUE(AnswerWithoutCluster({"exec", "--help"}).has_value());
}

TEST(CommandTest, FrontEndCommandsGetDockersArgumentErrors) {
  auto answer = AnswerWithoutCluster({"lesson", "run"});
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->exit_code, 1);
  EXPECT_EQ(answer->err,
            "swarmsim: 'swarmsim lesson run' requires 1 argument\n\nUsage:  swarmsim lesson run [OPTIONS] NAME\n\n"
            "Run 'swarmsim lesson run --help' for more information\n");
  EXPECT_FALSE(AnswerWithoutCluster({"lesson", "run", "todo-list", "--auto"}).has_value());
}

TEST(CommandTest, FlagErrorsExit125WithTheUsage) {
  CommandContext ctx;  // a flag error is found before the cluster is read
  CommandOutput out = RunCommand(&ctx, {"node", "ls", "--bogus"});
  EXPECT_EQ(out.exit_code, 125);
  EXPECT_EQ(out.err,
            "unknown flag: --bogus\n\nUsage:  swarmsim node ls [OPTIONS]\n\nRun 'swarmsim node ls --help' for more "
            "information\n");
}

}  // namespace
}  // namespace swarmsim
