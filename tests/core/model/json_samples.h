// Model objects with every field set to something other than its default, for
// round-trip tests of the JSON and the store (a field that is not carried shows).
#pragma once

#include <memory>
#include <string>

#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/model/network.h"
#include "core/model/node.h"
#include "core/model/service.h"
#include "core/model/task.h"

namespace swarmsim::testing {

// 2026-11-26T17:10:16.478803Z
constexpr Time kSampleTime = 1'795'713'016'478'803'000;

inline TaskSpec FullTaskSpec() {
  TaskSpec t;
  ContainerSpec& c = t.container;
  c.image = "diamol/ch06-todo-list:latest@sha256:ce5c";
  c.labels = {{"com.docker.stack.namespace", "todo"}, {"tier", "web"}};
  c.command = {"dotnet", "ToDoList.dll"};
  c.args = {"--urls", "http://*:80"};
  c.env = {"A=1", "B=two"};
  c.dir = "/app";
  c.user = "app";
  c.hostname = "web-{{.Task.Slot}}";
  Mount data;
  data.type = "volume";
  data.source = "todo_data";
  data.target = "/data";
  data.read_only = true;
  data.volume_labels = {{"com.docker.stack.namespace", "todo"}};
  Mount scratch;
  scratch.type = "tmpfs";
  scratch.target = "/tmp";
  c.mounts = {data, scratch};
  c.stop_grace_period = 15 * kSecond;
  c.healthcheck = HealthConfig{{"CMD-SHELL", "curl -f http://localhost/"}, 5 * kSecond, 2 * kSecond, 10 * kSecond, 3};
  FileReference config;
  config.file_name = "/app/config/config.json";
  config.uid = "1000";
  config.gid = "1001";
  config.mode = 0440;
  config.id = "0o1jhyo1g5med92qk4a5033u9";
  config.name = "todo-list-config";
  c.configs = {config};
  FileReference secret = config;
  secret.file_name = "/app/config/secrets.json";
  secret.id = "0e9tiyv1w2blspyhpkovj038f";
  secret.name = "todo-list-secret";
  c.secrets = {secret};
  t.resources.limits = {500'000'000, 104'857'600};
  t.resources.reservations = {250'000'000, 52'428'800};
  RestartPolicy rp;
  rp.condition = "on-failure";
  rp.delay = 7 * kSecond;
  rp.max_attempts = 3;
  rp.window = 2 * kMinute;
  t.restart_policy = rp;
  t.placement.constraints = {"node.labels.storage == raid", "node.role != manager"};
  t.placement.preferences = {"node.labels.zone"};
  t.placement.max_replicas = 2;
  t.networks = {{"net1", {"todo-web", "web"}}, {"net2", {}}};
  t.force_update = 4;
  return t;
}

inline EndpointSpec FullEndpointSpec() {
  EndpointSpec e;
  e.mode = "dnsrr";
  PortConfig http;
  http.name = "http";
  http.protocol = "tcp";
  http.target_port = 80;
  http.published_port = 8080;
  http.publish_mode = "ingress";
  PortConfig dns;
  dns.protocol = "udp";
  dns.target_port = 53;
  dns.published_port = 5353;
  dns.publish_mode = "host";
  e.ports = {http, dns};
  return e;
}

inline ServiceSpec FullServiceSpec() {
  ServiceSpec s;
  s.name = "todo_todo-web";
  s.labels = {{"com.docker.stack.image", "diamol/ch06-todo-list"}, {"com.docker.stack.namespace", "todo"}};
  s.task_template = FullTaskSpec();
  s.replicas = 5;
  UpdateConfig u;
  u.parallelism = 2;
  u.delay = 10 * kSecond;
  u.failure_action = "rollback";
  u.monitor = 30 * kSecond;
  u.max_failure_ratio = 0.25;
  u.order = "start-first";
  s.update_config = u;
  UpdateConfig r = u;
  r.parallelism = 0;
  r.failure_action = "continue";
  r.max_failure_ratio = 0;
  r.order = "stop-first";
  s.rollback_config = r;
  s.endpoint = FullEndpointSpec();
  return s;
}

inline Service FullService() {
  Service s;
  s.id = "6m3dk23f4qki22yhzuy1bjjqh";
  s.version = 42;
  s.created_at = kSampleTime;
  s.updated_at = kSampleTime + 1'500'000'001;
  s.spec = FullServiceSpec();
  ServiceSpec prev = FullServiceSpec();
  prev.task_template.container.image = "diamol/ch06-todo-list:v1";
  prev.mode = ServiceMode::kGlobal;
  prev.replicas = 1;  // a global spec's JSON has no replica count
  prev.update_config.reset();
  prev.rollback_config.reset();
  prev.task_template.restart_policy.reset();
  s.previous_spec = prev;
  s.spec_version = 3;
  UpdateStatus us;
  us.state = "updating";
  us.started_at = kSampleTime + kSecond;
  us.completed_at = kSampleTime + 2 * kSecond;
  us.message = "update in progress";
  s.update_status = us;
  s.wake_at = kSampleTime + 5 * kSecond;
  s.update_gate = kSampleTime + 6 * kSecond;
  s.update_failures = 1;
  return s;
}

inline Node FullNode() {
  Node n;
  n.id = "5vkg57aa3opux18dtwewh0l2q";
  n.version = 11;
  n.created_at = kSampleTime;
  n.updated_at = kSampleTime + 12;
  n.spec.labels = {{"storage", "raid"}, {"zone", "a"}};
  n.spec.role = NodeRole::kManager;
  n.spec.availability = NodeAvailability::kDrain;
  n.description.hostname = "node1";
  n.description.platform = {"aarch64", "linux"};
  n.description.resources = {4'000'000'000, 8'222'932'992};
  n.description.engine_version = "28.2.2";
  n.description.engine_labels = {{"provider", "sim"}};
  n.status.state = NodeState::kDown;
  n.status.message = "heartbeat failure";
  n.status.addr = "10.0.0.2";
  ManagerStatus ms;
  ms.leader = true;
  ms.reachability = "reachable";
  ms.addr = "10.0.0.2:2377";
  n.manager_status = ms;
  n.images = {"diamol/postgres:11.5", "diamol/ch06-todo-list:latest"};
  return n;
}

inline Task FullTask() {
  Task t;
  t.id = "15mdm827ff26ldfjchit4kwtr";
  t.version = 77;
  t.created_at = kSampleTime;
  t.updated_at = kSampleTime + 3;
  t.service_id = "6m3dk23f4qki22yhzuy1bjjqh";
  t.service_name = "todo_todo-web";
  t.slot = 2;
  t.node_id = "5vkg57aa3opux18dtwewh0l2q";
  t.spec = std::make_shared<const TaskSpec>(FullTaskSpec());
  t.endpoint = std::make_shared<const EndpointSpec>(FullEndpointSpec());
  t.spec_version = 3;
  t.desired_state = TaskState::kShutdown;
  t.status.timestamp = kSampleTime + 2;
  t.status.state = TaskState::kFailed;
  t.status.message = "started";
  t.status.err = "task: non-zero exit (1)";
  t.due_at = kSampleTime + 9;
  t.promote_at = kSampleTime + 10;
  t.decision_id = "dec1";
  return t;
}

inline Network FullNetwork() {
  Network n;
  n.id = "q2a0bgv8qde1vg1w5d0j3a9xv";
  n.version = 5;
  n.created_at = kSampleTime;
  n.updated_at = kSampleTime + 4;
  n.name = "todo_default";
  n.driver = "overlay";
  n.scope = "swarm";
  n.ingress = true;
  n.attachable = true;
  n.labels = {{"com.docker.stack.namespace", "todo"}};
  return n;
}

inline Event FullEvent() {
  Event e;
  e.time = kSampleTime;
  e.type = "task";
  e.action = "state";
  e.actor_id = "15mdm827ff26ldfjchit4kwtr";
  e.attributes = {{"state", "running"}, {"service", "todo_todo-web"}};
  return e;
}

inline Decision FullDecision() {
  Decision d;
  d.id = "dec1";
  d.time = kSampleTime;
  d.service_id = "6m3dk23f4qki22yhzuy1bjjqh";
  d.service_name = "todo_todo-web";
  d.spec_version = 3;
  NodeVerdict ok;
  ok.node_id = "n1";
  ok.hostname = "node1";
  ok.filters = {{"Ready", true, true, ""}, {"Plugin", false, true, ""}};
  ok.recent_failures = 1;
  ok.service_tasks = 2;
  ok.total_tasks = 3;
  NodeVerdict bad;
  bad.node_id = "n2";
  bad.hostname = "node2";
  bad.filters = {{"Ready", true, true, ""},
                 {"Constraint", true, false, "node.labels.storage == raid: label storage is not set"}};
  d.nodes = {ok, bad};
  d.placements = {{"t1", 1, "n1", 2, 3}, {"t2", 2, "", 0, 0}};
  d.error = "no suitable node (scheduling constraints not satisfied on 1 node)";
  return d;
}

}  // namespace swarmsim::testing
