#include "core/command/rewind.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/cluster/canonical.h"
#include "core/command/session.h"
#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim {
namespace {

constexpr Time kWall = 1'772'000'000LL * kSecond;  // 2026-02-25, any fixed instant

// A cluster database driven like the CLI, on a wall clock the test moves.
class Cluster {
 public:
  explicit Cluster(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / "swarmsim-rewind-tests" / name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.database_path = (dir_ / "cluster.db").string();
    options_.wall_now = kWall;
    options_.seed = 11;
  }

  void Run(const std::vector<std::string>& args) {
    CommandOutput out = RunSessionCommand(options_, args);
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }
  void WallAdvance(Duration d) { options_.wall_now += d; }

  // The stored cluster, brought to the wall clock as the CLI would.
  ClusterState Load() {
    auto db = Database::Open(options_.database_path).value();
    ClusterState s;
    EXPECT_TRUE(db->Begin().ok());
    EXPECT_TRUE(LoadState(db.get(), &s).ok());
    db->Rollback();
    SyncClock(&s, options_.wall_now);
    return s;
  }
  std::vector<CommandRecord> Log() {
    auto db = Database::Open(options_.database_path).value();
    return ReadCommands(db.get()).value();
  }

 private:
  std::filesystem::path dir_;
  SessionOptions options_;
};

std::string At(Rewind* rw, Time t) {
  auto s = RewindTo(rw, t);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? CanonicalState(*s.value()) : "";
}

TEST(Rewind, BeforeTheFirstCommandTheClusterIsEmpty) {
  Cluster c("empty");
  c.Run({"swarm", "init"});
  Rewind rw = MakeRewind(c.Log());
  auto s = RewindTo(&rw, RewindStart(rw) - kSecond);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s.value()->swarm_active);
  EXPECT_TRUE(s.value()->nodes.empty());
}

// On a live clock, the state rewound to any past instant is the state the CLI saw
// at that instant: captured live at several moments, then compared.
TEST(Rewind, LiveClockMatchesWhatTheClusterWasAtEachInstant) {
  Cluster c("live");
  std::vector<std::pair<Time, std::string>> seen;
  c.Run({"swarm", "init"});
  c.Run({"node", "add", "--count", "2"});
  c.Run({"service", "create", "--name", "web", "--replicas", "2", "nginx:1.25"});
  for (Duration d : {300 * kMillisecond, 700 * kMillisecond, 5 * kSecond}) {
    c.WallAdvance(d);
    ClusterState s = c.Load();
    seen.push_back({s.clock.now, CanonicalState(s)});
  }
  // (At one instant the rewound cluster has run every command of that instant.)
  c.WallAdvance(100 * kMillisecond);
  c.Run({"service", "update", "--image", "nginx:1.26", "web"});
  for (Duration d : {200 * kMillisecond, 900 * kMillisecond, 20 * kSecond}) {
    c.WallAdvance(d);
    ClusterState s = c.Load();
    seen.push_back({s.clock.now, CanonicalState(s)});
  }
  Rewind rw = MakeRewind(c.Log());
  for (const auto& [t, canonical] : seen) EXPECT_EQ(At(&rw, t), canonical) << "at " << t;
  // Backwards too, through the cache.
  for (auto it = seen.rbegin(); it != seen.rend(); ++it) EXPECT_EQ(At(&rw, it->first), it->second);
}

// A paused clock moved by `time advance 10s`: rewinding into those ten seconds
// shows the cluster part way, the same as a twin cluster advanced only that far.
TEST(Rewind, InsideATimeAdvanceIsTheClusterPartWay) {
  auto script = [](Cluster* c) {
    c->Run({"swarm", "init"});
    c->Run({"node", "add", "--count", "2"});
    c->Run({"time", "pause"});
    c->Run({"service", "create", "--name", "web", "--replicas", "3", "nginx:1.25"});
  };
  Cluster whole("whole"), part("part");
  script(&whole);
  script(&part);
  Time start = whole.Load().clock.now;
  whole.Run({"time", "advance", "10s"});
  part.Run({"time", "advance", "700ms"});
  ClusterState expected = part.Load();
  ASSERT_EQ(expected.clock.now, start + 700 * kMillisecond);

  Rewind rw = MakeRewind(whole.Log());
  EXPECT_EQ(At(&rw, start + 700 * kMillisecond), CanonicalState(expected));
  // Later than the last command: advanced there like the live cluster.
  EXPECT_EQ(At(&rw, start + 10 * kSecond), CanonicalState(whole.Load()));
}

