// Colours that carry meaning on the board, chosen to read from the back of a
// classroom on a projector: one hue per service, one per task state family.
#pragma once

#include <imgui.h>

#include "core/model/node.h"
#include "core/model/task.h"

namespace swarmsim::ui {

// A service's colour, by its position among the services sorted by name.
ImU32 ServiceColor(int service_index, float alpha = 1.0f);
// A task state's colour: pending amber, preparing blue, starting cyan, running
// green, shutdown grey, failed/rejected red.
ImU32 StateColor(TaskState state, float alpha = 1.0f);
ImU32 NodeStateColor(NodeState state);
ImU32 AvailabilityColor(NodeAvailability availability);

// The window's dark theme with larger rounding and padding.
void ApplyTheme(ImGuiStyle* style);

constexpr ImU32 kTextDim = IM_COL32(160, 168, 180, 255);
constexpr ImU32 kTextBright = IM_COL32(240, 244, 250, 255);
constexpr ImU32 kColumnBg = IM_COL32(34, 39, 48, 255);
constexpr ImU32 kBarBg = IM_COL32(58, 64, 76, 255);
constexpr ImU32 kReservedFill = IM_COL32(86, 156, 255, 255);
constexpr ImU32 kLimitOutline = IM_COL32(255, 196, 64, 255);
constexpr ImU32 kSelection = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kLessonChange = IM_COL32(255, 196, 61, 255);  // what the lesson step just changed
constexpr ImU32 kWarn = IM_COL32(255, 176, 64, 255);
constexpr ImU32 kBad = IM_COL32(240, 84, 84, 255);
constexpr ImU32 kGood = IM_COL32(92, 200, 120, 255);

}  // namespace swarmsim::ui
