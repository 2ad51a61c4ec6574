// Dragging the window's rewind bar over the performance target's cluster: 1,000
// nodes and one service of 30,000 replicas, created on a paused clock and then
// advanced a minute (every task pulls, starts and runs in that minute). Each
// benchmark is one drag step: the cluster at a new instant.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/command/rewind.h"
#include "core/command/session.h"
#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim {
namespace {

constexpr Time kWall = 1'772'000'000LL * kSecond;

// The command log of the target cluster, built once.
const std::vector<CommandRecord>& TargetLog() {
  static const std::vector<CommandRecord> log = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "swarmsim-bench-rewind").string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    SessionOptions o;
    o.database_path = dir + "/cluster.db";
    o.wall_now = kWall;
    o.seed = 3;
    for (std::vector<std::string> args : {std::vector<std::string>{"swarm", "init"},
                                          {"time", "pause"},
                                          {"node", "add", "--count", "999"},
                                          {"service", "create", "--name", "web", "--replicas", "30000", "nginx:latest"},
                                          {"time", "advance", "1m"}}) {
      CommandOutput out = RunSessionCommand(o, args);
      if (out.exit_code != 0) return std::vector<CommandRecord>{};
    }
    auto db = Database::Open(o.database_path);
    if (!db.ok()) return std::vector<CommandRecord>{};
    auto records = ReadCommands(db.value().get());
    return records.ok() ? records.value() : std::vector<CommandRecord>{};
  }();
  return log;
}

// A rewind with every command replayed and the bar resting 20 s after the create.
Rewind Resting(Time* at) {
  Rewind rw = MakeRewind(TargetLog());
  *at = rw.records.back().time + 20 * kSecond;  // inside the last `time advance 1m`
  (void)RewindTo(&rw, *at);
  return rw;
}

// One frame of dragging right by 100 ms: the shown state is advanced in place.
void BM_RewindDragForward(benchmark::State& bench) {
  if (TargetLog().empty()) return bench.SkipWithError("cannot build the cluster");
  Time at = 0;
  Rewind rw = Resting(&at);
  for (auto _ : bench) {
    at += 100 * kMillisecond;
    auto s = RewindTo(&rw, at);
    if (!s.ok()) return bench.SkipWithError(s.status().message().c_str());
    benchmark::DoNotOptimize(s.value());
  }
}
BENCHMARK(BM_RewindDragForward)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(100);

// One frame of dragging left by 100 ms: a copy of the nearest checkpoint at or
// before the new instant (or of the state after the last command), advanced to it.
void BM_RewindDragBack(benchmark::State& bench) {
  if (TargetLog().empty()) return bench.SkipWithError("cannot build the cluster");
  Time at = 0;
  Rewind rw = Resting(&at);
  for (auto _ : bench) {
    at -= 100 * kMillisecond;
    auto s = RewindTo(&rw, at);
    if (!s.ok()) return bench.SkipWithError(s.status().message().c_str());
    benchmark::DoNotOptimize(s.value());
  }
}
BENCHMARK(BM_RewindDragBack)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

// The same by 130 ms, off the checkpoints' 100 ms grid, over two seconds: most
// steps advance from a checkpoint up to 100 ms back, some start a new run of them.
void BM_RewindDragBackOffGrid(benchmark::State& bench) {
  if (TargetLog().empty()) return bench.SkipWithError("cannot build the cluster");
  Time at = 0;
  Rewind rw = Resting(&at);
  for (auto _ : bench) {
    at -= 130 * kMillisecond;
    auto s = RewindTo(&rw, at);
    if (!s.ok()) return bench.SkipWithError(s.status().message().c_str());
    benchmark::DoNotOptimize(s.value());
  }
}
BENCHMARK(BM_RewindDragBackOffGrid)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(15);

// The same through the busy seconds: from 3 s after the create back to 1 s after
// it, while the 30,000 tasks are still pulling and starting (the stretches above
// are quiet: every task running, nothing due).
void BM_RewindDragBackBusy(benchmark::State& bench) {
  if (TargetLog().empty()) return bench.SkipWithError("cannot build the cluster");
  Rewind rw = MakeRewind(TargetLog());
  Time at = rw.records.back().time + 3 * kSecond;
  (void)RewindTo(&rw, at);
  for (auto _ : bench) {
    at -= 130 * kMillisecond;
    auto s = RewindTo(&rw, at);
    if (!s.ok()) return bench.SkipWithError(s.status().message().c_str());
    benchmark::DoNotOptimize(s.value());
  }
}
BENCHMARK(BM_RewindDragBackBusy)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(15);

// Dragging right through the same busy seconds, 100 ms a step from the create.
void BM_RewindDragForwardBusy(benchmark::State& bench) {
  if (TargetLog().empty()) return bench.SkipWithError("cannot build the cluster");
  Rewind rw = MakeRewind(TargetLog());
  Time at = rw.records.back().time;
  (void)RewindTo(&rw, at);
  for (auto _ : bench) {
    at += 100 * kMillisecond;
    auto s = RewindTo(&rw, at);
    if (!s.ok()) return bench.SkipWithError(s.status().message().c_str());
    benchmark::DoNotOptimize(s.value());
  }
}
BENCHMARK(BM_RewindDragForwardBusy)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(30);

}  // namespace
}  // namespace swarmsim