// Four web tasks on three nodes, running, then a rolling update to nginx:1.27
// with 40 s of it done: pulls, stops and starts for a rewind to step through.
void RunRollingUpdate(Cluster* c) {
  c->Run({"swarm", "init"});
  c->Run({"node", "add", "--count", "2"});
  c->Run({"time", "pause"});
  c->Run({"service", "create", "--name", "web", "--replicas", "4", "nginx:1.25"});
  c->Run({"time", "advance", "30s"});
  c->Run({"service", "update", "--detach", "--image", "nginx:1.27", "web"});
  c->Run({"time", "advance", "40s"});
}

// Dragging right advances the state already shown instead of starting again from
// the last command; it must land on exactly the cluster a direct jump gives,
// through a rolling update with pulls, stops and starts in between.
TEST(Rewind, DraggingForwardInSmallStepsMatchesAJump) {
  Cluster c("drag");
  RunRollingUpdate(&c);
  Rewind dragged = MakeRewind(c.Log());
  Time start = RewindStart(dragged);
  int compared = 0;
  for (Time t = start; t <= start + 75 * kSecond; t += 250 * kMillisecond) {
    std::string step = At(&dragged, t);
    if ((t - start) % (5 * kSecond) != 0) continue;
    Rewind fresh = MakeRewind(c.Log());
    EXPECT_EQ(step, At(&fresh, t)) << "at +" << (t - start) / kMillisecond << " ms";
    ++compared;
  }
  EXPECT_EQ(compared, 16);
}

// Dragging left starts from the nearest checkpoint an earlier advance kept, not
// from the last command: every step must still be exactly the cluster a fresh
// rewind gives, on and off the checkpoints' grid, through a rolling update.
TEST(Rewind, DraggingBackThroughCheckpointsMatchesAJump) {
  Cluster c("dragback");
  RunRollingUpdate(&c);
  Rewind dragged = MakeRewind(c.Log());
  Time start = RewindStart(dragged);
  Time end = start + 75 * kSecond;
  (void)At(&dragged, end);  // after the last command's state has come to rest: no checkpoints needed
  int compared = 0;
  for (Time t = end; t >= start + 20 * kSecond; t -= 130 * kMillisecond) {
    std::string step = At(&dragged, t);
    EXPECT_LE(dragged.checkpoints.size(), kMaxCheckpoints);
    if (compared++ % 25 != 0) continue;
    Rewind fresh = MakeRewind(c.Log());
    EXPECT_EQ(step, At(&fresh, t)) << "at +" << (t - start) / kMillisecond << " ms";
  }
  EXPECT_GT(compared, 300);
  EXPECT_FALSE(dragged.checkpoints.empty());  // made on the way through the rolling update
}

// Where nothing happens (every task running, nothing due), a step to the left is
// the state shown with its clock moved back: no copy, no re-simulation.
TEST(Rewind, DraggingBackThroughAQuietStretchMovesOnlyTheClock) {
  Cluster c("quiet");
  c.Run({"swarm", "init"});
  c.Run({"node", "add", "--count", "2"});
  c.Run({"time", "pause"});
  c.Run({"service", "create", "--name", "web", "--replicas", "4", "nginx:1.25"});
  c.Run({"time", "advance", "1m"});
  Rewind dragged = MakeRewind(c.Log());
  Time start = RewindStart(dragged);
  const ClusterState* shown = RewindTo(&dragged, start + 50 * kSecond).value();
  EXPECT_LT(dragged.cached_since, start + 10 * kSecond);  // all running within seconds
  for (Time t = start + 50 * kSecond; t >= start + 20 * kSecond; t -= 130 * kMillisecond) {
    std::string step = At(&dragged, t);
    EXPECT_EQ(RewindTo(&dragged, t).value(), shown);
    EXPECT_EQ(dragged.cached.clock.now, t);
    if ((t - start) % (10 * kSecond) >= 130 * kMillisecond) continue;
    Rewind fresh = MakeRewind(c.Log());
    EXPECT_EQ(step, At(&fresh, t)) << "at +" << (t - start) / kMillisecond << " ms";
  }
}

TEST(Rewind, TheSameInstantTwiceIsServedFromTheCache) {
  Cluster c("cache");
  c.Run({"swarm", "init"});
  c.Run({"time", "pause"});
  Rewind rw = MakeRewind(c.Log());
  const ClusterState* a = RewindTo(&rw, RewindStart(rw) + kSecond).value();
  const ClusterState* b = RewindTo(&rw, RewindStart(rw) + kSecond).value();
  EXPECT_EQ(a, b);
  EXPECT_EQ(rw.after.size(), 2u);  // each command replayed once
}

}  // namespace
}  // namespace swarmsim
