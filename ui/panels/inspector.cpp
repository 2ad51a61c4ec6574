// The inspector: the selected task (spec, the slot's state history, its
// scheduling decision as a node x filter table) or the selected node.
#include <string>

#include "core/format/human_duration.h"
#include "core/format/size.h"
#include "core/scheduler/explain.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/panels/theme.h"
#include "ui/view/decision_view.h"
#include "ui/view/task_history.h"

namespace swarmsim::ui {

namespace {

void Field(const char* name, const std::string& value) {
  ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
  ImGui::TextUnformatted(name);
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  ImGui::TextWrapped("%s", value.c_str());
}

std::string Ago(Time now, Time t) { return HumanDuration(now - t) + " ago"; }

std::string Cpus(int64_t nano) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", double(nano) / 1e9);
  return buf;
}

void MonoText(const Frame& frame, const std::string& text) {
  if (frame.fonts && frame.fonts->mono) ImGui::PushFont(frame.fonts->mono);
  ImGui::TextUnformatted(text.c_str());
  if (frame.fonts && frame.fonts->mono) ImGui::PopFont();
}

void TaskSpecSection(const Task& task) {
  if (!task.spec) return;
  const TaskSpec& spec = *task.spec;
  Field(Tr(Str::kImage), spec.container.image);
  if (!spec.container.command.empty() || !spec.container.args.empty()) {
    std::string cmd;
    for (const auto& s : spec.container.command) cmd += s + " ";
    for (const auto& s : spec.container.args) cmd += s + " ";
    Field(Tr(Str::kCommand), cmd);
  }
  if (!spec.container.env.empty()) {
    std::string env;
    for (const auto& e : spec.container.env) env += (env.empty() ? "" : "\n") + e;
    Field(Tr(Str::kEnv), env);
  }
  const ResourceRequirements& r = spec.resources;
  if (!r.reservations.empty() || !r.limits.empty()) {
    std::string text = std::string(Tr(Str::kReserved)) + " " + Cpus(r.reservations.nano_cpus) + " CPU, " +
                       HumanSize(double(r.reservations.memory_bytes)) + "  /  " + Tr(Str::kLimits) + " " +
                       Cpus(r.limits.nano_cpus) + " CPU, " + HumanSize(double(r.limits.memory_bytes));
    Field(Tr(Str::kResources), text);
  }
  if (!spec.placement.constraints.empty()) {
    std::string c;
    for (const auto& s : spec.placement.constraints) c += (c.empty() ? "" : "\n") + s;
    Field(Tr(Str::kConstraints), c);
  }
}

void HistorySection(const Frame& frame, const Task& task, UiState* ui) {
  std::vector<const Task*> history = SlotHistory(*frame.state, task);
  if (!ImGui::BeginTable("history", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(Tr(Str::kNode));
  ImGui::TableSetupColumn(Tr(Str::kDesired));
  ImGui::TableSetupColumn(Tr(Str::kState));
  ImGui::TableSetupColumn(Tr(Str::kError));
  ImGui::TableHeadersRow();
  for (const Task* t : history) {
    ImGui::TableNextRow();
    if (t->id == task.id) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(60, 90, 140, 120));
    ImGui::TableNextColumn();
    auto node = frame.state->nodes.find(t->node_id);
    std::string host = node != frame.state->nodes.end() ? node->second.description.hostname : "";
    ImGui::PushID(t->id.c_str());
    if (ImGui::Selectable(host.empty() ? "-" : host.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
      ui->selected_task = t->id;
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ToString(t->desired_state));
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(StateColor(t->status.state)), "%s",
                       TaskStateAge(ToString(t->status.state), frame.now - t->status.timestamp).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", t->status.err.c_str());
  }
  ImGui::EndTable();
}

void DecisionSection(const Frame& frame, const Task& task) {
  if (task.decision_id.empty() || !frame.decision) {
    ImGui::TextDisabled("%s", Tr(Str::kNoDecision));
    return;
  }
  Result<Decision> d = frame.decision(task.decision_id);
  if (!d.ok()) {
    ImGui::TextDisabled("%s: %s", Tr(Str::kNoDecision), d.status().message().c_str());
    return;
  }
  DecisionGrid grid = BuildDecisionGrid(d.value(), task.id);
  ImGui::TextDisabled("%s  ·  %s v%llu", FormatDecisionTime(grid.time).c_str(), grid.service_name.c_str(),
                      static_cast<unsigned long long>(grid.spec_version));
  int cols = int(grid.filters.size()) + 2;
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                          ImGuiTableFlags_ScrollX;
  float rows_h = ImGui::GetTextLineHeightWithSpacing() * float(grid.rows.size() + 2) + 8;
  if (ImGui::BeginTable("decision", cols, flags, ImVec2(0, rows_h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(Tr(Str::kNode));
    for (const std::string& f : grid.filters) ImGui::TableSetupColumn(f.c_str());
    ImGui::TableSetupColumn(Tr(Str::kRankingKeys));
    ImGui::TableHeadersRow();
    for (const DecisionRow& row : grid.rows) {
      ImGui::TableNextRow();
      if (row.chosen) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(40, 130, 70, 150));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((row.hostname + (row.chosen ? " *" : "")).c_str());
      for (const DecisionCell& cell : row.cells) {
        ImGui::TableNextColumn();
        switch (cell.kind) {
          case CellKind::kPass: ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kGood), "ok"); break;
          case CellKind::kSkipped: ImGui::TextDisabled("-"); break;
          case CellKind::kFail:
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kBad), "%s", cell.reason.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cell.reason.c_str());
            break;
        }
      }
      ImGui::TableNextColumn();
      ImGui::Text("%lld / %lld", static_cast<long long>(row.service_tasks), static_cast<long long>(row.total_tasks));
    }
    ImGui::EndTable();
  }
  bool placed = false;
  for (const DecisionRow& row : grid.rows) placed = placed || row.chosen;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(placed ? kGood : kWarn), "%s: %s", Tr(Str::kResult),
                     grid.result.c_str());
}

