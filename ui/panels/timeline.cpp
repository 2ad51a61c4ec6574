// The timeline: virtual time, live/paused, the clock buttons (each runs the same
// `swarmsim time ...` command a terminal would), and the recent event log drawn
// on the last minute of virtual time.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/format/time_format.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/panels/theme.h"

namespace swarmsim::ui {

namespace {

std::string ClockText(Time t) {
  // "10:15:42.3": the part of the instant that moves during a lesson.
  Time s = t / kSecond;
  int tenths = int((t % kSecond) / (100 * kMillisecond));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%d", int(s / 3600 % 24), int(s / 60 % 60), int(s % 60), tenths);
  return buf;
}

std::string SpeedText(double speed) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%gx", speed);
  return buf;
}

std::string Attr(const Event& e, const char* key) {
  auto it = e.attributes.find(key);
  return it == e.attributes.end() ? "" : it->second;
}

// "task web.2  running  on node2": who, what, where, in the cluster's own words.
std::string EventText(const ClusterState& state, const Event& e) {
  std::string who = Attr(e, "name");
  if (e.type == "task") {
    who = Attr(e, "service");
    if (auto it = state.tasks.find(e.actor_id); it != state.tasks.end() && it->second.slot > 0) {
      who += "." + std::to_string(it->second.slot);
    }
  } else if (e.type == "decision") {
    who = Attr(e, "service");
  }
  if (who.empty()) who = e.actor_id.substr(0, 12);
  // The type is the window's word; the action and states stay docker's.
  std::string text = EventTypeWord(e.type) + " " + who + "  " + e.action;
  for (const char* key : {"state", "desired", "state.new"}) {
    if (std::string v = Attr(e, key); !v.empty()) text += " " + v;
  }
  if (std::string node = Attr(e, "node"); !node.empty() && e.type != "swarm") {
    auto it = state.nodes.find(node);
    text += "  @ " + (it != state.nodes.end() ? it->second.description.hostname : node.substr(0, 12));
  }
  return text;
}

ImU32 EventColor(const Event& e) {
  if (e.type == "task") {
    if (auto it = e.attributes.find("state"); it != e.attributes.end()) {
      TaskState s;
      if (ParseTaskState(it->second, &s)) return StateColor(s);
    }
    return StateColor(TaskState::kRunning);
  }
  if (e.type == "node") return IM_COL32(255, 210, 90, 255);
  if (e.type == "service") return IM_COL32(200, 150, 255, 255);
  return kTextDim;
}

// One tick per event between `from` and `to` on a bar at x0..x0+w. Events at the
// same pixel collapse to one tick per colour: a 600-task deploy is hundreds of
// events in the same instant, and each tick is geometry the rasteriser pays for.
void DrawEventTicks(ImDrawList* dl, const std::deque<Event>& events, Time from, Time to, float x0, float w, float y0,
                    float y1, float thickness) {
  int last_px = -1;
  std::vector<ImU32> drawn;  // colours already ticked at last_px
  for (const Event& e : events) {
    if (e.time < from || e.time > to) continue;
    float x = x0 + w * float(double(e.time - from) / double(std::max<Time>(to - from, 1)));
    int px = int(x + 0.5f);
    ImU32 color = EventColor(e);
    if (px != last_px) {
      last_px = px;
      drawn.clear();
    }
    if (std::find(drawn.begin(), drawn.end(), color) != drawn.end()) continue;
    drawn.push_back(color);
    dl->AddLine(ImVec2(x, y0), ImVec2(x, y1), color, thickness);
  }
}

// The whole session on virtual time, from the first command to live now. Dragging
// on it shows the cluster at that instant (read-only); releasing at the right end,
// or the button, goes back to live.
void RewindBar(const Frame& frame, UiState* ui) {
  Time end = frame.live_now;
  Time start = frame.history_start > 0 && frame.history_start < end ? frame.history_start : end - 10 * kMinute;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr(Str::kRewind));
  ImGui::SameLine();
  float right_w = 0;
  std::string back = Tr(Str::kBackToLive);
  if (ui->rewinding) right_w = ImGui::CalcTextSize(back.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 +
                               ImGui::GetStyle().ItemSpacing.x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  float w = std::max(ImGui::GetContentRegionAvail().x - right_w, ImGui::GetFontSize() * 4);
  float h = ImGui::GetFrameHeight();
  ImGui::InvisibleButton("rewind", ImVec2(w, h));
  auto x_of = [&](Time t) { return p.x + w * float(double(t - start) / double(std::max<Time>(end - start, 1))); };
  ui->rewind_held = ImGui::IsItemActive();
  if (ui->rewind_held) {
    float f = std::clamp((ImGui::GetIO().MousePos.x - p.x) / w, 0.0f, 1.0f);
    if (!ui->rewinding) ui->rewind_started = true;
    ui->rewinding = true;
    ui->rewind_to = start + Time(double(end - start) * double(f));
  }
  if (ImGui::IsItemDeactivated() && ui->rewind_to >= end - (end - start) / 200) ui->rewinding = false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kBarBg, 4);
  const std::deque<Event>* all = frame.all_events ? frame.all_events : frame.events;
  if (all) DrawEventTicks(dl, *all, start, end, p.x, w, p.y + h * 0.3f, p.y + h * 0.7f, 1.5f);
  float hx = x_of(ui->rewinding ? ui->rewind_to : end);
  dl->AddRectFilled(ImVec2(hx - 3, p.y), ImVec2(hx + 3, p.y + h), ui->rewinding ? kWarn : kTextBright, 2);
  if (ui->rewinding) {
    ImGui::SameLine();
    if (ImGui::Button(back.c_str())) ui->rewinding = false;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s  %s", Tr(Str::kRewoundReadOnly),
                       ClockText(ui->rewind_to).c_str());
  }
}

}  // namespace

