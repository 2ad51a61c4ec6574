#include "core/compose/yaml_scanner.h"

#include <gtest/gtest.h>

#include <vector>

namespace swarmsim::compose {
namespace {

std::vector<TokenType> Types(const std::string& text, SyntaxError* error = nullptr) {
  YamlScanner scanner(text);
  std::vector<TokenType> out;
  for (;;) {
    const Token* t = scanner.Peek();
    if (!t) {
      if (error) *error = scanner.error();
      return out;
    }
    out.push_back(t->type);
    if (t->type == TokenType::kStreamEnd) return out;
    scanner.Skip();
  }
}

using T = TokenType;

TEST(YamlScannerTest, SimpleKeysBecomeKeyTokensInsideBlockMappings) {
  EXPECT_EQ(Types("a: 1\nb:\n  - x\n"),
            (std::vector<T>{T::kStreamStart, T::kBlockMappingStart, T::kKey, T::kScalar, T::kValue, T::kScalar,
                            T::kKey, T::kScalar, T::kValue, T::kBlockSequenceStart, T::kBlockEntry, T::kScalar,
                            T::kBlockEnd, T::kBlockEnd, T::kStreamEnd}));
}

TEST(YamlScannerTest, FlowCollections) {
  EXPECT_EQ(Types("[a, {b: c}]\n"),
            (std::vector<T>{T::kStreamStart, T::kFlowSequenceStart, T::kScalar, T::kFlowEntry, T::kFlowMappingStart,
                            T::kKey, T::kScalar, T::kValue, T::kScalar, T::kFlowMappingEnd, T::kFlowSequenceEnd,
                            T::kStreamEnd}));
}

TEST(YamlScannerTest, ScalarsKeepTheirStyleAndText) {
  YamlScanner scanner("- 'a''b'\n- \"c\\td\"\n- |\n  e\n");
  std::vector<std::pair<ScalarStyle, std::string>> scalars;
  for (const Token* t = scanner.Peek(); t && t->type != T::kStreamEnd; t = scanner.Peek()) {
    if (t->type == T::kScalar) scalars.push_back({t->style, t->value});
    scanner.Skip();
  }
  ASSERT_EQ(scalars.size(), 3u);
  EXPECT_EQ(scalars[0], std::make_pair(ScalarStyle::kSingleQuoted, std::string("a'b")));
  EXPECT_EQ(scalars[1], std::make_pair(ScalarStyle::kDoubleQuoted, std::string("c\td")));
  EXPECT_EQ(scalars[2], std::make_pair(ScalarStyle::kLiteral, std::string("e\n")));
}

TEST(YamlScannerTest, ErrorsCarryLibyamlsMarks) {
  SyntaxError e;
  Types("a: 1\n  b: 2\n", &e);
  EXPECT_TRUE(e.from_scanner);
  EXPECT_EQ(e.problem, "mapping values are not allowed in this context");
  EXPECT_EQ(e.Message(), "yaml: line 2: mapping values are not allowed in this context");
  Types("a:\n\tb: 1\n", &e);
  EXPECT_EQ(e.context, "while scanning for the next token");
  EXPECT_EQ(e.Message(), "yaml: line 2: found character that cannot start any token");
  // The scalar starts on line 0, so yaml.v3 falls back to where scanning stopped.
  Types("k: \"open\n", &e);
  EXPECT_EQ(e.Message(), "yaml: line 2: found unexpected end of stream");
}

TEST(YamlScannerTest, TabsBeforeFollowingCommentLines) {
  // A comment block gathered from the start of a line swallows tabs before
  // its later lines; a comment after a value does not.
  SyntaxError e;
  EXPECT_EQ(Types("# c\n\t# more\nb: 2\n", &e).back(), T::kStreamEnd);
  EXPECT_NE(Types("a: 1 # c\n\t# more\nb: 2\n", &e).back(), T::kStreamEnd);
  EXPECT_EQ(e.Message(), "yaml: line 2: found character that cannot start any token");
}

}  // namespace
}  // namespace swarmsim::compose
