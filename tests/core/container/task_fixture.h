// A small cluster built by hand for container, program and mesh tests: nodes,
// services and RUNNING tasks placed where the test says, no scheduler involved.
#pragma once

#include <memory>
#include <string>

#include "core/cluster/state.h"

namespace swarmsim {

class TaskFixture {
 public:
  TaskFixture() {
    s.swarm_active = true;
    s.id_seed = 7;
    s.clock.now = 1'700'000'000LL * kSecond;
  }

  Node& AddNode(const std::string& name) {
    Node n;
    n.id = NewId(&s);
    n.description.hostname = name;
    Touch(&s, &n);
    return s.nodes[n.id] = n;
  }

  Network& AddNetwork(const std::string& name) {
    Network net;
    net.id = NewId(&s);
    net.name = name;
    Touch(&s, &net);
    return s.networks[net.id] = net;
  }

  Service& AddService(const std::string& name, const TaskSpec& spec) {
    Service svc;
    svc.id = NewId(&s);
    svc.spec.name = name;
    svc.spec.task_template = spec;
    Touch(&s, &svc);
    return s.services[svc.id] = svc;
  }

  Task& AddTask(const Service& svc, const Node& node, uint64_t slot = 1) {
    Task t;
    t.id = NewId(&s);
    t.service_id = svc.id;
    t.service_name = svc.spec.name;
    t.slot = slot;
    t.node_id = node.id;
    t.spec = std::make_shared<TaskSpec>(svc.spec.task_template);
    t.status.state = TaskState::kRunning;
    Touch(&s, &t);
    return s.tasks[t.id] = t;
  }

  Config& AddBlob(BlobKind kind, const std::string& name, const std::string& data) {
    Config c;
    c.id = NewId(&s);
    c.name = name;
    c.data = data;
    Touch(&s, &c);
    return (kind == BlobKind::kSecret ? s.secrets : s.configs)[c.id] = c;
  }

  ClusterState s;
};

}  // namespace swarmsim
