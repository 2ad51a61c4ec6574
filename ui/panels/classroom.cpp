// The classroom layout: a fixed arrangement that fills the display, so a projector
// of any size shows the same picture: board top-left, inspector top-right,
// timeline and console along the bottom.
#include <algorithm>
#include <string>

#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/view/task_history.h"

namespace swarmsim::ui {

namespace {

void DrawMenuBar(UiState* ui) {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::TextUnformatted(Tr(Str::kAppTitle));
  ImGui::Separator();
  if (ImGui::BeginMenu(Tr(Str::kView))) {
    ImGui::MenuItem(Tr(Str::kBoard), nullptr, &ui->open.board);
    ImGui::MenuItem(Tr(Str::kTimeline), nullptr, &ui->open.timeline);
    ImGui::MenuItem(Tr(Str::kInspector), nullptr, &ui->open.inspector);
    ImGui::MenuItem(Tr(Str::kConsole), nullptr, &ui->open.console);
    ImGui::MenuItem(language() == Lang::kKorean ? "레슨" : "Lesson", nullptr, &ui->open.lesson);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr(Str::kLanguage))) {
    if (ImGui::MenuItem("English", nullptr, language() == Lang::kEnglish)) SetLanguage(Lang::kEnglish);
    if (ImGui::MenuItem("한국어", nullptr, language() == Lang::kKorean)) SetLanguage(Lang::kKorean);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr(Str::kZoom))) {
    for (float z : {0.75f, 1.0f, 1.25f, 1.5f, 2.0f}) {
      std::string label = std::to_string(int(z * 100 + 0.5f)) + "%";
      if (ImGui::MenuItem(label.c_str(), nullptr, ui->zoom == z)) ui->zoom = z;
    }
    ImGui::EndMenu();
  }
  // Quick switches: visible without opening a menu, for the teacher at the desk.
  ImGui::Separator();
  if (ImGui::SmallButton(language() == Lang::kKorean ? "EN" : "한")) {
    SetLanguage(language() == Lang::kKorean ? Lang::kEnglish : Lang::kKorean);
  }
  if (ImGui::SmallButton(" - ") && ui->zoom > 0.6f) ui->zoom -= 0.25f;
  if (ImGui::SmallButton(" + ") && ui->zoom < 2.9f) ui->zoom += 0.25f;
  ImGui::EndMainMenuBar();
}

void Place(float x, float y, float w, float h) {
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
}

}  // namespace

void DrawClassroom(const Frame& frame, UiState* ui) {
  if (const Task* newest = NewestTask(*frame.state)) {
    // The first state seen only sets the mark: what existed is not "new".
    if (ui->newest_seen_set && ui->follow_new_tasks && newest->created_at > ui->newest_seen) {
      ui->selected_task = newest->id;
      ui->selected_node.clear();
    }
    ui->newest_seen = std::max(ui->newest_seen, newest->created_at);
  }
  ui->newest_seen_set = true;
  DrawMenuBar(ui);
  ImVec2 display = ImGui::GetIO().DisplaySize;
  float top = ImGui::GetFrameHeight();
  float h = display.y - top;
  float right_w = ui->open.inspector ? display.x * 0.34f : 0;
  float bottom_h = (ui->open.timeline || ui->open.console) ? h * 0.34f : 0;
  float timeline_w = ui->open.console ? display.x * 0.42f : display.x;
  if (!ui->open.timeline) timeline_w = 0;

  Place(0, top, display.x - right_w, h - bottom_h);
  if (ui->open.board) DrawBoard(frame, ui, &ui->open.board);
  // A lesson takes the right column's upper part; the inspector keeps the rest.
  float lesson_h = ui->open.lesson ? (h - bottom_h) * (ui->open.inspector ? 0.65f : 1.0f) : 0;
  float lesson_w = right_w > 0 ? right_w : display.x * 0.34f;
  Place(display.x - lesson_w, top, lesson_w, lesson_h);
  if (ui->open.lesson) DrawLesson(frame, ui, &ui->open.lesson);
  Place(display.x - right_w, top + lesson_h, right_w, h - bottom_h - lesson_h);
  if (ui->open.inspector) DrawInspector(frame, ui, &ui->open.inspector);
  Place(0, top + h - bottom_h, timeline_w, bottom_h);
  if (ui->open.timeline) DrawTimeline(frame, ui, &ui->open.timeline);
  Place(timeline_w, top + h - bottom_h, display.x - timeline_w, bottom_h);
  if (ui->open.console) DrawConsole(frame, ui, &ui->open.console);
}

void Select(UiState* ui, Pick what, const std::string& id) {
  ui->selected_task = what == Pick::kTask ? id : "";
  ui->selected_node = what == Pick::kNode ? id : "";
  ui->selected_volume = what == Pick::kVolume ? id : "";
  ui->selected_config = what == Pick::kConfig ? id : "";
  ui->selected_secret = what == Pick::kSecret ? id : "";
}

bool IsSelected(const UiState& ui, const PickTarget& target) {
  switch (target.what) {
    case Pick::kTask: return ui.selected_task == target.id;
    case Pick::kNode: return ui.selected_node == target.id;
    case Pick::kVolume: return ui.selected_volume == target.id;
    case Pick::kConfig: return ui.selected_config == target.id;
    case Pick::kSecret: return ui.selected_secret == target.id;
  }
  return false;
}

bool SelectableRow(const char* id, bool selected) {
  float x = ImGui::GetCursorPosX();
  bool clicked = ImGui::Selectable(id, selected, ImGuiSelectableFlags_AllowItemOverlap);
  ImGui::SameLine();
  ImGui::SetCursorPosX(x);
  return clicked;
}

namespace {

std::string ShownCommand(const std::vector<std::string>& args) {
  std::string shown = "$ swarmsim";
  for (const std::string& a : args) shown += " " + (a.find(' ') != std::string::npos ? "'" + a + "'" : a);
  return shown;
}

}  // namespace

void LogCommand(UiState* ui, const std::vector<std::string>& args, const CommandOutput& out) {
  ui->console.lines.push_back({ConsoleLine::kCommand, ShownCommand(args)});
  if (!out.out.empty()) ui->console.lines.push_back({ConsoleLine::kOut, out.out});
  if (!out.err.empty()) {
    ui->console.lines.push_back({out.exit_code == 0 ? ConsoleLine::kNote : ConsoleLine::kErr, out.err});
  }
  ui->console.scroll_to_bottom = true;
}

CommandOutput RunAndLog(const Frame& frame, UiState* ui, const std::vector<std::string>& args) {
  if (frame.rewound) {  // the past is read-only
    ui->console.lines.push_back({ConsoleLine::kCommand, ShownCommand(args)});
    ui->console.lines.push_back({ConsoleLine::kErr, Tr(Str::kReadOnlyRefused)});
    ui->console.scroll_to_bottom = true;
    return CommandOutput{"", Tr(Str::kReadOnlyRefused), 1};
  }
  CommandOutput out = frame.run ? frame.run(args) : CommandOutput{"", "", 1};
  LogCommand(ui, args, out);
  ui->refresh_now = true;
  return out;
}

}  // namespace swarmsim::ui
