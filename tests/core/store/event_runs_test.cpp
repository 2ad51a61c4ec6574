#include "core/store/event_runs.h"

#include <gtest/gtest.h>

#include "core/store/json_text.h"

namespace swarmsim {
namespace {

Event Make(Time time, std::string type, std::string action, std::string actor,
           std::map<std::string, std::string> attributes) {
  Event e;
  e.time = time;
  e.type = std::move(type);
  e.action = std::move(action);
  e.actor_id = std::move(actor);
  e.attributes = std::move(attributes);
  return e;
}

void ExpectSameEvent(const Event& a, const Event& b) {
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.time, b.time);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.action, b.action);
  EXPECT_EQ(a.actor_id, b.actor_id);
  EXPECT_EQ(a.attributes, b.attributes);
}

// What the store does: every run through its row and back, seqs from 1.
std::vector<Event> ThroughRows(std::vector<Event> events, uint64_t after_seq = 0) {
  for (size_t i = 0; i < events.size(); ++i) events[i].seq = i + 1;
  std::vector<Event> out;
  for (const auto& run : SplitEventRuns(events)) {
    const Event& first = events[run.begin];
    if (run.end - run.begin == 1) {
      if (first.seq > after_seq) out.push_back(first);
      continue;
    }
    Event head = first;
    head.actor_id.clear();
    head.attributes = SharedAttributes(events, run);
    EXPECT_TRUE(ExpandEventRun(head, EventRunText(events, run), run.end - run.begin, after_seq, &out));
  }
  return out;
}

TEST(EventRunsTest, LikeEventsAtOneInstantFormOneRun) {
  std::vector<Event> events;
  for (int i = 0; i < 5; ++i) {
    events.push_back(Make(7, "task", "create", "task" + std::to_string(i),
                          {{"service", "web"}, {"slot", std::to_string(i + 1)}, {"node", i % 2 ? "n1" : "n2"}}));
  }
  auto runs = SplitEventRuns(events);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].begin, 0u);
  EXPECT_EQ(runs[0].end, 5u);
  EXPECT_EQ(runs[0].varying, (std::vector<std::string>{"node", "slot"}));
  EXPECT_EQ(SharedAttributes(events, runs[0]), (EventAttributes{{"service", "web"}}));
  EXPECT_EQ(EventRunText(events, runs[0]),
            R"([["node","slot"],["task0","n2","1"],["task1","n1","2"],["task2","n2","3"],["task3","n1","4"],)"
            R"(["task4","n2","5"]])");
}

TEST(EventRunsTest, TimeTypeActionOrKeysEndARun) {
  std::vector<Event> events = {
      Make(1, "task", "state", "a", {{"state", "pending"}}),
      Make(1, "task", "state", "b", {{"state", "pending"}}),
      Make(2, "task", "state", "c", {{"state", "pending"}}),            // later
      Make(2, "node", "state", "d", {{"state", "pending"}}),            // another type
      Make(2, "node", "update", "e", {{"state", "pending"}}),           // another action
      Make(2, "node", "update", "f", {{"state", "x"}, {"err", "y"}}),   // other keys
      Make(2, "node", "update", "g", {{"state", "x"}, {"err", "y"}}),
  };
  auto runs = SplitEventRuns(events);
  std::vector<std::pair<size_t, size_t>> spans;
  for (const auto& r : runs) spans.emplace_back(r.begin, r.end);
  EXPECT_EQ(spans, (std::vector<std::pair<size_t, size_t>>{{0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 7}}));
  EXPECT_TRUE(runs[0].varying.empty());
  EXPECT_EQ(EventRunText(events, runs[0]), R"([[],["a"],["b"]])");
}

TEST(EventRunsTest, RunsStopAtTheLimit) {
  std::vector<Event> events(kMaxEventRun * 2 + 3, Make(5, "task", "state", "t", {{"state", "running"}}));
  auto runs = SplitEventRuns(events);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].end, kMaxEventRun);
  EXPECT_EQ(runs[1].end, 2 * kMaxEventRun);
  EXPECT_EQ(runs[2].end, events.size());
}

TEST(EventRunsTest, AnActorThatIsNotUtf8KeepsARowOfItsOwn) {
  std::vector<Event> events = {
      Make(1, "image", "load", "ok1", {}),
      Make(1, "image", "load", std::string("bad\xff", 4), {}),
      Make(1, "image", "load", "ok2", {}),
      Make(1, "image", "load", "ok3", {}),
  };
  auto runs = SplitEventRuns(events);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[1].end - runs[1].begin, 1u);
  auto back = ThroughRows(events);
  ASSERT_EQ(back.size(), events.size());
  EXPECT_EQ(back[1].actor_id, std::string("bad\xff", 4));
}

TEST(EventRunsTest, ExpandingGivesBackEveryEventExactly) {
  std::vector<Event> events;
  for (int i = 0; i < 40; ++i) {
    std::map<std::string, std::string> attrs{{"state", "assigned"}, {"message", "scheduler assigned task to node"},
                                             {"service", "web"}, {"node", "node" + std::to_string(i % 3)}};
    if (i == 7) attrs["node"] = "quote\" backslash\\ newline\n é";  // escapes survive
    events.push_back(Make(100 + i / 10, "task", "state", "id" + std::to_string(i), attrs));
  }
  events.push_back(Make(200, "service", "create", "svc", {{"name", "web"}}));
  events.push_back(Make(200, "task", "remove", "x", {{"service", "web"}}));
  events.push_back(Make(200, "task", "remove", "y", {{"service", "web"}}));
  auto back = ThroughRows(events);
  ASSERT_EQ(back.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].seq = i + 1;
    ExpectSameEvent(back[i], events[i]);
  }

  // After a seq inside a run: only the run's later events.
  auto after = ThroughRows(events, 15);
  ASSERT_EQ(after.size(), events.size() - 15);
  EXPECT_EQ(after.front().seq, 16u);
  ExpectSameEvent(after.front(), events[15]);
}

TEST(EventRunsTest, TextThatIsNotARunIsRefused) {
  Event head = Make(1, "task", "state", "", {{"state", "new"}});
  head.seq = 10;
  std::vector<Event> out;
  EXPECT_FALSE(ExpandEventRun(head, "not json", 2, 0, &out));
  EXPECT_FALSE(ExpandEventRun(head, R"([["node"],["a","n1"]])", 2, 0, &out));          // one event, not two
  EXPECT_FALSE(ExpandEventRun(head, R"([["node"],["a","n1"],["b"]])", 2, 0, &out));     // a value missing
  EXPECT_FALSE(ExpandEventRun(head, R"([["node"],["a","n1"],["b",3]])", 2, 0, &out));   // not a string
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(ExpandEventRun(head, R"([["node"],["a","n1"],["b","n2"]])", 2, 0, &out));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].seq, 11u);
  EXPECT_EQ(out[1].actor_id, "b");
  EXPECT_EQ(out[1].attributes, (EventAttributes{{"node", "n2"}, {"state", "new"}}));
}

}  // namespace
}  // namespace swarmsim
