#include "core/store/event_runs.h"

#include <nlohmann/json.hpp>

#include "core/store/json_text.h"

namespace swarmsim {

namespace {

bool SameKeys(const EventAttributes& a, const EventAttributes& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (i->first != j->first) return false;
  }
  return true;
}

// Like events may share a row. The actor is checked apart (LikeActor).
bool LikeEvents(const Event& a, const Event& b) {
  return a.time == b.time && a.type == b.type && a.action == b.action && SameKeys(a.attributes, b.attributes);
}

// Actors go into the run text as JSON strings; one that is not UTF-8 would come
// back changed, so its event keeps a row of its own (its actor_id column is kept as is).
bool LikeActor(const Event& e) { return IsValidUtf8(e.actor_id); }

}  // namespace

std::vector<EventRun> SplitEventRuns(const std::vector<Event>& events) {
  std::vector<EventRun> runs;
  size_t begin = 0;
  while (begin < events.size()) {
    const Event& first = events[begin];
    size_t end = begin + 1;
    if (LikeActor(first)) {
      while (end < events.size() && end - begin < kMaxEventRun && LikeEvents(first, events[end]) &&
             LikeActor(events[end])) {
        ++end;
      }
    }
    EventRun run;
    run.begin = begin;
    run.end = end;
    // The events of a run have the same keys in the same order, so a key is at
    // the same position in each.
    size_t k = 0;
    for (auto a = first.attributes.begin(); a != first.attributes.end(); ++a, ++k) {
      for (size_t i = begin + 1; i < end; ++i) {
        if ((events[i].attributes.begin() + k)->second != a->second) {
          run.varying.push_back(a->first);
          break;
        }
      }
    }
    runs.push_back(std::move(run));
    begin = end;
  }
  return runs;
}

EventAttributes SharedAttributes(const std::vector<Event>& events, const EventRun& run) {
  EventAttributes shared = events[run.begin].attributes;
  for (const auto& key : run.varying) shared.erase(key);
  return shared;
}

std::string EventRunText(const std::vector<Event>& events, const EventRun& run) {
  // Positions of the varying keys (the same in every event of the run).
  const EventAttributes& first = events[run.begin].attributes;
  std::vector<size_t> at;
  at.reserve(run.varying.size());
  for (const auto& key : run.varying) at.push_back(static_cast<size_t>(first.find(key) - first.begin()));
  std::string out = "[[";
  for (size_t k = 0; k < run.varying.size(); ++k) {
    if (k) out.push_back(',');
    AppendJsonString(&out, run.varying[k]);
  }
  out.push_back(']');
  for (size_t i = run.begin; i < run.end; ++i) {
    const Event& e = events[i];
    out += ",[";
    AppendJsonString(&out, e.actor_id);
    for (size_t k : at) {
      out.push_back(',');
      AppendJsonString(&out, (e.attributes.begin() + k)->second);
    }
    out.push_back(']');
  }
  out.push_back(']');
  return out;
}

bool ExpandEventRun(const Event& head, std::string_view text, size_t count, uint64_t after_seq,
                    std::vector<Event>* out) {
  using nlohmann::json;
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_array() || j.size() != count + 1 || !j[0].is_array()) return false;
  const json& keys = j[0];
  for (const auto& k : keys) {
    if (!k.is_string()) return false;
  }
  for (size_t i = 1; i <= count; ++i) {
    const json& row = j[i];
    if (!row.is_array() || row.size() != keys.size() + 1) return false;
    for (const auto& v : row) {
      if (!v.is_string()) return false;
    }
  }
  for (size_t i = 1; i <= count; ++i) {
    uint64_t seq = head.seq + i - 1;
    if (seq <= after_seq) continue;
    const json& row = j[i];
    Event e;
    e.seq = seq;
    e.time = head.time;
    e.type = head.type;
    e.action = head.action;
    e.actor_id = row[0].get<std::string>();
    e.attributes = head.attributes;
    for (size_t k = 0; k < keys.size(); ++k) {
      e.attributes[keys[k].get<std::string>()] = row[k + 1].get<std::string>();
    }
    out->push_back(std::move(e));
  }
  return true;
}

}  // namespace swarmsim
