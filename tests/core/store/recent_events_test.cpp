#include "core/store/recent_events.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/store/state_store.h"
#include "tests/core/store/store_fixture.h"

namespace swarmsim {
namespace {

using testing::ScratchDir;

// Events in plain rows and runs (like events of one instant share a row), over
// three instants; the newest n read from RecentEventsStart must be the last n of
// a full read, for any n, `after_seq` and `since`.
class RecentEventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test: ctest runs this fixture's tests in parallel.
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    auto db = Database::Open(ScratchDir("recent_events." + test) + "/cluster.db");
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(db.value());
    Time t = 100;
    for (int command = 0; command < 3; ++command, t += 100) {
      ClusterState s;
      ASSERT_TRUE(db_->Begin().ok());
      ASSERT_TRUE(LoadState(db_.get(), &s).ok());
      s.clock.now = t;
      RecordEvent(&s, "service", "create", "svc" + std::to_string(command), {{"name", "web"}});
      for (int i = 0; i < 700; ++i) {
        RecordEvent(&s, "task", "create", "task" + std::to_string(i), {{"service", "web"}});
      }
      RecordEvent(&s, "node", "update", "n1");
      ASSERT_TRUE(SaveState(db_.get(), &s).ok());
      ASSERT_TRUE(db_->Commit().ok());
    }
  }

  std::vector<uint64_t> Seqs(Time since, uint64_t after) {
    auto read = ReadEvents(db_.get(), since, INT64_MAX, after);
    EXPECT_TRUE(read.ok());
    std::vector<uint64_t> out;
    for (const Event& e : read.value()) out.push_back(e.seq);
    return out;
  }

  std::unique_ptr<Database> db_;
};

TEST_F(RecentEventsTest, TheNewestNAreTheLastNOfAFullRead) {
  for (Time since : {Time(0), Time(150), Time(300), Time(301)}) {
    for (uint64_t after : {uint64_t(0), uint64_t(1), uint64_t(650), uint64_t(702), uint64_t(1500), uint64_t(2106)}) {
      std::vector<uint64_t> all = Seqs(since, after);
      for (size_t n : {size_t(1), size_t(2), size_t(400), size_t(701), size_t(702), size_t(5000)}) {
        auto start = RecentEventsStart(db_.get(), since, after, n);
        ASSERT_TRUE(start.ok()) << start.status().message();
        std::vector<uint64_t> want(all.end() - std::min(n, all.size()), all.end());
        EXPECT_EQ(Seqs(since, start.value()), want) << "since " << since << " after " << after << " n " << n;
      }
    }
  }
}

TEST_F(RecentEventsTest, NothingNewKeepsTheStart) {
  auto start = RecentEventsStart(db_.get(), 0, 2106, 400);
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(start.value(), 2106u);
  EXPECT_TRUE(Seqs(0, start.value()).empty());
}

}  // namespace
}  // namespace swarmsim
