#include "core/compose/yaml_writer.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

std::string One(const std::string& key, YamlOut value) {
  YamlOut doc = YamlOut::Map();
  doc.Add(key, std::move(value));
  return WriteYaml(doc);
}

TEST(YamlWriterTest, NestsWithTwoSpacesAndIndentsSequences) {
  YamlOut port = YamlOut::Map();
  port.Add("mode", YamlOut::Str("ingress"));
  port.Add("target", YamlOut::Num("80"));
  YamlOut ports = YamlOut::Seq();
  ports.items.push_back(port);
  YamlOut web = YamlOut::Map();
  web.Add("ports", ports);
  web.Add("empty", YamlOut::Map());
  web.Add("none", YamlOut::Seq());
  EXPECT_EQ(One("web", web), "web:\n  ports:\n    - mode: ingress\n      target: 80\n  empty: {}\n  none: []\n");
}

TEST(YamlWriterTest, QuotesStringsThatWouldReadBackAsOtherTypes) {
  EXPECT_EQ(One("v", YamlOut::Str("3.7")), "v: \"3.7\"\n");
  EXPECT_EQ(One("v", YamlOut::Str("104857600")), "v: \"104857600\"\n");
  EXPECT_EQ(One("v", YamlOut::Str("yes")), "v: \"yes\"\n");
  EXPECT_EQ(One("v", YamlOut::Str("")), "v: \"\"\n");
  EXPECT_EQ(One("v", YamlOut::Str("10:30")), "v: \"10:30\"\n");  // YAML 1.1 base-60
  EXPECT_EQ(One("v", YamlOut::Str("nginx:1.25")), "v: nginx:1.25\n");
  EXPECT_EQ(One("v", YamlOut::Null()), "v: null\n");
  EXPECT_EQ(One("v", YamlOut::Bool(true)), "v: true\n");
}

TEST(YamlWriterTest, SingleQuotesIndicatorsAndDoubleQuotesEscapes) {
  EXPECT_EQ(One("v", YamlOut::Str("ends:")), "v: 'ends:'\n");
  EXPECT_EQ(One("v", YamlOut::Str("# x")), "v: '# x'\n");
  EXPECT_EQ(One("v", YamlOut::Str(" lead")), "v: ' lead'\n");
  EXPECT_EQ(One("v", YamlOut::Str("it's: x")), "v: 'it''s: x'\n");
  EXPECT_EQ(One("v", YamlOut::Str("tab\there")), "v: \"tab\\there\"\n");
}

TEST(YamlWriterTest, MultiLineStringsAreLiteralBlocks) {
  EXPECT_EQ(One("v", YamlOut::Str("a\nb")), "v: |-\n  a\n  b\n");
  EXPECT_EQ(One("v", YamlOut::Str("a\nb\n")), "v: |\n  a\n  b\n");
  YamlOut seq = YamlOut::Seq();
  seq.items.push_back(YamlOut::Str("x\ny\n"));
  EXPECT_EQ(One("v", seq), "v:\n  - |\n    x\n    y\n");
}

TEST(YamlWriterTest, NeverFoldsLongLines) {
  std::string longer(120, 'a');
  longer[60] = ' ';
  EXPECT_EQ(One("v", YamlOut::Str(longer)), "v: " + longer + "\n");
}

TEST(YamlWriterTest, KeyOrderComparesNumbersNumerically) {
  std::vector<std::string> keys = {"web10", "web2", "web1", "Web", "a", "_x", "10", "9"};
  std::sort(keys.begin(), keys.end(), YamlKeyLess);
  EXPECT_EQ(keys, (std::vector<std::string>{"_x", "9", "10", "Web", "a", "web1", "web2", "web10"}));
}

}  // namespace
}  // namespace swarmsim::compose
