#include "core/compose/schema.h"

#include <gtest/gtest.h>

#include "core/compose/yaml_reader.h"

namespace swarmsim::compose {
namespace {

std::string Validate(const std::string& yaml, const std::string& version = "3.13") {
  auto doc = ParseYaml(yaml);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  Status st = ValidateSchema(*doc, version);
  return st.ok() ? "OK" : st.message();
}

TEST(SchemaTest, VersionDefaultsToLatest) {
  EXPECT_EQ(SchemaVersion(*ParseYaml("services: {}\n")), "3.13");
  EXPECT_EQ(SchemaVersion(*ParseYaml("version: \"3\"\n")), "3.13");
  EXPECT_EQ(SchemaVersion(*ParseYaml("version: \"3.7\"\n")), "3.7");
  EXPECT_EQ(SchemaVersion(*ParseYaml("version: 3.10\n")), "3.1");  // Go's %v of the float
}

TEST(SchemaTest, AcceptsAValidFile) {
  EXPECT_EQ(Validate("version: \"3.8\"\nservices:\n  web:\n    image: nginx\n    ports: [\"80:80\", 443]\n"
                     "    deploy:\n      replicas: 2\n      placement:\n        max_replicas_per_node: 1\n",
                     "3.8"),
            "OK");
}

TEST(SchemaTest, UnknownVersion) {
  EXPECT_EQ(Validate("services: {}\n", "2.4"), "unsupported Compose file version: 2.4");
}

TEST(SchemaTest, AdditionalPropertiesAtEveryDepth) {
  EXPECT_EQ(Validate("servics: {}\n"), "(root) Additional property servics is not allowed");
  EXPECT_EQ(Validate("services:\n  web:\n    foo: 1\n"), "services.web Additional property foo is not allowed");
  EXPECT_EQ(Validate("services:\n  web:\n    deploy:\n      replica: 2\n"),
            "services.web.deploy Additional property replica is not allowed");
}

TEST(SchemaTest, KeysDependOnTheVersion) {
  std::string yaml = "services:\n  web:\n    deploy:\n      placement:\n        max_replicas_per_node: 1\n";
  EXPECT_EQ(Validate("version: \"3.8\"\n" + yaml, "3.8"), "OK");
  EXPECT_EQ(Validate("version: \"3.7\"\n" + yaml, "3.7"),
            "services.web.deploy.placement Additional property max_replicas_per_node is not allowed");
  // Up to 3.9 the version key itself is required.
  EXPECT_EQ(Validate("services: {}\n", "3.9"), "(root) version is required");
  EXPECT_EQ(Validate("services: {}\n", "3.10"), "OK");
}

TEST(SchemaTest, TypeErrorsUseDockersGrammar) {
  EXPECT_EQ(Validate("services:\n  web:\n    deploy:\n      replicas: two\n"),
            "services.web.deploy.replicas must be a integer");
  EXPECT_EQ(Validate("services:\n  web:\n    ports: 80\n"), "services.web.ports must be a list");
  EXPECT_EQ(Validate("services:\n  web:\n    environment: A=1\n"), "services.web.environment must be a mapping");
  EXPECT_EQ(Validate("services:\n  web:\n    environment:\n      A: true\n"),
            "services.web.environment.A must be a string, number or null");
}

TEST(SchemaTest, OneOfReportsTheClosestAlternative) {
  EXPECT_EQ(Validate("services:\n  web:\n    ports: [\"abc\"]\n"), "services.web.ports.0 Does not match format 'ports'");
  EXPECT_EQ(Validate("services:\n  web:\n    stop_grace_period: 10x\n"),
            "services.web.stop_grace_period Does not match format 'duration'");
}

TEST(SchemaTest, EnumAndUniqueItems) {
  EXPECT_EQ(Validate("services:\n  web:\n    deploy:\n      update_config:\n        order: x\n"),
            "services.web.deploy.update_config.order services.web.deploy.update_config.order must be one of the "
            "following: \"start-first\", \"stop-first\"");
  EXPECT_EQ(Validate("services:\n  web:\n    ports: [\"80:80\", \"80:80\"]\n"),
            "services.web.ports array items[0,1] must be unique");
}

TEST(SchemaTest, JsonEncodingProblemsComeFirst) {
  EXPECT_EQ(Validate("services:\n  web:\n    environment:\n      1: x\n"),
            "json: unsupported type: map[interface {}]interface {}");
}

}  // namespace
}  // namespace swarmsim::compose
