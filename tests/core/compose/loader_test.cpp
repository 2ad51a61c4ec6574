#include "core/compose/loader.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

const ComposeEnv kEnv = {{"TAG", "1.25"}, {"HOME", "/home/user"}, {"FROM_ENV", "env-value"}};

Result<ComposeProject> Load(const std::string& yaml, ComposeCommand command = ComposeCommand::kDeploy) {
  ComposeLoadOptions opts;
  opts.command = command;
  return LoadCompose({{"/srv/stack/docker-compose.yml", yaml}}, kEnv, opts);
}

const ComposeService& Svc(const ComposeProject& p, const std::string& name) {
  for (const auto& s : p.services) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no service " << name;
  return p.services.front();
}

TEST(LoaderTest, NeedsAFile) {
  EXPECT_EQ(LoadCompose({}, kEnv).status().message(), "Specify a Compose file (with --compose-file)");
}

TEST(LoaderTest, NormalisesShortSyntaxes) {
  auto p = Load(
      "version: \"3.7\"\nservices:\n  web:\n    image: nginx:${TAG}\n    build: .\n    command: npm start\n"
      "    ports: [\"8080:80\"]\n    volumes: [\"data:/data\", \"./conf:/etc/conf:ro\", \"~/x:/x\"]\n"
      "    environment: [A=1, FROM_ENV, B]\n    healthcheck:\n      test: curl -f http://localhost\n"
      "    deploy:\n      resources:\n        limits:\n          cpus: \"0.50\"\n          memory: 100M\n"
      "volumes:\n  data:\nconfigs:\n  c:\n    file: ./c.json\nsecrets:\n  s:\n    external: true\n");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->version, "3.7");
  const ComposeService& web = Svc(*p, "web");
  EXPECT_EQ(web.image, "nginx:1.25");
  EXPECT_EQ(web.build.context, ".");
  EXPECT_EQ(web.command, (std::vector<std::string>{"npm", "start"}));
  ASSERT_EQ(web.ports.size(), 1u);
  EXPECT_EQ(web.ports[0].mode, "ingress");
  EXPECT_EQ(web.ports[0].published, 8080u);
  ASSERT_EQ(web.volumes.size(), 3u);
  EXPECT_EQ(web.volumes[1].source, "/srv/stack/conf");  // relative to the compose file
  EXPECT_EQ(web.volumes[2].source, "/home/user/x");     // ~ from the environment's HOME
  EXPECT_EQ(*web.environment.at("A"), "1");
  EXPECT_EQ(*web.environment.at("FROM_ENV"), "env-value");
  EXPECT_FALSE(web.environment.at("B").has_value());
  EXPECT_EQ(web.healthcheck->test, (std::vector<std::string>{"CMD-SHELL", "curl -f http://localhost"}));
  EXPECT_EQ(web.deploy.limits->cpus, "0.50");
  EXPECT_EQ(web.deploy.limits->memory, 104857600);
  EXPECT_EQ(p->configs.at("c").file, "/srv/stack/c.json");
  EXPECT_EQ(p->secrets.at("s").name, "s");
}

TEST(LoaderTest, CollectsDeployWarnings) {
  auto p = Load("services:\n  web:\n    image: x\n    build: .\n    privileged: true\n    container_name: c\n"
                "    expose: [80]\n");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->warnings.size(), 2u);
  EXPECT_EQ(p->warnings[0], "Ignoring unsupported options: build, privileged\n\n");
  EXPECT_EQ(p->warnings[1],
            "Ignoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\n"
            "expose: Exposing ports is unnecessary - services on the same network can access each other's "
            "containers on any port.\n\n");
  auto c = Load("services:\n  web:\n    image: x\n    build: .\n", ComposeCommand::kConfig);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->warnings.empty());
}

