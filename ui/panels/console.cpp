// The console: an input line that runs swarmsim commands through the same
// session code as the CLI (one transaction each) and shows their output.
#include <string>

#include "ui/i18n.h"
#include "ui/panels/panels.h"
// After imgui.h (panels.h), which defines IMGUI_API.
#include <imgui_stdlib.h>
#include "ui/panels/theme.h"
#include "ui/view/command_line.h"

namespace swarmsim::ui {

namespace {

constexpr size_t kMaxConsoleLines = 500;

}  // namespace

void DrawConsole(const Frame& frame, UiState* ui, bool* p_open) {
  std::string title = std::string(Tr(Str::kConsole)) + kConsoleWindow;
  if (!ImGui::Begin(title.c_str(), p_open, kTiledPanelFlags)) {
    ImGui::End();
    return;
  }
  ConsoleState& c = ui->console;
  float input_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("output", ImVec2(0, -input_h), true, ImGuiWindowFlags_HorizontalScrollbar);
  if (frame.fonts && frame.fonts->mono) ImGui::PushFont(frame.fonts->mono);
  for (const ConsoleLine& line : c.lines) {
    ImU32 color = line.kind == ConsoleLine::kCommand ? IM_COL32(120, 200, 255, 255)
                  : line.kind == ConsoleLine::kErr   ? kBad
                  : line.kind == ConsoleLine::kNote  ? kTextDim
                                                     : kTextBright;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    // docker's tables keep their columns (scroll sideways); commands, errors and
    // notices wrap: the error is often the point of a lesson's step.
    if (line.kind == ConsoleLine::kOut) {
      ImGui::TextUnformatted(line.text.c_str(), line.text.c_str() + line.text.size());
    } else {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(line.text.c_str(), line.text.c_str() + line.text.size());
      ImGui::PopTextWrapPos();
    }
    ImGui::PopStyleColor();
  }
  if (frame.fonts && frame.fonts->mono) ImGui::PopFont();
  if (c.scroll_to_bottom) ImGui::SetScrollHereY(1.0f);
  c.scroll_to_bottom = false;
  ImGui::EndChild();

  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(IM_COL32(120, 200, 255, 255)), "swarmsim");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize(Tr(Str::kRun)).x - ImGui::GetStyle().FramePadding.x * 4);
  bool enter = ImGui::InputText("##command", &c.input, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  bool clicked = ImGui::Button(Tr(Str::kRun));
  if (enter || clicked) {
    auto args = SplitCommandLine(c.input);
    if (!args.ok()) {
      c.lines.push_back({ConsoleLine::kErr, args.status().message() + "\n"});
    } else if (!args.value().empty()) {
      c.history.push_back(c.input);
      RunAndLog(frame, ui, args.value());
    }
    c.input.clear();
    ImGui::SetKeyboardFocusHere(-1);
  }
  if (c.lines.size() > kMaxConsoleLines) c.lines.erase(c.lines.begin(), c.lines.end() - kMaxConsoleLines);
  ImGui::End();
}

}  // namespace swarmsim::ui
