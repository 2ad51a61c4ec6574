// Pipeline: runs swarm's filters against nodes for one task (swarmkit's pipeline.go).
//
// Two ways to run it:
//   * Process(node) is swarm's: it stops at the first failing filter and charges
//     that filter one failure; a node that passes resets every counter. Explain()
//     turns the counters into swarm's message.
//   * Evaluate(node) is ours, for the explain table: every filter's verdict and
//     reason, without touching the counters.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/model/decision.h"
#include "core/model/task.h"
#include "core/scheduler/filters.h"
#include "core/scheduler/node_info.h"

namespace swarmsim {

class Pipeline {
 public:
  Pipeline();  // swarm's filters, in swarm's order

  // Sets every filter up for `task` and zeroes the counters.
  // REQUIRES: `task` outlives the calls until the next SetTask.
  void SetTask(const Task& task);

  // True when `node` passes every enabled filter (swarm counting, see above).
  bool Process(const NodeInfo& node);

  // The filters with failures, most failures first (ties in pipeline order), each as
  // its Explain(count), joined with "; ". Empty when no counter is set.
  std::string Explain() const;

  // Every filter's verdict for `node`, in pipeline order; counters untouched.
  std::vector<FilterVerdict> Evaluate(const NodeInfo& node) const;

  size_t size() const { return checklist_.size(); }
  const Filter& filter(size_t i) const { return *checklist_[i].filter; }
  bool enabled(size_t i) const { return checklist_[i].enabled; }
  int failures(size_t i) const { return checklist_[i].failures; }

 private:
  struct Entry {
    std::unique_ptr<Filter> filter;
    bool enabled = false;
    int failures = 0;
  };
  std::vector<Entry> checklist_;
};

}  // namespace swarmsim
