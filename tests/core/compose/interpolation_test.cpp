#include "core/compose/interpolation.h"

#include <gtest/gtest.h>

#include "core/compose/yaml_reader.h"

namespace swarmsim {
namespace {

const ComposeEnv kEnv = {{"TAG", "1.25"}, {"EMPTY", ""}, {"N", "3"}};

std::string Sub(const std::string& text) {
  auto r = SubstituteVariables(text, kEnv);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : "";
}

TEST(InterpolationTest, SubstitutesAllForms) {
  EXPECT_EQ(Sub("nginx:${TAG}"), "nginx:1.25");
  EXPECT_EQ(Sub("nginx:$TAG"), "nginx:1.25");
  EXPECT_EQ(Sub("${UNSET}"), "");
  EXPECT_EQ(Sub("${UNSET:-d}"), "d");
  EXPECT_EQ(Sub("${EMPTY:-d}"), "d");
  EXPECT_EQ(Sub("${EMPTY-d}"), "");
  EXPECT_EQ(Sub("${UNSET-d}"), "d");
  EXPECT_EQ(Sub("${TAG:?must}"), "1.25");
  EXPECT_EQ(Sub("$$TAG and $${TAG}"), "$TAG and ${TAG}");
  EXPECT_EQ(Sub("v$TAG-x"), "v1.25");  // unbraced, "-x" still reads as a default
  EXPECT_EQ(Sub("$UNSET-x"), "x");
}

TEST(InterpolationTest, RequiredVariablesFailWithDockersText) {
  auto r = SubstituteVariables("${MISSING:?set it}", kEnv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "Invalid template: \"required variable MISSING is missing a value: set it\"");
  EXPECT_FALSE(SubstituteVariables("${EMPTY:?x}", kEnv).ok());
  EXPECT_TRUE(SubstituteVariables("${EMPTY?x}", kEnv).ok());
}

TEST(InterpolationTest, InvalidTemplatesNameTheWholeString) {
  auto r = SubstituteVariables("cost $5 or ${bad", kEnv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "Invalid template: \"cost $5 or ${bad\"");
}

TEST(InterpolationTest, OnlyTheLastSubstitutionsOutcomeCounts) {
  // docker's loop overwrites its error with each later substitution's result.
  EXPECT_TRUE(SubstituteVariables("${MISSING:?x} ${TAG}", kEnv).ok());
}

TEST(InterpolationTest, InterpolatesTreeAndCastsTypedPaths) {
  auto doc = compose::ParseYaml(
      "services:\n  web:\n    image: nginx:${TAG}\n    deploy:\n      replicas: ${N}\n    tty: \"${EMPTY:-true}\"\n"
      "    environment: [\"A=${TAG}\"]\n");
  ASSERT_TRUE(doc.ok());
  compose::Value v = *doc;
  ASSERT_TRUE(compose::Interpolate(&v, kEnv).ok());
  const compose::Value* web = v.Find("services")->Find("web");
  EXPECT_EQ(web->Find("image")->s, "nginx:1.25");
  EXPECT_EQ(web->Find("deploy")->Find("replicas")->kind, compose::Value::Kind::kInt);
  EXPECT_EQ(web->Find("deploy")->Find("replicas")->i, 3);
  EXPECT_EQ(web->Find("tty")->kind, compose::Value::Kind::kBool);
  EXPECT_EQ(web->Find("environment")->list[0].s, "A=1.25");
}

TEST(InterpolationTest, TreeErrorsNameThePath) {
  auto doc = compose::ParseYaml("services:\n  web:\n    image: \"${X\"\n");
  compose::Value v = *doc;
  Status st = compose::Interpolate(&v, kEnv);
  EXPECT_EQ(st.message(),
            "invalid interpolation format for services.web.image: \"${X\"; you may need to escape any $ with another $");
  doc = compose::ParseYaml("services:\n  web:\n    deploy:\n      replicas: ${TAG}x\n");
  v = *doc;
  st = compose::Interpolate(&v, kEnv);
  EXPECT_EQ(st.message(),
            "error while interpolating services.web.deploy.replicas: failed to cast to expected type: "
            "strconv.Atoi: parsing \"1.25x\": invalid syntax");
}

TEST(InterpolationTest, UnchangedStringsAreNotCast) {
  auto doc = compose::ParseYaml("services:\n  web:\n    deploy:\n      replicas: \"2\"\n");
  compose::Value v = *doc;
  ASSERT_TRUE(compose::Interpolate(&v, kEnv).ok());
  EXPECT_EQ(v.Find("services")->Find("web")->Find("deploy")->Find("replicas")->kind, compose::Value::Kind::kString);
}

}  // namespace
}  // namespace swarmsim