TEST(LoaderTest, ForbiddenOptionsDependOnTheCommand) {
  std::string yaml = "services:\n  web:\n    image: x\n    volumes_from: [a]\n    mem_limit: 1g\n";
  EXPECT_EQ(Load(yaml).status().message(),
            "Compose file contains unsupported options:\n\nmem_limit: Set resource limits using deploy.resources\n\n"
            "volumes_from: To share a volume between services, define it using the top-level `volumes` option and "
            "reference it from each service that shares it using the service-level `volumes` option.\n");
  EXPECT_EQ(Load(yaml, ComposeCommand::kConfig).status().message(), "Configuration contains forbidden properties");
}

TEST(LoaderTest, DecodingErrorsUseMapstructureText) {
  EXPECT_EQ(Load("services:\n  web:\n    image: x\n    deploy:\n      resources:\n        limits:\n"
                 "          memory: 100Q\n")
                .status()
                .message(),
            "decoding failed due to the following error(s):\n\n"
            "error decoding 'Deploy.Resources.Limits.memory': invalid suffix: 'q'");
  EXPECT_EQ(Load("services:\n  web:\n    image: x\n    deploy:\n      replicas: -1\n").status().message(),
            "decoding failed due to the following error(s):\n\ncannot parse 'Deploy.Replicas', -1 overflows uint");
}

TEST(LoaderTest, ErrorsInPipelineOrder) {
  EXPECT_EQ(Load("- a\n").status().message(), "top-level object must be a mapping");
  EXPECT_EQ(Load("services:\n  web:\n   image: x\n    ports: [80]\n").status().message(),
            "yaml: line 4: mapping values are not allowed in this context");
  EXPECT_EQ(Load("version: \"2\"\nservices: {}\n").status().message(), "unsupported Compose file version: 2");
  EXPECT_EQ(Load("services:\n  web:\n    image: x\n    foo: 1\n").status().message(),
            "services.web Additional property foo is not allowed");
  EXPECT_EQ(Load("volumes:\n  v:\n    external: true\n    driver: local\n").status().message(),
            "conflicting parameters \"external\" and \"driver\" specified for volume \"v\"");
}

TEST(LoaderTest, MultipleFilesMustShareTheVersion) {
  auto r = LoadCompose({{"/a/x.yml", "version: \"3.7\"\nservices: {}\n"}, {"/a/y.yml", "services: {}\n"}}, kEnv);
  EXPECT_EQ(r.status().message(), "version mismatched between two composefiles : 3.7 and 3.13");
}

TEST(LoaderTest, LaterFilesOverride) {
  auto r = LoadCompose({{"/a/x.yml", "services:\n  web:\n    image: a\n    environment: {A: \"1\"}\n"},
                        {"/b/y.yml", "services:\n  web:\n    image: b\n  api:\n    image: c\n"
                                     "configs:\n  c:\n    file: ./c.txt\n"}},
                       kEnv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->services.size(), 2u);
  EXPECT_EQ(r->services[0].name, "api");  // sorted by name
  EXPECT_EQ(Svc(*r, "web").image, "b");
  EXPECT_EQ(*Svc(*r, "web").environment.at("A"), "1");
  EXPECT_EQ(r->configs.at("c").file, "/a/c.txt");  // relative to the FIRST file
}

TEST(LoaderTest, RelativeFilePathsUsePwd) {
  auto r = LoadCompose({{"stacks/web.yml", "services: {}\nconfigs:\n  c:\n    file: ../c.txt\n"}},
                       {{"PWD", "/home/me"}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->configs.at("c").file, "/home/me/c.txt");
  r = LoadCompose({{"-", "services: {}\nconfigs:\n  c:\n    file: ./c.txt\n"}}, {{"PWD", "/home/me"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->configs.at("c").file, "/home/me/c.txt");
}

TEST(LoaderTest, SkipInterpolationKeepsVariables) {
  ComposeLoadOptions opts;
  opts.command = ComposeCommand::kConfig;
  opts.skip_interpolation = true;
  auto r = LoadCompose({{"/a/x.yml", "services:\n  web:\n    image: nginx:${TAG}\n"}}, kEnv, opts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->services[0].image, "nginx:${TAG}");
}

}  // namespace
}  // namespace swarmsim
