// Cluster database at the size of the performance target: 1,000 nodes and one
// service of 30,000 new tasks, with one decision (1,000 node verdicts, 30,000
// placements) and 30,000 events. Save must stay well under half a second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "core/store/state_store.h"
#include "tests/core/store/store_fixture.h"

namespace swarmsim {
namespace {

constexpr int kNodes = 1000;
constexpr int kTasks = 30000;

std::unique_ptr<Database> FreshDatabase(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
  auto db = Database::Open(path);
  if (!db.ok()) return nullptr;
  return std::move(db.value());
}

// One command's transaction: everything in the state is new.
void BM_SaveState(benchmark::State& bench) {
  std::string path = testing::ScratchDir("bench_save") + "/cluster.db";
  const ClusterState sample = testing::SampleCluster(kNodes, kTasks);
  for (auto _ : bench) {
    bench.PauseTiming();
    ClusterState state = sample;
    auto db = FreshDatabase(path);
    if (!db) return bench.SkipWithError("cannot open the database");
    bench.ResumeTiming();
    Status st = db->Begin();
    if (st.ok()) st = SaveState(db.get(), &state);
    if (st.ok()) st = db->Commit();
    if (!st.ok()) return bench.SkipWithError(st.message().c_str());
    bench.PauseTiming();
    db.reset();  // the checkpoint on close is not part of a command's latency
    bench.ResumeTiming();
  }
  bench.counters["tasks"] = kTasks;
}
BENCHMARK(BM_SaveState)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadState(benchmark::State& bench) {
  std::string path = testing::ScratchDir("bench_load") + "/cluster.db";
  {
    ClusterState state = testing::SampleCluster(kNodes, kTasks);
    auto db = FreshDatabase(path);
    if (!db) return bench.SkipWithError("cannot open the database");
    Status st = db->Begin();
    if (st.ok()) st = SaveState(db.get(), &state);
    if (st.ok()) st = db->Commit();
    if (!st.ok()) return bench.SkipWithError(st.message().c_str());
  }
  auto opened = Database::Open(path);
  if (!opened.ok()) return bench.SkipWithError(opened.status().message().c_str());
  Database* db = opened.value().get();
  for (auto _ : bench) {
    ClusterState state;
    Status st = db->Begin();
    if (st.ok()) st = LoadState(db, &state);
    db->Rollback();
    if (!st.ok()) return bench.SkipWithError(st.message().c_str());
    if (state.tasks.size() != kTasks) return bench.SkipWithError("wrong task count");
    benchmark::DoNotOptimize(state);
  }
  bench.counters["tasks"] = kTasks;
}
BENCHMARK(BM_LoadState)->Unit(benchmark::kMillisecond)->UseRealTime();

// A typical later command: the same cluster, 1,000 tasks changed state.
void BM_SaveSmallChange(benchmark::State& bench) {
  std::string path = testing::ScratchDir("bench_small") + "/cluster.db";
  ClusterState state = testing::SampleCluster(kNodes, kTasks);
  auto db = FreshDatabase(path);
  if (!db) return bench.SkipWithError("cannot open the database");
  Status st = db->Begin();
  if (st.ok()) st = SaveState(db.get(), &state);
  if (st.ok()) st = db->Commit();
  if (!st.ok()) return bench.SkipWithError(st.message().c_str());
  for (auto _ : bench) {
    int changed = 0;
    for (auto& [id, t] : state.tasks) {
      if (changed++ == 1000) break;
      t.status.message = "tick " + std::to_string(state.index);
      Touch(&state, &t);
    }
    st = db->Begin();
    if (st.ok()) st = SaveState(db.get(), &state);
    if (st.ok()) st = db->Commit();
    if (!st.ok()) return bench.SkipWithError(st.message().c_str());
  }
}
BENCHMARK(BM_SaveSmallChange)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace swarmsim