void TaskInspector(const Frame& frame, const Task& task, UiState* ui) {
  std::string name = task.service_name + (task.slot > 0 ? "." + std::to_string(task.slot) : "");
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  ImGui::TextUnformatted(name.c_str());
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(StateColor(task.status.state)), "%s",
                     ToString(task.status.state));
  MonoText(frame, task.id);
  auto node = frame.state->nodes.find(task.node_id);
  Field(Tr(Str::kNode), node != frame.state->nodes.end() ? node->second.description.hostname : "-");
  Field(Tr(Str::kDesired), ToString(task.desired_state));
  Field(Tr(Str::kMessage), task.status.message + "  (" + Ago(frame.now, task.status.timestamp) + ")");
  if (!task.status.err.empty()) Field(Tr(Str::kError), task.status.err);
  if (ImGui::CollapsingHeader(Tr(Str::kDecision), ImGuiTreeNodeFlags_DefaultOpen)) DecisionSection(frame, task);
  if (ImGui::CollapsingHeader(Tr(Str::kStateHistory), ImGuiTreeNodeFlags_DefaultOpen)) {
    HistorySection(frame, task, ui);
  }
  if (ImGui::CollapsingHeader(Tr(Str::kSpec), ImGuiTreeNodeFlags_DefaultOpen)) TaskSpecSection(task);
}

void NodeInspector(const Frame& frame, const Node& node) {
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  ImGui::TextUnformatted(node.description.hostname.c_str());
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
  MonoText(frame, node.id);
  std::string role = ToString(node.spec.role);
  if (node.manager_status && node.manager_status->leader) role += " (leader)";
  Field(Tr(Str::kRole), role);
  Field(Tr(Str::kStatus), std::string(ToString(node.status.state)) +
                              (node.status.message.empty() ? "" : "  " + node.status.message));
  Field(Tr(Str::kAvailability), ToString(node.spec.availability));
  Field(Tr(Str::kResources), Cpus(node.description.resources.nano_cpus) + " CPU, " +
                                 HumanSize(double(node.description.resources.memory_bytes)));
  std::string labels;
  for (const auto& [k, v] : node.spec.labels) labels += (labels.empty() ? "" : "\n") + k + "=" + v;
  Field(Tr(Str::kLabels), labels.empty() ? "-" : labels);
  std::string images;
  for (const auto& i : node.images) images += (images.empty() ? "" : "\n") + i;
  Field(Tr(Str::kImage), images.empty() ? "-" : images);
}

}  // namespace

void DrawInspector(const Frame& frame, UiState* ui, bool* p_open) {
  std::string title = std::string(Tr(Str::kInspector)) + kInspectorWindow;
  if (!ImGui::Begin(title.c_str(), p_open, kPanelWindowFlags)) {
    ImGui::End();
    return;
  }
  auto task = frame.state->tasks.find(ui->selected_task);
  auto node = frame.state->nodes.find(ui->selected_node);
  if (!ui->selected_task.empty() && task != frame.state->tasks.end()) {
    TaskInspector(frame, task->second, ui);
  } else if (!ui->selected_node.empty() && node != frame.state->nodes.end()) {
    NodeInspector(frame, node->second);
  } else {
    ImGui::TextDisabled("%s", Tr(Str::kSelectSomething));
  }
  ImGui::End();
}

}  // namespace swarmsim::ui
