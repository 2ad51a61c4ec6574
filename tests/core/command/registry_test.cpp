#include "core/command/registry.h"

#include <gtest/gtest.h>

#include <set>

namespace swarmsim {
namespace {

// --help is how a student explores: nothing may show up there without words.
TEST(RegistryTest, EveryCommandAndFlagHasHelpText) {
  for (const auto& def : AllCommands()) {
    std::string path;
    for (const auto& w : def.path) path += (path.empty() ? "" : " ") + w;
    EXPECT_FALSE(def.description.empty()) << path << " has no description";
    EXPECT_FALSE(def.usage.empty()) << path << " has no usage line";
    EXPECT_EQ(def.usage.rfind(path, 0), 0u) << path << ": usage must start with the command: " << def.usage;
    for (const auto& f : def.flags) {
      EXPECT_FALSE(f.help.empty()) << path << " --" << f.name << " has no help text";
      EXPECT_TRUE(f.is_bool || !f.type.empty()) << path << " --" << f.name << " has no value type for --help";
    }
  }
}

TEST(RegistryTest, EveryGroupOfACommandIsDescribed) {
  std::set<std::string> groups;
  for (const auto& g : AllCommandGroups()) {
    EXPECT_FALSE(g.description.empty()) << g.name;
    groups.insert(g.name);
  }
  for (const auto& def : AllCommands()) {
    if (def.path.size() > 1) {
      EXPECT_TRUE(groups.count(def.path[0])) << def.path[0] << " is not a registered group";
    }
  }
}

TEST(RegistryTest, NoFlagIsDeclaredTwiceOnOneCommand) {
  for (const auto& def : AllCommands()) {
    std::set<std::string> names;
    std::set<char> shorts;
    for (const auto& f : def.flags) {
      EXPECT_TRUE(names.insert(f.name).second) << def.usage << ": --" << f.name << " twice";
      if (f.shorthand) {
        EXPECT_TRUE(shorts.insert(f.shorthand).second) << def.usage << ": -" << f.shorthand << " twice";
      }
    }
  }
}

TEST(RegistryTest, FindCommandTakesAliasesOfTheLastWord) {
  const CommandDef* ls = FindCommand({"service", "list"});
  ASSERT_NE(ls, nullptr);
  EXPECT_EQ(ls->path, (std::vector<std::string>{"service", "ls"}));
  EXPECT_EQ(FindCommand({"service", "nope"}), nullptr);
  EXPECT_EQ(FindCommand({"service"}), nullptr);
}

}  // namespace
}  // namespace swarmsim
