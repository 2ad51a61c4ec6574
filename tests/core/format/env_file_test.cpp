#include "core/format/env_file.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

std::optional<std::string> Lookup(const std::string& key) {
  if (key == "HOME") return std::string("/home/me");
  return std::nullopt;
}

TEST(EnvFileTest, LinesAreTakenVerbatim) {
  auto vars = ParseEnvFile("# a comment\n  A=1\nB=\"quoted value\"\n\nC=\r\nD=x=y\n", Lookup);
  ASSERT_TRUE(vars.ok()) << vars.status().message();
  EXPECT_EQ(*vars, (std::vector<std::string>{"A=1", "B=\"quoted value\"", "C=", "D=x=y"}));
}

TEST(EnvFileTest, BareNamesComeFromTheEnvironmentOrAreLeftOut) {
  auto vars = ParseEnvFile("HOME\nNOT_SET\n", Lookup);
  ASSERT_TRUE(vars.ok());
  EXPECT_EQ(*vars, (std::vector<std::string>{"HOME=/home/me"}));
}

TEST(EnvFileTest, ByteOrderMarkOnlyOnTheFirstLine) {
  auto vars = ParseEnvFile("\xEF\xBB\xBFQ=1\n\xEF\xBB\xBFZ=2\n", Lookup);
  ASSERT_TRUE(vars.ok());
  EXPECT_EQ(*vars, (std::vector<std::string>{"Q=1", "\xEF\xBB\xBFZ=2"}));  // as docker: kept past line 1
}

TEST(EnvFileTest, ErrorsInKvfileWords) {
  EXPECT_EQ(ParseEnvFile("export D=4\n", Lookup).status().message(), "variable 'export D' contains whitespaces");
  EXPECT_EQ(ParseEnvFile("=x\n", Lookup).status().message(), "no variable name on line '=x'");
  EXPECT_EQ(ParseEnvFile("A=1\nB=\xFF\n", Lookup).status().message(), "invalid utf8 bytes at line 2: [66 61 255]");
  EXPECT_EQ(EnvFileError("/srv/a.env", Status::InvalidArgument("why")).message(), "invalid env file (/srv/a.env): why");
}

}  // namespace
}  // namespace swarmsim