void DrawTimeline(const Frame& frame, UiState* ui, bool* p_open) {
  std::string title = std::string(Tr(Str::kTimeline)) + kTimelineWindow;
  if (!ImGui::Begin(title.c_str(), p_open, kTiledPanelFlags)) {
    ImGui::End();
    return;
  }
  const ClockState& clock = frame.state->clock;
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  ImGui::TextUnformatted(ClockText(frame.now).c_str());
  ImGui::SameLine();
  if (clock.paused) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s", Tr(Str::kPaused));
  } else {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kGood), "%s %s", Tr(Str::kLive), SpeedText(clock.speed).c_str());
  }
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
  // Beside the clock, so the buttons below fit on one row and the event log
  // keeps room for a step's events.
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::Checkbox(Tr(Str::kFollowNew), &ui->follow_new_tasks);

  // The past is read-only: the clock buttons wait until the timeline is live again.
  bool no_commands = !frame.state->swarm_active || frame.rewound;
  if (no_commands) ImGui::BeginDisabled();
  if (clock.paused) {
    if (ImGui::Button(Tr(Str::kResume))) RunAndLog(frame, ui, {"time", "resume"});
  } else if (ImGui::Button(Tr(Str::kPause))) {
    RunAndLog(frame, ui, {"time", "pause"});
  }
  ImGui::SameLine();
  if (ImGui::Button(Tr(Str::kStep))) RunAndLog(frame, ui, {"time", "step"});
  ImGui::SameLine();
  if (ImGui::Button(Tr(Str::kAdvance10s))) RunAndLog(frame, ui, {"time", "advance", "10s"});
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr(Str::kSpeed));
  // Narrower speed buttons: all seven fit beside the others at 1600 px.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x * 0.6f, ImGui::GetStyle().FramePadding.y));
  bool first = true;
  for (const char* s : {"0.25", "0.5", "1", "2", "5", "10", "20"}) {
    // Wrap to a second row when the panel is narrow.
    float bw = ImGui::CalcTextSize(s).x + ImGui::CalcTextSize("x").x + ImGui::GetStyle().FramePadding.x * 2;
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (first || ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + bw <= right) ImGui::SameLine();
    first = false;
    bool current = SpeedText(clock.speed) == std::string(s) + "x";
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button((std::string(s) + "x").c_str())) RunAndLog(frame, ui, {"time", "speed", s});
    if (current) ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar();
  if (no_commands) ImGui::EndDisabled();

  // The last minute of virtual time, one tick per event, coloured by what
  // happened, between its two labels on one row.
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "-60s");
  ImGui::SameLine();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float h = ImGui::GetFontSize() * 1.2f;
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += (ImGui::GetFrameHeight() - h) / 2;
  const char* now_word = language() == Lang::kKorean ? "지금" : "now";
  float now_w = ImGui::CalcTextSize(now_word).x;
  float w = std::max(ImGui::GetContentRegionAvail().x - now_w - ImGui::GetStyle().ItemSpacing.x, ImGui::GetFontSize());
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kBarBg, 4);
  const Duration window = kMinute;
  if (frame.events) DrawEventTicks(dl, *frame.events, frame.now - window, frame.now, p.x, w, p.y + 3, p.y + h - 3, 2.5f);
  dl->AddLine(ImVec2(p.x + w - 1, p.y), ImVec2(p.x + w - 1, p.y + h), kTextBright, 2);
  ImGui::Dummy(ImVec2(w, ImGui::GetFrameHeight()));
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "%s", now_word);

  RewindBar(frame, ui);

  // The newest events, newest first. A row about a task, node, volume, config or
  // secret opens it in the inspector (several tasks may appear in one step; the
  // board follows only the newest).
  ImGui::BeginChild("events", ImVec2(0, 0), false);
  if (frame.events) {
    int shown = 0;
    for (auto it = frame.events->rbegin(); it != frame.events->rend() && shown < 40; ++it, ++shown) {
      std::optional<PickTarget> target = CachedEventPick(*frame.state, *it, frame.state_serial, &ui->cache);
      ImGui::PushID(shown);
      if (target && SelectableRow("##event", IsSelected(*ui, *target))) Select(ui, target->what, target->id);
      ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
      ImGui::TextUnformatted(ClockText(it->time).c_str());
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(EventColor(*it)), "%s", EventText(*frame.state, *it).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace swarmsim::ui
