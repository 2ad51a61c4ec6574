#include "ui/panels/theme.h"

namespace swarmsim::ui {

namespace {

ImU32 WithAlpha(ImU32 c, float alpha) {
  ImU32 a = ImU32(((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

}  // namespace

ImU32 ServiceColor(int service_index, float alpha) {
  static constexpr ImU32 kPalette[] = {
      IM_COL32(76, 155, 232, 255),  IM_COL32(232, 128, 60, 255), IM_COL32(166, 110, 230, 255),
      IM_COL32(46, 190, 170, 255),  IM_COL32(230, 96, 160, 255), IM_COL32(200, 190, 70, 255),
      IM_COL32(120, 200, 90, 255),  IM_COL32(150, 150, 230, 255),
  };
  constexpr int n = sizeof(kPalette) / sizeof(kPalette[0]);
  return WithAlpha(kPalette[((service_index % n) + n) % n], alpha);
}

ImU32 StateColor(TaskState state, float alpha) {
  ImU32 c;
  if (state < TaskState::kPreparing) c = IM_COL32(255, 176, 64, 255);          // new..accepted
  else if (state == TaskState::kPreparing) c = IM_COL32(90, 170, 255, 255);
  else if (state < TaskState::kRunning) c = IM_COL32(80, 220, 230, 255);       // ready, starting
  else if (state == TaskState::kRunning) c = IM_COL32(92, 210, 120, 255);
  else if (state == TaskState::kComplete) c = IM_COL32(150, 190, 160, 255);
  else if (state == TaskState::kShutdown) c = IM_COL32(150, 156, 168, 255);
  else if (state == TaskState::kFailed || state == TaskState::kRejected) c = IM_COL32(240, 84, 84, 255);
  else c = IM_COL32(120, 120, 130, 255);  // remove, orphaned
  return WithAlpha(c, alpha);
}

ImU32 NodeStateColor(NodeState state) {
  switch (state) {
    case NodeState::kReady: return kGood;
    case NodeState::kDown: return kBad;
    default: return kWarn;
  }
}

ImU32 AvailabilityColor(NodeAvailability availability) {
  switch (availability) {
    case NodeAvailability::kActive: return kGood;
    case NodeAvailability::kPause: return kWarn;
    case NodeAvailability::kDrain: return IM_COL32(200, 120, 255, 255);
  }
  return kWarn;
}

void ApplyTheme(ImGuiStyle* style) {
  ImGui::StyleColorsDark(style);
  style->WindowRounding = 6;
  style->ChildRounding = 6;
  style->FrameRounding = 5;
  style->GrabRounding = 5;
  style->TabRounding = 5;
  style->WindowPadding = ImVec2(12, 10);
  style->FramePadding = ImVec2(10, 6);
  style->ItemSpacing = ImVec2(10, 7);
  style->CellPadding = ImVec2(8, 4);
  style->ScrollbarSize = 16;
  style->AntiAliasedFill = false;
  ImVec4* c = style->Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.13f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TitleBg] = ImVec4(0.13f, 0.15f, 0.19f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.17f, 0.22f, 0.32f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.12f, 0.13f, 0.17f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.22f, 0.30f, 0.45f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.30f, 0.42f, 0.62f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.36f, 0.50f, 0.75f, 1.0f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
}

}  // namespace swarmsim::ui
