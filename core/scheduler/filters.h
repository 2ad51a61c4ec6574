// Swarm's scheduling filters (swarmkit's filter.go), one per check, in swarm's order:
// Ready, Resources, Plugin, Constraint, Platform, HostPort, MaxReplicas.
//
// A filter is set up for one task (SetTask says whether it applies at all), then
// checks nodes. Explain(n) is swarm's own text for "failed on n nodes", used in
// `no suitable node (...)`. Unlike swarm, Check can also say in plain words why a
// node failed, for the explain table.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/model/node.h"
#include "core/model/task.h"
#include "core/scheduler/constraint.h"
#include "core/scheduler/node_info.h"

namespace swarmsim {

class Filter {
 public:
  virtual ~Filter() = default;
  // "Ready", "Resources", "Plugin", "Constraint", "Platform", "HostPort", "MaxReplicas".
  virtual const char* name() const = 0;
  // Prepares the filter for `task`; returns false when it does not apply to it.
  // REQUIRES: `task` (and its spec and endpoint) outlive the following Checks.
  virtual bool SetTask(const Task& task) = 0;
  // True when `node` can take the task. When it cannot and `reason` is not null,
  // *reason says why in plain words (e.g. "node is drained", "needs 2 CPUs, 1.5 free").
  // REQUIRES: the last SetTask returned true.
  virtual bool Check(const NodeInfo& node, std::string* reason = nullptr) const = 0;
  // Swarm's text for a failure on `nodes` nodes, pluralised as swarm does.
  virtual std::string Explain(int nodes) const = 0;
};

// Node status READY and availability ACTIVE.
class ReadyFilter final : public Filter {
 public:
  const char* name() const override { return "Ready"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;
};

// Reservations (never limits) fit what is available; equality fits.
class ResourceFilter final : public Filter {
 public:
  const char* name() const override { return "Resources"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;

 private:
  Resources reservations_;
};

// Network, volume and log plugins. Applies when the task is attached to networks
// (its own or ingress); every virtual node has every plugin, so it always passes.
class PluginFilter final : public Filter {
 public:
  const char* name() const override { return "Plugin"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;
};

// Placement constraints. Applies when the task has constraints that parse (the API
// rejects the others before they get here; swarm then disables the filter).
class ConstraintFilter final : public Filter {
 public:
  const char* name() const override { return "Constraint"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;

 private:
  std::vector<Constraint> constraints_;
};

// Image platforms. Our task model carries no platforms yet, so it never applies;
// PlatformMatches holds the comparison for when it does.
class PlatformFilter final : public Filter {
 public:
  const char* name() const override { return "Platform"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;

 private:
  std::vector<Platform> platforms_;
};

// True when an image built for `wanted` runs on `node`: empty fields are wildcards,
// x86_64 is amd64 and aarch64 is arm64.
bool PlatformMatches(const Platform& wanted, const Platform& node);

// Host-mode published ports are free on the node.
class HostPortFilter final : public Filter {
 public:
  const char* name() const override { return "HostPort"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;

 private:
  const EndpointSpec* endpoint_ = nullptr;
};

// Fewer active tasks of the service on the node than max_replicas_per_node.
class MaxReplicasFilter final : public Filter {
 public:
  const char* name() const override { return "MaxReplicas"; }
  bool SetTask(const Task& task) override;
  bool Check(const NodeInfo& node, std::string* reason = nullptr) const override;
  std::string Explain(int nodes) const override;

 private:
  const std::string* service_id_ = nullptr;
  uint64_t max_ = 0;
};

// A fresh set of swarm's filters, in swarm's order.
std::vector<std::unique_ptr<Filter>> DefaultFilters();

// Human amounts for reasons: "1 CPU", "1.5 CPUs"; "512MiB", "1.5GiB", "100B".
std::string FormatCpus(int64_t nano_cpus);
std::string FormatBytes(int64_t bytes);

}  // namespace swarmsim
