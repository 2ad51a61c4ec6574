// What `docker service create|update|scale|rollback` print while they wait for a
// service to converge (docker/cli's cli/command/service/progress): the overall
// count, a line per slot (replicated), per node (global) or per job task, the
// rollback notices, and the monitor period before "verify: Service X converged".
//
// docker polls every 200 ms; each poll here is one call to Poll on the cluster as it
// stands (the caller syncs the clock first), so every decision is a function of the
// cluster and of what earlier polls saw. The monitor period is measured in virtual
// time. app/ does the waiting, the printing and Ctrl-C.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/format/progress_stream.h"
#include "core/status.h"

namespace swarmsim {

// Said once (stderr) instead of waiting when virtual time cannot move by itself.
extern const char kClockPausedNotWaiting[];

// Whether waiting can see a service converge: the clock is live and the wall clock
// it follows moves (`wall_clock_fixed`: SWARMSIM_WALL_CLOCK pins it, as in tests).
// Otherwise the commands return at once, as with --detach, and say so once.
bool ClockMovesByItself(const ClockState& clock, bool wall_clock_fixed);

struct ProgressPoll {
  std::vector<ProgressLine> lines;  // to show, in order
  bool done = false;                // stop polling
  Status error;                     // set when done: the wait failed (exit 1)
};

// One wait for one service. Not thread-safe; one instance per wait.
class ServiceProgress {
 public:
  // `service_ref` as the command was given it (ID, name or ID prefix): the verify
  // line names it so.
  explicit ServiceProgress(std::string service_ref) : ref_(std::move(service_ref)) {}

  // One poll of docker's loop against `state` at state->clock.now. Reads only.
  // Errors (done, with error): the service is gone; its update or rollback paused
  // ("service update paused: MESSAGE", "service rollback paused: MESSAGE").
  ProgressPoll Poll(ClusterState* state);

  // What docker prints when Ctrl-C stops the wait (nothing once converged).
  std::vector<ProgressLine> Interrupted() const;

 private:
  enum class Kind { kUnknown, kReplicated, kGlobal, kReplicatedJob, kGlobalJob };

  void Start(const Service& service);
  bool UpdateReplicated(const Service& service, const std::vector<const Task*>& tasks,
                        const std::set<std::string>& active_nodes, std::vector<ProgressLine>* out);
  bool UpdateGlobal(const std::vector<const Task*>& tasks, const std::set<std::string>& active_nodes,
                    std::vector<ProgressLine>* out);
  bool UpdateReplicatedJob(const std::vector<const Task*>& tasks, std::vector<ProgressLine>* out);
  bool UpdateGlobalJob(const Service& service, const std::vector<const Task*>& tasks,
                       const std::set<std::string>& active_nodes, std::vector<ProgressLine>* out);
  void OverallProgress(int running, int total, std::vector<ProgressLine>* out) const;
  void JobProgress(int active, int completed, std::vector<ProgressLine>* out) const;

  const std::string ref_;
  Kind kind_ = Kind::kUnknown;

  // docker's ServiceProgress loop.
  bool converged_ = false;
  std::optional<Time> converged_at_;
  bool rollback_ = false;
  std::optional<ProgressLine> closing_message_;  // "rollback: rollback completed"

  // The mode's progress updater.
  bool initialized_ = false;
  bool done_ = false;                     // replicated, global: all running once
  std::map<uint64_t, int> slot_rows_;     // replicated: slot -> row (1-based), as first seen
  uint64_t job_iteration_ = 0;            // replicated job: the iteration watched
  int job_total_ = 0, job_concurrent_ = 0;
  std::set<std::string> job_nodes_;       // global job: the nodes it started on
};

}  // namespace swarmsim
