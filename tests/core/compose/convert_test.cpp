#include "core/compose/convert.h"

#include <gtest/gtest.h>

#include "core/compose/loader.h"

namespace swarmsim {
namespace {

Result<StackSpec> Convert(const std::string& yaml, const std::string& stack = "todo") {
  auto project = LoadCompose({{"/srv/todo/docker-stack.yml", yaml}}, {});
  EXPECT_TRUE(project.ok()) << project.status().message();
  if (!project.ok()) return project.status();
  return ConvertStack(*project, stack);
}

const ServiceSpec* Find(const StackSpec& s, const std::string& name) {
  for (const auto& svc : s.services) {
    if (svc.name == name) return &svc;
  }
  return nullptr;
}

// The DIAMOL todo-list web service: the spec docker-engine-api.md §3.5.1 shows
// the CLI posting (minus the digest the CLI pins through a registry).
const char kTodo[] = R"(version: "3.7"
services:
  todo-web:
    image: diamol/ch06-todo-list
    ports:
      - 8080:80
    configs:
      - source: todo-list-config
        target: /app/config/config.json
    secrets:
      - source: todo-list-secret
        target: /app/config/secrets.json
    deploy:
      replicas: 2
      resources:
        limits:
          cpus: "0.50"
          memory: 100M
  todo-db:
    image: diamol/postgres:11.5
    volumes:
      - todo-db-data:/var/lib/postgresql/data
    deploy:
      placement:
        constraints:
          - node.labels.storage == raid
configs:
  todo-list-config:
    external: true
secrets:
  todo-list-secret:
    external: true
volumes:
  todo-db-data:
)";

TEST(ConvertTest, BuildsTheSpecDockerPosts) {
  auto stack = Convert(kTodo);
  ASSERT_TRUE(stack.ok()) << stack.status().message();
  ASSERT_EQ(stack->services.size(), 2u);
  EXPECT_EQ(stack->services[0].name, "todo_todo-db");  // sorted
  const ServiceSpec* web = Find(*stack, "todo_todo-web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->labels.at("com.docker.stack.image"), "diamol/ch06-todo-list");
  EXPECT_EQ(web->labels.at("com.docker.stack.namespace"), "todo");
  const ContainerSpec& c = web->task_template.container;
  EXPECT_EQ(c.image, "diamol/ch06-todo-list:latest");
  EXPECT_EQ(c.labels, (std::map<std::string, std::string>{{"com.docker.stack.namespace", "todo"}}));
  ASSERT_EQ(c.secrets.size(), 1u);
  EXPECT_EQ(c.secrets[0].file_name, "/app/config/secrets.json");
  EXPECT_EQ(c.secrets[0].name, "todo-list-secret");  // external: plain name
  EXPECT_EQ(c.secrets[0].uid, "0");
  EXPECT_EQ(c.secrets[0].mode, 0444u);
  EXPECT_TRUE(c.secrets[0].id.empty());
  ASSERT_EQ(c.configs.size(), 1u);
  EXPECT_EQ(c.configs[0].name, "todo-list-config");
  EXPECT_EQ(web->task_template.resources.limits.nano_cpus, 500000000);
  EXPECT_EQ(web->task_template.resources.limits.memory_bytes, 104857600);
  ASSERT_EQ(web->task_template.networks.size(), 1u);
  EXPECT_EQ(web->task_template.networks[0].target, "todo_default");
  EXPECT_EQ(web->task_template.networks[0].aliases, (std::vector<std::string>{"todo-web"}));
  EXPECT_EQ(web->mode, ServiceMode::kReplicated);
  EXPECT_EQ(web->replicas, 2u);
  ASSERT_EQ(web->endpoint.ports.size(), 1u);
  EXPECT_EQ(web->endpoint.ports[0].target_port, 80u);
  EXPECT_EQ(web->endpoint.ports[0].published_port, 8080u);
  EXPECT_EQ(web->endpoint.ports[0].publish_mode, "ingress");
  EXPECT_FALSE(web->update_config.has_value());

  const ServiceSpec* db = Find(*stack, "todo_todo-db");
  EXPECT_EQ(db->replicas, 1u);  // "Mode":{"Replicated":{}}
  ASSERT_EQ(db->task_template.container.mounts.size(), 1u);
  const Mount& m = db->task_template.container.mounts[0];
  EXPECT_EQ(m.source, "todo_todo-db-data");
  EXPECT_EQ(m.target, "/var/lib/postgresql/data");
  EXPECT_EQ(m.volume_labels.at("com.docker.stack.namespace"), "todo");
  EXPECT_EQ(db->task_template.placement.constraints, (std::vector<std::string>{"node.labels.storage == raid"}));

  ASSERT_EQ(stack->networks.size(), 1u);  // only networks services use
  EXPECT_EQ(stack->networks[0].name, "todo_default");
  EXPECT_EQ(stack->networks[0].driver, "overlay");
  EXPECT_EQ(stack->networks[0].labels.at("com.docker.stack.namespace"), "todo");
  ASSERT_EQ(stack->secrets.size(), 1u);
  EXPECT_TRUE(stack->secrets[0].external);
  ASSERT_EQ(stack->volumes.size(), 1u);
  EXPECT_EQ(stack->volumes[0].name, "todo_todo-db-data");
}

TEST(ConvertTest, NetworksVolumesAndObjectsResolveNames) {
  auto stack = Convert(R"(services:
  web:
    image: nginx:1.25
    networks:
      front:
        aliases: [www]
      ext:
    volumes:
      - ext-data:/ext
      - named:/named
      - /anon
      - ./html:/usr/share/nginx/html:ro
    configs:
      - site
    secrets:
      - source: key
        target: key.pem
        mode: 0400
networks:
  front:
    name: public
    attachable: true
  ext:
    external: true
volumes:
  ext-data:
    external: true
  named:
    name: my-volume
    labels: {backup: "yes"}
configs:
  site:
    file: ./site.conf
secrets:
  key:
    file: ./key.pem
)");
  ASSERT_TRUE(stack.ok()) << stack.status().message();
  const ServiceSpec& web = stack->services[0];
  ASSERT_EQ(web.task_template.networks.size(), 2u);
  EXPECT_EQ(web.task_template.networks[0].target, "ext");
  EXPECT_EQ(web.task_template.networks[1].target, "public");
  EXPECT_EQ(web.task_template.networks[1].aliases, (std::vector<std::string>{"www", "web"}));
  const auto& mounts = web.task_template.container.mounts;
  ASSERT_EQ(mounts.size(), 4u);
  EXPECT_EQ(mounts[0].source, "ext-data");
  EXPECT_TRUE(mounts[0].volume_labels.empty());
  EXPECT_EQ(mounts[1].source, "my-volume");
  EXPECT_EQ(mounts[1].volume_labels.at("backup"), "yes");
  EXPECT_TRUE(mounts[2].source.empty());
  EXPECT_EQ(mounts[3].type, "bind");
  EXPECT_EQ(mounts[3].source, "/srv/todo/html");
  EXPECT_TRUE(mounts[3].read_only);
  EXPECT_EQ(web.task_template.container.configs[0].name, "todo_site");
  EXPECT_EQ(web.task_template.container.configs[0].file_name, "site");
  EXPECT_EQ(web.task_template.container.secrets[0].file_name, "key.pem");
  EXPECT_EQ(web.task_template.container.secrets[0].mode, 0400u);
  ASSERT_EQ(stack->networks.size(), 2u);
  EXPECT_TRUE(stack->networks[0].external);
  EXPECT_EQ(stack->networks[1].name, "public");
  EXPECT_TRUE(stack->networks[1].attachable);
  EXPECT_EQ(stack->configs[0].file, "/srv/todo/site.conf");
  EXPECT_EQ(stack->secrets[0].name, "todo_key");
}

TEST(ConvertTest, DeploySettings) {
  auto stack = Convert(R"(services:
  web:
    image: nginx
    environment: [B=2, A=1, C]
    restart: on-failure:3
    deploy:
      mode: global
      endpoint_mode: DNSRR
      labels: {tier: web}
      placement:
        preferences: [{spread: node.labels.zone}]
        max_replicas_per_node: 2
      update_config:
        delay: 10s
        order: start-first
      rollback_config:
        parallelism: 0
      resources:
        reservations:
          cpus: "1.5"
          memory: 1G
  api:
    image: example/api
    restart: always
    deploy:
      restart_policy:
        condition: on-failure
        delay: 5s
        max_attempts: 2
)");
  ASSERT_TRUE(stack.ok()) << stack.status().message();
  const ServiceSpec* web = Find(*stack, "todo_web");
  EXPECT_EQ(web->mode, ServiceMode::kGlobal);
  EXPECT_EQ(web->endpoint.mode, "dnsrr");
  EXPECT_EQ(web->labels.at("tier"), "web");
  EXPECT_EQ(web->task_template.container.env, (std::vector<std::string>{"A=1", "B=2", "C"}));
  ASSERT_TRUE(web->task_template.restart_policy.has_value());
  EXPECT_EQ(web->task_template.restart_policy->condition, "on-failure");
  EXPECT_EQ(web->task_template.restart_policy->max_attempts, 3u);
  EXPECT_EQ(web->task_template.placement.preferences, (std::vector<std::string>{"node.labels.zone"}));
  EXPECT_EQ(web->task_template.placement.max_replicas, 2u);
  EXPECT_EQ(web->task_template.resources.reservations.nano_cpus, 1500000000);
  EXPECT_EQ(web->task_template.resources.reservations.memory_bytes, 1073741824);
  ASSERT_TRUE(web->update_config.has_value());
  EXPECT_EQ(web->update_config->parallelism, 1u);  // default when the section exists
  EXPECT_EQ(web->update_config->delay, 10 * kSecond);
  EXPECT_EQ(web->update_config->order, "start-first");
  EXPECT_EQ(web->update_config->failure_action, "pause");
  EXPECT_EQ(web->rollback_config->parallelism, 0u);
  const ServiceSpec* api = Find(*stack, "todo_api");
  EXPECT_EQ(api->task_template.restart_policy->condition, "on-failure");  // deploy wins over restart:
  EXPECT_EQ(api->task_template.restart_policy->delay, 5 * kSecond);
  EXPECT_EQ(api->task_template.restart_policy->max_attempts, 2u);
}

TEST(ConvertTest, ErrorsInDockersWords) {
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n", "  ").status().message(), "invalid stack name: \"  \"");
  EXPECT_EQ(Convert("services:\n  web:\n    build: .\n").status().message(),
            "invalid image reference for service web: no image specified");
  EXPECT_EQ(Convert("services:\n  web:\n    image: Nginx\n").status().message(),
            "invalid image reference for service web: invalid reference format: repository name (library/Nginx) "
            "must be lowercase");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    secrets: [nope]\n").status().message(),
            "service web: undefined secret \"nope\"");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    configs: [nope]\n").status().message(),
            "service web: undefined config \"nope\"");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    networks: [back]\n").status().message(),
            "service web: undefined network \"back\"");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    volumes: [\"data:/d\"]\n").status().message(),
            "service web: undefined volume \"data\"");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      replicas: 2\n")
                .status()
                .message(),
            "service web: replicas can only be used with replicated or replicated-job mode");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits:\n"
                    "          cpus: \"0.0000000001\"\n")
                .status()
                .message(),
            "service web: value is too precise");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    restart: sometimes\n").status().message(),
            "service web: unknown restart policy: sometimes");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    restart: on-failure:99999999999999999999\n")
                .status()
                .message(),
            "service web: invalid restart policy format: maximum retry count must be an integer");
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    secrets:\n      - source: a\n        target: x\n"
                    "      - source: b\n        target: x\nsecrets:\n  a:\n    external: true\n  b:\n    external: true\n")
                .status()
                .message(),
            "service web: duplicate secret target for b not allowed");
}

