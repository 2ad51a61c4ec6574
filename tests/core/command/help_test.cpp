#include "core/command/help.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

// The expected texts are what docker 28.2.2 prints for the same flags.
TEST(HelpTest, FlagUsagesAlignSortAndWrapAsPflag) {
  std::vector<FlagSpec> flags = {
      FlagSpec::Bool("quiet", 'q', "Only display IDs"),
      FlagSpec::Value("format", 0, "string", kListFormatHelp),
      FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided"),
  };
  EXPECT_EQ(FlagUsages(flags),
            "  -f, --filter filter   Filter output based on conditions provided\n"
            "      --format string   Format output using a custom template:\n"
            "                        'table':            Print output in table format\n"
            "                        with column headers (default)\n"
            "                        'table TEMPLATE':   Print output in table format\n"
            "                        using the given Go template\n"
            "                        'json':             Print in JSON format\n"
            "                        'TEMPLATE':         Print output using the given\n"
            "                        Go template.\n"
            "                        Refer to https://docs.docker.com/go/formatting/\n"
            "                        for more information about formatting output with\n"
            "                        templates\n"
            "  -q, --quiet           Only display IDs\n");
}

TEST(HelpTest, DefaultsAreShownQuotedForStrings) {
  std::vector<FlagSpec> flags = {
      FlagSpec::Value("compose-file", 'c', "strings", "Path to a Compose file, or \"-\" to read from stdin"),
      FlagSpec::Bool("detach", 'd', "Exit immediately instead of waiting for the stack services to converge", "true"),
      FlagSpec::Value("resolve-image", 0, "string",
                      "Query the registry to resolve image digest and supported platforms (\"always\", \"changed\", "
                      "\"never\")",
                      "always"),
  };
  EXPECT_EQ(FlagUsages(flags),
            "  -c, --compose-file strings   Path to a Compose file, or \"-\" to read\n"
            "                               from stdin\n"
            "  -d, --detach                 Exit immediately instead of waiting for\n"
            "                               the stack services to converge (default true)\n"
            "      --resolve-image string   Query the registry to resolve image digest\n"
            "                               and supported platforms (\"always\",\n"
            "                               \"changed\", \"never\") (default \"always\")\n");
}

TEST(HelpTest, HiddenFlagsAreLeftOut) {
  EXPECT_EQ(FlagUsages({FlagSpec::Value("after-seq", 0, "uint", "internal").Hidden()}), "");
}

TEST(HelpTest, CommandHelpHasUsageDescriptionAliasesAndOptions) {
  const CommandDef* ls = FindCommand({"service", "ls"});
  ASSERT_NE(ls, nullptr);
  std::string help = CommandHelp(*ls);
  EXPECT_EQ(help.substr(0, help.find("\nOptions:\n")),
            "Usage:  swarmsim service ls [OPTIONS]\n"
            "\n"
            "List services\n"
            "\n"
            "Aliases:\n"
            "  swarmsim service ls, swarmsim service list\n");
  EXPECT_EQ(help.substr(help.size() - 41), "  -q, --quiet           Only display IDs\n");
}

TEST(HelpTest, CommandWithoutFlagsHasNoOptionsSection) {
  const CommandDef* rm = FindCommand({"service", "rm"});
  ASSERT_NE(rm, nullptr);
  EXPECT_EQ(CommandHelp(*rm),
            "Usage:  swarmsim service rm SERVICE [SERVICE...]\n\nRemove one or more services\n\nAliases:\n"
            "  swarmsim service rm, swarmsim service remove\n");
}

TEST(HelpTest, GroupHelpListsItsCommandsSortedAndPadded) {
  const CommandGroup* group = FindCommandGroup("stack");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(GroupHelp(*group),
            "Usage:  swarmsim stack COMMAND\n"
            "\n"
            "Manage Swarm stacks\n"
            "\n"
            "Commands:\n"
            "  config      Outputs the final config file, after doing merges and interpolations\n"
            "  deploy      Deploy a new stack or update an existing stack\n"
            "  ls          List stacks\n"
            "  ps          List the tasks in the stack\n"
            "  rm          Remove one or more stacks\n"
            "  services    List the services in the stack\n"
            "\n"
            "Run 'swarmsim stack COMMAND --help' for more information on a command.\n");
}

TEST(HelpTest, RootHelpNamesEveryGroup) {
  std::string help = RootHelp();
  for (const auto& g : AllCommandGroups()) {
    EXPECT_NE(help.find("\n  " + g.name + " "), std::string::npos) << g.name;
  }
  EXPECT_NE(help.find("\n  explain "), std::string::npos);
}

}  // namespace
}  // namespace swarmsim
