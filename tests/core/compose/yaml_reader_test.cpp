#include "core/compose/yaml_reader.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

Value Parse(const std::string& text) {
  auto r = ParseYaml(text);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Value();
}

std::string Error(const std::string& text) {
  auto r = ParseYaml(text);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

TEST(YamlReaderTest, ResolvesPlainScalarsLikeYamlV3) {
  Value v = Parse(
      "a: 0x1F\nb: 017\nc: 1_000\nd: 1e3\ne: .5\nf: true\ng: yes\nh: ~\ni: 2001-12-14\nj: 99999999999999999999\n"
      "k: \"1\"\nl: '010'\nm: 18446744073709551615\n");
  EXPECT_EQ(v.Find("a")->kind, Value::Kind::kInt);
  EXPECT_EQ(v.Find("a")->i, 31);
  EXPECT_EQ(v.Find("b")->i, 15);  // YAML 1.1 octal, kept by yaml.v3
  EXPECT_EQ(v.Find("c")->i, 1000);
  EXPECT_EQ(v.Find("d")->kind, Value::Kind::kFloat);
  EXPECT_DOUBLE_EQ(v.Find("e")->f, 0.5);
  EXPECT_EQ(v.Find("f")->kind, Value::Kind::kBool);
  EXPECT_EQ(v.Find("g")->kind, Value::Kind::kString);  // yes is a string in YAML 1.2
  EXPECT_TRUE(v.Find("h")->is_null());
  EXPECT_EQ(v.Find("i")->kind, Value::Kind::kTime);
  EXPECT_EQ(v.Find("j")->kind, Value::Kind::kFloat);
  EXPECT_EQ(v.Find("k")->kind, Value::Kind::kString);
  EXPECT_EQ(v.Find("l")->s, "010");
  EXPECT_EQ(v.Find("m")->kind, Value::Kind::kUint);
}

TEST(YamlReaderTest, ReadsBlockAndFlowScalars) {
  Value v = Parse("a: |\n  one\n  two\nb: >-\n  folded\n  text\n\n  para\nc: \"x\\ty\\u00e9\"\nd: 'it''s'\n"
                  "e: plain\n  continued\nf: [1, \"two\", {g: h}]\n");
  EXPECT_EQ(v.Find("a")->s, "one\ntwo\n");
  EXPECT_EQ(v.Find("b")->s, "folded text\npara");
  EXPECT_EQ(v.Find("c")->s, "x\ty\xc3\xa9");
  EXPECT_EQ(v.Find("d")->s, "it's");
  EXPECT_EQ(v.Find("e")->s, "plain continued");
  const Value* f = v.Find("f");
  ASSERT_TRUE(f->is_list());
  ASSERT_EQ(f->list.size(), 3u);
  EXPECT_EQ(f->list[2].Find("g")->s, "h");
}

TEST(YamlReaderTest, AnchorsAndMergeKeysKeepExplicitKeys) {
  Value v = Parse("x: &base {image: nginx, replicas: 2}\ny:\n  <<: *base\n  replicas: 3\n");
  const Value* y = v.Find("y");
  EXPECT_EQ(y->Find("image")->s, "nginx");
  EXPECT_EQ(y->Find("replicas")->i, 3);
}

TEST(YamlReaderTest, EmptyDocumentIsNull) { EXPECT_TRUE(Parse("").is_null()); }

TEST(YamlReaderTest, NonStringKeysAreFlagged) {
  Value v = Parse("a:\n  1: x\nb:\n  \"1\": x\n");
  EXPECT_FALSE(v.Find("a")->string_keys);
  EXPECT_TRUE(v.Find("b")->string_keys);
}

TEST(YamlReaderTest, ReportsScannerErrorsWithDockersLine) {
  EXPECT_EQ(Error("services:\n  web:\n   image: nginx\n    ports:\n"),
            "yaml: line 4: mapping values are not allowed in this context");
  EXPECT_EQ(Error("services:\n\tweb:\n"), "yaml: line 2: found character that cannot start any token");
  EXPECT_EQ(Error("a: 1\nb: \"open\n"), "yaml: line 2: found unexpected end of stream");
  // An error on the first line carries no line number (libyaml marks are 0-based).
  EXPECT_EQ(Error("a: \"\\q\"\n"), "yaml: found unknown escape character");
  EXPECT_EQ(Error("b: 1\na: \"\\q\"\n"), "yaml: line 2: found unknown escape character");
}

TEST(YamlReaderTest, ReportsParserErrorsWithZeroBasedContextLine) {
  // libyaml's parser marks are 0-based and yaml.v3 prints them as they are.
  EXPECT_EQ(Error("a:\n  b: [1, 2\nc: 3\n"), "yaml: line 1: did not find expected ',' or ']'");
  EXPECT_EQ(Error("a: 1\n- b\n"), "yaml: line 1: did not find expected key");
}

TEST(YamlReaderTest, ReportsEveryDuplicateKey) {
  EXPECT_EQ(Error("web: 1\nweb: 2\nweb: 3\n"),
            "yaml: unmarshal errors:\n  line 2: mapping key \"web\" already defined at line 1\n"
            "  line 3: mapping key \"web\" already defined at line 1\n"
            "  line 3: mapping key \"web\" already defined at line 2");
}

TEST(YamlReaderTest, ReportsUnknownAnchorAndBadMerge) {
  EXPECT_EQ(Error("a: *nope\n"), "yaml: unknown anchor 'nope' referenced");
  EXPECT_EQ(Error("a:\n  <<: 5\n"), "yaml: map merge requires map or sequence of maps as the value");
}

TEST(YamlReaderTest, RefusesAbsurdNesting) {
  EXPECT_TRUE(ParseYaml("a: " + std::string(900, '[') + std::string(900, ']') + "\n").ok());
  EXPECT_EQ(Error("a: " + std::string(2000, '[') + std::string(2000, ']') + "\n"),
            "yaml: nesting deeper than 1000 levels is not supported");
}

TEST(YamlReaderTest, RefusesAliasBombs) {
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'h'; ++c) {
    doc += std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 9; ++i) doc += (i ? ", *" : "*") + prev;
    doc += "]\n";
    prev = std::string(1, c);
  }
  EXPECT_EQ(Error(doc), "yaml: document contains excessive aliasing");
}

TEST(YamlReaderTest, RejectsYaml12DirectiveLikeLibyaml) {
  EXPECT_EQ(Error("%YAML 1.2\n---\na: 1\n"), "yaml: found incompatible YAML document");
}

}  // namespace
}  // namespace swarmsim::compose