TEST(ConvertTest, HealthcheckAsDockersConvert) {
  auto s = Convert("services:\n  web:\n    image: nginx\n    healthcheck:\n      test: curl -f http://localhost\n"
                   "      interval: 5s\n      retries: 2\n      start_period: 10s\n");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const auto& h = Find(*s, "todo_web")->task_template.container.healthcheck;
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->test, (std::vector<std::string>{"CMD-SHELL", "curl -f http://localhost"}));
  EXPECT_EQ(h->interval, 5 * kSecond);
  EXPECT_EQ(h->timeout, 0);
  EXPECT_EQ(h->start_period, 10 * kSecond);
  EXPECT_EQ(h->retries, 2u);
  s = Convert("services:\n  web:\n    image: nginx\n    healthcheck:\n      disable: true\n");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Find(*s, "todo_web")->task_template.container.healthcheck->test, std::vector<std::string>{"NONE"});
  EXPECT_EQ(Convert("services:\n  web:\n    image: nginx\n    healthcheck:\n      disable: true\n      test: [CMD, x]\n")
                .status()
                .message(),
            "service web: test and disable can't be set at the same time");
}

TEST(ConvertTest, ImageCheckAlone) {
  auto project = LoadCompose({{"/srv/a.yml", "services:\n  b:\n    image: ok\n  a:\n    image: \"\"\n"}}, {});
  ASSERT_TRUE(project.ok());
  EXPECT_EQ(CheckStackImages(*project).message(), "invalid image reference for service a: no image specified");
}

TEST(ConvertTest, ImageReferences) {
  EXPECT_EQ(*NormalizeImageReference("nginx"), "nginx:latest");
  EXPECT_EQ(*NormalizeImageReference("nginx:1.25"), "nginx:1.25");
  EXPECT_EQ(*NormalizeImageReference("docker.io/library/redis"), "redis:latest");
  EXPECT_EQ(*NormalizeImageReference("localhost:5000/app"), "localhost:5000/app:latest");
  EXPECT_EQ(*NormalizeImageReference("ghcr.io/org/app:v1"), "ghcr.io/org/app:v1");
  std::string digest = "sha256:" + std::string(64, 'a');
  EXPECT_EQ(*NormalizeImageReference("nginx@" + digest), "nginx@" + digest);
  EXPECT_EQ(NormalizeImageReference("nginx:bad tag").status().message(), "invalid reference format");
}

}  // namespace
}  // namespace swarmsim
