#include "core/lesson/command_words.h"

#include <gtest/gtest.h>

namespace swarmsim::lesson {
namespace {

using Words = std::vector<std::string>;

TEST(SplitWords, QuotesAndEscapes) {
  EXPECT_EQ(SplitWords("a  b\tc").value(), (Words{"a", "b", "c"}));
  EXPECT_EQ(SplitWords("--format '{{.Name}} {{.ID}}'").value(), (Words{"--format", "{{.Name}} {{.ID}}"}));
  EXPECT_EQ(SplitWords("x=\"a \\\"b\\\"\"").value(), (Words{"x=a \"b\""}));
  EXPECT_EQ(SplitWords("a\\ b ''").value(), (Words{"a b", ""}));
  EXPECT_FALSE(SplitWords("'open").ok());
  EXPECT_FALSE(SplitWords("\"open").ok());
  EXPECT_TRUE(SplitWords("   ").value().empty());
}

TEST(DockerForm, DockerCommandsSimulatorOnlyAndCurl) {
  EXPECT_EQ(DockerForm({"stack", "ls"}), "docker stack ls");
  EXPECT_EQ(DockerForm({"service", "ls", "--format", "{{.Name}}"}), "docker service ls --format '{{.Name}}'");
  EXPECT_EQ(DockerForm({"node", "update", "--label-add", "storage=raid", "node2"}),
            "docker node update --label-add storage=raid node2");
  EXPECT_EQ(DockerForm({"node", "add"}), "");
  EXPECT_EQ(DockerForm({"time", "advance", "30s"}), "");
  EXPECT_EQ(DockerForm({"explain", "web.1"}), "");
  EXPECT_EQ(DockerForm({"curl", "http://localhost:8080/"}), "curl http://localhost:8080/");
}

}  // namespace
}  // namespace swarmsim::lesson
