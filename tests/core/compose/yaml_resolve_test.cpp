#include "core/compose/yaml_resolve.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

TEST(YamlResolveTest, NumbersInGoForms) {
  EXPECT_EQ(ResolvePlainScalar("0x1F").value.i, 31);
  EXPECT_EQ(ResolvePlainScalar("017").value.i, 15);
  EXPECT_EQ(ResolvePlainScalar("0o17").value.i, 15);
  EXPECT_EQ(ResolvePlainScalar("0b101").value.i, 5);
  EXPECT_EQ(ResolvePlainScalar("1_000").value.i, 1000);
  EXPECT_EQ(ResolvePlainScalar("-12").value.i, -12);
  EXPECT_EQ(ResolvePlainScalar("18446744073709551615").value.kind, Value::Kind::kUint);
  EXPECT_EQ(ResolvePlainScalar("99999999999999999999").tag, "!!float");
  EXPECT_EQ(ResolvePlainScalar("1e3").tag, "!!float");
  EXPECT_DOUBLE_EQ(ResolvePlainScalar(".5").value.f, 0.5);
  EXPECT_EQ(ResolvePlainScalar("1.2.3").tag, "!!str");
  EXPECT_EQ(ResolvePlainScalar("0x").tag, "!!str");
}

TEST(YamlResolveTest, WordsFollowYaml12ExceptFloats) {
  EXPECT_EQ(ResolvePlainScalar("true").tag, "!!bool");
  EXPECT_EQ(ResolvePlainScalar("True").tag, "!!bool");
  EXPECT_EQ(ResolvePlainScalar("yes").tag, "!!str");
  EXPECT_EQ(ResolvePlainScalar("on").tag, "!!str");
  EXPECT_EQ(ResolvePlainScalar("~").tag, "!!null");
  EXPECT_EQ(ResolvePlainScalar("").tag, "!!null");
  EXPECT_EQ(ResolvePlainScalar(".inf").tag, "!!float");
  EXPECT_EQ(ResolvePlainScalar("<<").tag, "!!str");  // the parser, not resolve(), makes a plain << a merge key
}

TEST(YamlResolveTest, TimestampsBecomeTimesLikeGo) {
  ResolvedScalar a = ResolvePlainScalar("2024-01-01");
  EXPECT_EQ(a.tag, "!!timestamp");
  EXPECT_EQ(a.value.s, "2024-01-01T00:00:00Z");
  EXPECT_EQ(GoSprint(a.value), "2024-01-01 00:00:00 +0000 UTC");
  ResolvedScalar b = ResolvePlainScalar("2001-12-14t21:59:43.10-05:00");
  EXPECT_EQ(b.value.s, "2001-12-14T21:59:43.1-05:00");
  EXPECT_EQ(GoSprint(b.value), "2001-12-14 21:59:43.1 -0500 -0500");
  EXPECT_EQ(GoSprint(ResolvePlainScalar("2001-2-3 4:5:6").value), "2001-02-03 04:05:06 +0000 UTC");
  EXPECT_EQ(ResolvePlainScalar("2001-12-14T21:59:43+00:00").value.s, "2001-12-14T21:59:43Z");
  EXPECT_EQ(ResolvePlainScalar("2001-02-30").tag, "!!str");           // no February 30th
  EXPECT_EQ(ResolvePlainScalar("2001-12-14T21:59:43").tag, "!!str");  // the T layouts need a zone
  EXPECT_EQ(ResolvePlainScalar("24-01-01").tag, "!!str");             // four-digit years only
}

TEST(YamlResolveTest, ImplicitTagsForTheWriter) {
  EXPECT_EQ(ImplicitTag("3.7"), "!!float");
  EXPECT_EQ(ImplicitTag("104857600"), "!!int");
  EXPECT_EQ(ImplicitTag(""), "!!null");
  EXPECT_EQ(ImplicitTag("nginx"), "!!str");
  EXPECT_EQ(ImplicitTag("2024-01-01"), "!!timestamp");
}

}  // namespace
}  // namespace swarmsim::compose
