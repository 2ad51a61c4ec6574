// The classroom layout: a fixed arrangement that fills the display, so a projector
// of any size shows the same picture: board top-left, inspector top-right,
// timeline and console along the bottom.
#include <algorithm>
#include <cmath>
#include <string>

#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/view/state_cache.h"

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
  ImGui::SetNextWindowSize(ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)), ImGuiCond_Always);
}

// The gap between panels, where the splitters sit.
constexpr float kGap = 6.0f;

// A bar in the gap between two panels that the teacher drags: `*fraction` (of
// `extent`) follows the mouse along the bar's axis (`sign` -1 when the panel
// measured grows the other way), within [lo, hi].
void Splitter(const char* id, ImVec2 pos, ImVec2 size, bool vertical, float extent, float sign, float lo, float hi,
              float* fraction) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
  Place(pos.x, pos.y, size.x, size.y);
  ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleVar(2);
  ImGui::InvisibleButton("##bar", size);
  bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  if (ImGui::IsItemActive() && extent > 0) {
    ImVec2 d = ImGui::GetIO().MouseDelta;
    *fraction = std::clamp(*fraction + sign * (vertical ? d.x : d.y) / extent, lo, hi);
  }
  if (hot) {
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                                              IM_COL32(120, 200, 255, 160), 2);
  }
  ImGui::End();
}

// The bottom row never gets so short that the console shows no output: its title,
// input row, sideways scrollbar and two lines at the current zoom, up to 36% of the
// height (the board keeps the rest). A fixed share of 720 pixels left a projector's
// zoom with less than one line of output.
float BottomRowFloor(float h) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float need = 2 * ImGui::GetFrameHeightWithSpacing() + 2 * ImGui::GetTextLineHeightWithSpacing() +
               style.ScrollbarSize + 4 * style.WindowPadding.y;
  return std::min(need, h * 0.36f);
}

}  // namespace

void DrawClassroom(const Frame& frame, UiState* ui) {
  if (const Task* newest = CachedNewestTask(*frame.state, frame.state_serial, &ui->cache)) {
    // The first state seen only sets the mark: what existed is not "new".
    if (ui->newest_seen_set && ui->follow_new_tasks && newest->created_at > ui->newest_seen) {
      ui->selected_task = newest->id;
      ui->selected_node.clear();
    }
    ui->newest_seen = std::max(ui->newest_seen, newest->created_at);
  }
  ui->newest_seen_set = true;
  // New fonts change every line's height: keep the console on its latest output.
  if (ui->drawn_zoom != ui->zoom) ui->console.scroll_to_bottom = true;
  ui->drawn_zoom = ui->zoom;
  DrawMenuBar(ui);
  ImVec2 display = ImGui::GetIO().DisplaySize;
  Layout& lay = ui->layout;
  float top = ImGui::GetFrameHeight();
  float h = display.y - top;
  bool right_open = ui->open.inspector || ui->open.lesson;
  bool bottom_open = ui->open.timeline || ui->open.console;
  float right_w = right_open ? std::round(display.x * lay.right) : 0;
  float bottom_h = bottom_open ? std::round(std::max(h * lay.bottom, BottomRowFloor(h))) : 0;
  float board_w = display.x - right_w - (right_open ? kGap : 0);
  float upper_h = h - bottom_h - (bottom_open ? kGap : 0);
  float timeline_w = !ui->open.timeline ? 0 : ui->open.console ? std::round(display.x * lay.timeline) : display.x;

  Place(0, top, right_open ? board_w : display.x, upper_h);
  if (ui->open.board) DrawBoard(frame, ui, &ui->open.board);
  // The right column: the lesson above, the inspector beneath, a splitter between.
  float right_x = display.x - right_w;
  bool both = ui->open.lesson && ui->open.inspector;
  float lesson_h = !ui->open.lesson ? 0
                   : ui->lesson_folded && ui->open.inspector ? ImGui::GetFrameHeight()
                   : both ? std::round((upper_h - kGap) * lay.lesson) : upper_h;
  Place(right_x, top, right_w, lesson_h);
  if (ui->open.lesson) DrawLesson(frame, ui, &ui->open.lesson);
  float inspector_y = top + lesson_h + (both ? kGap : 0);
  Place(right_x, inspector_y, right_w, top + upper_h - inspector_y);
  if (ui->open.inspector) DrawInspector(frame, ui, &ui->open.inspector);
  float bottom_y = top + h - bottom_h;
  float console_x = ui->open.timeline ? timeline_w + kGap : 0;
  Place(0, bottom_y, ui->open.console ? timeline_w : display.x, bottom_h);
  if (ui->open.timeline) DrawTimeline(frame, ui, &ui->open.timeline);
  Place(console_x, bottom_y, display.x - console_x, bottom_h);
  if (ui->open.console) DrawConsole(frame, ui, &ui->open.console);

  if (right_open) {
    Splitter("##split_right", ImVec2(board_w, top), ImVec2(kGap, upper_h), true, display.x, -1, 0.2f, 0.65f,
             &lay.right);
  }
  if (bottom_open) {
    Splitter("##split_bottom", ImVec2(0, top + upper_h), ImVec2(display.x, kGap), false, h, -1, 0.12f, 0.7f,
             &lay.bottom);
  }
  if (both && !ui->lesson_folded) {
    Splitter("##split_lesson", ImVec2(right_x, top + lesson_h), ImVec2(right_w, kGap), false, upper_h - kGap, 1,
             0.12f, 0.88f, &lay.lesson);
  }
  if (ui->open.timeline && ui->open.console) {
    Splitter("##split_console", ImVec2(timeline_w, bottom_y), ImVec2(kGap, bottom_h), true, display.x, 1, 0.2f,
             0.8f, &lay.timeline);
  }
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
