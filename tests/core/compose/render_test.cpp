#include "core/compose/render.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

ComposeLoadOptions SkipInterpolation() {
  ComposeLoadOptions o;
  o.skip_interpolation = true;
  return o;
}

std::string Config(const std::string& yaml) {
  auto r = StackConfigText({{"/srv/stack.yml", yaml}}, {{"TAG", "1.25"}});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : r.status().message();
}

TEST(RenderTest, PrintsDockersNormalisedForm) {
  EXPECT_EQ(Config("version: \"3.7\"\nservices:\n  web:\n    image: nginx:${TAG}\n    ports:\n      - 8080:80\n"
                   "    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: '0.50'\n"
                   "          memory: 100M\n    stop_grace_period: 90s\n"),
            "version: \"3.7\"\n"
            "services:\n"
            "  web:\n"
            "    deploy:\n"
            "      replicas: 2\n"
            "      resources:\n"
            "        limits:\n"
            "          cpus: \"0.50\"\n"
            "          memory: \"104857600\"\n"
            "    image: nginx:1.25\n"
            "    ports:\n"
            "      - mode: ingress\n"
            "        target: 80\n"
            "        published: 8080\n"
            "        protocol: tcp\n"
            "    stop_grace_period: 1m30s\n");
}

TEST(RenderTest, TopLevelSectionsAndExtensions) {
  EXPECT_EQ(Config("services:\n  web:\n    image: nginx\n    networks: [front]\n    configs: [c]\n"
                   "networks:\n  front:\n    external: true\nvolumes:\n  data:\nconfigs:\n  c:\n    file: ./c.json\n"
                   "x-owner: team\n"),
            "version: \"3.13\"\n"
            "services:\n"
            "  web:\n"
            "    configs:\n"
            "      - source: c\n"
            "    image: nginx\n"
            "    networks:\n"
            "      front: null\n"
            "networks:\n"
            "  front:\n"
            "    name: front\n"
            "    external: true\n"
            "volumes:\n"
            "  data: {}\n"
            "configs:\n"
            "  c:\n"
            "    file: /srv/c.json\n"
            "x-owner: team\n");
}

TEST(RenderTest, StackConfigErrorsAreDockers) {
  auto r = StackConfigText({{"/srv/stack.yml", "services:\n  web:\n    image: x\n    cpuset: \"0\"\n"}}, {});
  EXPECT_EQ(r.status().message(), "Configuration contains forbidden properties");
}

TEST(RenderTest, SkipInterpolation) {
  auto r = StackConfigText({{"/srv/stack.yml", "services:\n  web:\n    image: nginx:${TAG}\n"}}, {{"TAG", "1"}}, SkipInterpolation());
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->find("image: nginx:${TAG}"), std::string::npos);
}

}  // namespace
}  // namespace swarmsim
