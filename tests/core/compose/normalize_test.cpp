#include "core/compose/normalize.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

TEST(NormalizeTest, RamInBytesLikeGoUnits) {
  EXPECT_EQ(*RamInBytes("100M"), 104857600);
  EXPECT_EQ(*RamInBytes("1.5G"), 1610612736);
  EXPECT_EQ(*RamInBytes("512k"), 524288);
  EXPECT_EQ(*RamInBytes("1gb"), 1073741824);
  EXPECT_EQ(*RamInBytes("64MiB"), 67108864);
  EXPECT_EQ(*RamInBytes("2048"), 2048);
  EXPECT_EQ(RamInBytes("100Q").status().message(), "invalid suffix: 'q'");
  EXPECT_EQ(RamInBytes("1QQQQ").status().message(), "invalid suffix: 'QQQQ'");
  EXPECT_EQ(RamInBytes("-5M").status().message(), "invalid size: '-5M'");
  EXPECT_EQ(RamInBytes("M").status().message(), "invalid size: 'M'");
}

TEST(NormalizeTest, ShellSplit) {
  EXPECT_EQ(*ShellSplit("python -m http.server \"8000\""),
            (std::vector<std::string>{"python", "-m", "http.server", "8000"}));
  EXPECT_EQ(*ShellSplit("sh -c 'echo a b' x\\ y"), (std::vector<std::string>{"sh", "-c", "echo a b", "x y"}));
  EXPECT_EQ(*ShellSplit("a#b # comment"), (std::vector<std::string>{"a#b"}));
  EXPECT_TRUE(ShellSplit("  ")->empty());
  EXPECT_EQ(ShellSplit("echo \"hi").status().message(), "EOF found when expecting closing quote");
  EXPECT_EQ(ShellSplit("echo \\").status().message(), "EOF found after escape character");
}

TEST(NormalizeTest, ParseVolumeShortSyntax) {
  auto m = ParseVolumeSpec("data:/var/lib/data:ro");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->type, "volume");
  EXPECT_EQ(m->source, "data");
  EXPECT_TRUE(m->read_only);
  m = ParseVolumeSpec("./conf:/etc/conf:rslave,nocopy");
  EXPECT_EQ(m->type, "bind");
  EXPECT_EQ(*m->bind_propagation, "rslave");
  EXPECT_TRUE(*m->volume_nocopy);
  m = ParseVolumeSpec("/anon");
  EXPECT_EQ(m->type, "volume");
  EXPECT_EQ(m->target, "/anon");
  EXPECT_TRUE(m->source.empty());
  m = ParseVolumeSpec("a::b");  // a Windows drive "a:" as the source
  EXPECT_EQ(m->source, "a:");
  EXPECT_EQ(m->type, "bind");
  EXPECT_EQ(ParseVolumeSpec("").status().message(), "invalid empty volume spec");
  EXPECT_EQ(ParseVolumeSpec("data:/x:ro:extra").status().message(), "invalid spec: data:/x:ro:extra: too many colons");
  EXPECT_EQ(ParseVolumeSpec("data::/x").status().message(), "invalid spec: data::/x: empty section between colons");
}

TEST(NormalizeTest, LexicalPaths) {
  EXPECT_EQ(CleanPath("/a/b/../c/./d/"), "/a/c/d");
  EXPECT_EQ(CleanPath("../x"), "../x");
  EXPECT_EQ(CleanPath("/.."), "/");
  EXPECT_EQ(JoinPath("/srv/app", "../secret.txt"), "/srv/secret.txt");
  EXPECT_EQ(JoinPath("/srv/app", ""), "/srv/app");
  EXPECT_EQ(DirPath("/srv/app/docker-compose.yml"), "/srv/app");
  EXPECT_EQ(DirPath("stack.yml"), ".");
}

}  // namespace
}  // namespace swarmsim::compose
