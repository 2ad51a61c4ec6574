// The inspector: the selected task (spec, the slot's state history, its
// scheduling decision as a node x filter table, its mounted files), node, volume
// (every node's copy side by side), config or secret; with nothing selected, the
// cluster's configs, secrets and volumes to pick from.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/format/human_duration.h"
#include "core/format/size.h"
#include "core/scheduler/explain.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/panels/theme.h"
#include "ui/view/blob_view.h"
#include "ui/view/decision_view.h"
#include "ui/view/mounted_files.h"
#include "ui/view/state_cache.h"
#include "ui/view/task_networks.h"
#include "ui/view/volume_view.h"

namespace swarmsim::ui {

namespace {

void Field(const char* name, const std::string& value) {
  ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
  ImGui::TextUnformatted(name);
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  ImGui::TextWrapped("%s", value.c_str());
}

// docker's duration ("26 seconds") with the window's own "ago".
std::string Ago(Time now, Time t) {
  return HumanDuration(now - t) + (language() == Lang::kKorean ? " 전" : " ago");
}

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
                       BytesSize(double(r.reservations.memory_bytes)) + "  /  " + Tr(Str::kLimits) + " " +
                       Cpus(r.limits.nano_cpus) + " CPU, " + BytesSize(double(r.limits.memory_bytes));
    Field(Tr(Str::kResources), text);
  }
  if (!spec.placement.constraints.empty()) {
    std::string c;
    for (const auto& s : spec.placement.constraints) c += (c.empty() ? "" : "\n") + s;
    Field(Tr(Str::kConstraints), c);
  }
}

void HistorySection(const Frame& frame, const Task& task, UiState* ui) {
  std::vector<const Task*> history = CachedSlotHistory(*frame.state, task, frame.state_serial, &ui->cache);
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

// A filter's column header: swarm's filter name in English; in Korean the
// window's word for it, swarm's name on hover.
const char* FilterHeader(const std::string& filter) {
  const char* ko = language() == Lang::kKorean ? KoreanGloss(filter) : nullptr;
  return ko ? ko : filter.c_str();
}

// A decision over this many nodes draws only the rows on screen (10,000 rows of
// text a frame cost more than the frame), with column widths measured once over
// every row instead of fitted to the rows drawn. Smaller tables draw every row.
constexpr size_t kClipDecisionRows = 100;

const char* PassWord() { return language() == Lang::kKorean ? "통과" : "ok"; }

std::string ChosenLabel(const DecisionRow& row) { return row.hostname + (row.chosen ? " *" : ""); }

std::string RankingText(const DecisionRow& row) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld / %lld", static_cast<long long>(row.service_tasks),
                static_cast<long long>(row.total_tasks));
  return buf;
}

// Every column's widest cell or header at the current font, for a clipped table.
const std::vector<float>& DecisionColumnWidths(const DecisionGrid& grid, StateCache* cache) {
  if (cache->grid_font_size == ImGui::GetFontSize() && !cache->grid_widths.empty()) return cache->grid_widths;
  std::vector<float>& w = cache->grid_widths;
  w.assign(grid.filters.size() + 2, 0.0f);
  auto wider = [&](size_t c, const char* text) { w[c] = std::max(w[c], ImGui::CalcTextSize(text).x); };
  wider(0, Tr(Str::kNode));
  for (size_t f = 0; f < grid.filters.size(); ++f) wider(f + 1, FilterHeader(grid.filters[f]));
  wider(w.size() - 1, Tr(Str::kRankingKeys));
  for (const DecisionRow& row : grid.rows) {
    wider(0, ChosenLabel(row).c_str());
    for (size_t f = 0; f < row.cells.size() && f < grid.filters.size(); ++f) {
      const DecisionCell& cell = row.cells[f];
      wider(f + 1, cell.kind == CellKind::kPass ? PassWord() : cell.kind == CellKind::kSkipped ? "-" : cell.reason.c_str());
    }
    wider(w.size() - 1, RankingText(row).c_str());
  }
  cache->grid_font_size = ImGui::GetFontSize();
  return w;
}

void DecisionRowUi(const DecisionRow& row) {
  ImGui::TableNextRow();
  if (row.chosen) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(40, 130, 70, 150));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(ChosenLabel(row).c_str());
  for (const DecisionCell& cell : row.cells) {
    ImGui::TableNextColumn();
    switch (cell.kind) {
      case CellKind::kPass:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kGood), "%s", PassWord());
        break;
      case CellKind::kSkipped: ImGui::TextDisabled("-"); break;
      case CellKind::kFail:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kBad), "%s", cell.reason.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cell.reason.c_str());
        break;
    }
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(RankingText(row).c_str());
}

void DecisionSection(const Frame& frame, const Task& task, UiState* ui) {
  if (task.decision_id.empty() || !frame.decision) {
    ImGui::TextDisabled("%s", Tr(Str::kNoDecision));
    return;
  }
  Result<const DecisionGrid*> cached =
      CachedDecisionGrid(task.decision_id, task.id, frame.state_serial, frame.decision, &ui->cache);
  if (!cached.ok()) {
    ImGui::TextDisabled("%s: %s", Tr(Str::kNoDecision), cached.status().message().c_str());
    return;
  }
  const DecisionGrid& grid = *cached.value();
  ImGui::TextDisabled("%s  ·  %s v%llu", FormatDecisionTime(grid.time).c_str(), grid.service_name.c_str(),
                      static_cast<unsigned long long>(grid.spec_version));
  int cols = int(grid.filters.size()) + 2;
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                          ImGuiTableFlags_ScrollX;
  float rows_h = ImGui::GetTextLineHeightWithSpacing() * float(grid.rows.size() + 2) + 8;
  bool clipped = grid.rows.size() > kClipDecisionRows;
  const std::vector<float>* widths = clipped ? &DecisionColumnWidths(grid, &ui->cache) : nullptr;
  if (ImGui::BeginTable("decision", cols, flags, ImVec2(0, rows_h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    auto setup = [&](const char* name, int c) {
      if (widths) ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthFixed, (*widths)[size_t(c)]);
      else ImGui::TableSetupColumn(name);
    };
    setup(Tr(Str::kNode), 0);
    for (size_t f = 0; f < grid.filters.size(); ++f) setup(FilterHeader(grid.filters[f]), int(f) + 1);
    setup(Tr(Str::kRankingKeys), cols - 1);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < cols; ++c) {
      ImGui::TableSetColumnIndex(c);
      ImGui::TableHeader(ImGui::TableGetColumnName(c));
      bool filter = c >= 1 && c <= int(grid.filters.size());
      if (filter && language() == Lang::kKorean && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", grid.filters[size_t(c - 1)].c_str());
      }
    }
    if (clipped) {
      ImGuiListClipper clipper;
      clipper.Begin(int(grid.rows.size()));
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) DecisionRowUi(grid.rows[size_t(i)]);
      }
    } else {
      for (const DecisionRow& row : grid.rows) DecisionRowUi(row);
    }
    ImGui::EndTable();
  }
  bool placed = false;
  for (const DecisionRow& row : grid.rows) placed = placed || row.chosen;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(placed ? kGood : kWarn), "%s: %s", Tr(Str::kResult),
                     grid.result.c_str());
}

// At most `max_lines` lines of a file, for a table cell.
std::string Excerpt(const std::string& content, int max_lines) {
  if (content.empty()) return Tr(Str::kEmpty);
  size_t pos = 0;
  for (int i = 0; i < max_lines && pos != std::string::npos; ++i) {
    pos = content.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  std::string out = pos == std::string::npos ? content : content.substr(0, pos);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (pos != std::string::npos && pos < content.size()) out += "\n…";
  return out;
}

void Heading(const Frame& frame, const std::string& text) {
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  ImGui::TextUnformatted(text.c_str());
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
}

const char* SourceWord(FileSource s) {
  switch (s) {
    case FileSource::kConfig: return Tr(Str::kConfig);
    case FileSource::kSecret: return Tr(Str::kSecret);
    case FileSource::kVolume: return Tr(Str::kVolume);
    case FileSource::kLayer: break;
  }
  return "";
}

// A task's files from configs, secrets and volumes. Secret bytes appear only with
// the toggle on, the way `docker exec cat` would show them inside the container.
void MountedFilesSection(const Frame& frame, const Task& task, UiState* ui) {
  std::vector<MountedFile> files = TaskMountedFiles(*frame.state, task, ui->show_secrets);
  if (files.empty()) {
    ImGui::TextDisabled("-");
    return;
  }
  ImGui::Checkbox(Tr(Str::kShowAsContainer), &ui->show_secrets);
  if (!ImGui::BeginTable("files", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                         ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  for (const MountedFile& f : files) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(f.path.c_str());
    MonoText(frame, f.path);
    ImGui::TableNextColumn();
    std::string src = std::string(SourceWord(f.source)) + " " + f.mount;
    if (f.source == FileSource::kVolume) {
      if (ImGui::SmallButton(src.c_str())) Select(ui, Pick::kVolume, f.mount);
    } else {
      ImGui::TextUnformatted(src.c_str());
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.where.c_str());
    ImGui::TableNextColumn();
    if (f.content) {
      MonoText(frame, Excerpt(*f.content, 4));
    } else {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "•••••• (%zu B)", f.size);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kSecretHidden));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Every node's copy of one volume, file by file; cells that differ are marked.
void VolumeInspector(const Frame& frame, const std::string& name, UiState* ui) {
  VolumeView v = BuildVolumeView(*frame.state, name);
  bool anonymous = !v.copies.empty() && v.copies.front().anonymous;
  Heading(frame, std::string(Tr(Str::kVolume)) + " " + VolumeLabel(name, anonymous));
  if (v.copies.empty()) {
    ImGui::TextDisabled("%s", Tr(Str::kMissingHere));
    return;
  }
  Field(Tr(Str::kCopies), std::to_string(v.copies.size()));
  // One copy has nothing to be the same as.
  if (v.copies.size() == 1) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "%s", Tr(Str::kOneCopy));
  } else {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(v.diverged ? kWarn : kGood), "%s",
                       Tr(v.diverged ? Str::kDiffers : Str::kSameEverywhere));
  }
  int cols = int(v.copies.size()) + 1;
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                          ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("copies", cols, flags)) {
    ImGui::TableSetupColumn(Tr(Str::kFiles));
    for (const VolumeCopy& c : v.copies) {
      std::string head = c.hostname + "  " + BytesSize(double(c.bytes));
      ImGui::TableSetupColumn(head.c_str());
    }
    ImGui::TableHeadersRow();
    // Who mounts each copy, under its header.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", Tr(Str::kMountedBy));
    for (const VolumeCopy& c : v.copies) {
      ImGui::TableNextColumn();
      std::string who;
      for (const auto& t : c.mounted_by) who += (who.empty() ? "" : ", ") + t;
      ImGui::TextDisabled("%s", who.empty() ? "-" : who.c_str());
    }
    for (const VolumeFile& f : v.files) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      MonoText(frame, f.path);
      if (f.differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(140, 90, 20, 110));
      for (const auto& content : f.content) {
        ImGui::TableNextColumn();
        if (!content) {
          ImGui::TextDisabled("%s", Tr(Str::kMissingHere));
        } else {
          if (f.differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(140, 90, 20, 70));
          MonoText(frame, Excerpt(*content, 6));
        }
      }
    }
    ImGui::EndTable();
  }
  for (const VolumeCopy& c : v.copies) {
    ImGui::PushID(c.node_id.c_str());
    if (ImGui::SmallButton(c.hostname.c_str())) Select(ui, Pick::kNode, c.node_id);
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

// A config shows its data; a secret only that it exists, its size and who mounts it.
void BlobInspector(const Frame& frame, BlobKind kind, const std::string& id) {
  std::optional<BlobView> v = BuildBlobView(*frame.state, kind, id);
  if (!v) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(Str::kSelectSomething));
    ImGui::PopStyleColor();
    return;
  }
  Heading(frame, std::string(Tr(kind == BlobKind::kSecret ? Str::kSecret : Str::kConfig)) + " " + v->name);
  MonoText(frame, v->id);
  if (v->created_at > 0) Field(Tr(Str::kCreated), Ago(frame.now, v->created_at));
  std::string labels;
  for (const auto& [k, val] : v->labels) labels += (labels.empty() ? "" : "\n") + k + "=" + val;
  Field(Tr(Str::kLabels), labels.empty() ? "-" : labels);
  std::string users;
  for (const auto& u : v->used_by) users += (users.empty() ? "" : ", ") + u;
  Field(Tr(Str::kService), users.empty() ? "-" : users);
  Field(Tr(Str::kData), std::to_string(v->size) + " B");
  ImGui::Separator();
  if (v->data) {
    ImGui::BeginChild("data", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    MonoText(frame, v->data->empty() ? Tr(Str::kEmpty) : *v->data);
    ImGui::EndChild();
  } else {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s", Tr(Str::kSecretHidden));
  }
}

// Nothing selected: the cluster's configs, secrets and volumes, to pick one.
void Overview(const Frame& frame, UiState* ui) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", Tr(Str::kSelectSomething));
  ImGui::PopStyleColor();
  auto list = [&](Str title, const std::vector<std::pair<std::string, std::string>>& items, Pick pick) {
    if (items.empty()) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
    ImGui::TextUnformatted(Tr(title));
    ImGui::PopStyleColor();
    for (const auto& [name, id] : items) {
      ImGui::PushID(id.c_str());
      if (ImGui::Selectable(name.c_str())) Select(ui, pick, id);
      ImGui::PopID();
    }
  };
  list(Str::kConfigs, BlobNames(*frame.state, BlobKind::kConfig), Pick::kConfig);
  list(Str::kSecrets, BlobNames(*frame.state, BlobKind::kSecret), Pick::kSecret);
  std::vector<std::pair<std::string, std::string>> volumes;
  for (const std::string& n : VolumeNames(*frame.state)) volumes.push_back({VolumeLabel(n, n.size() == 64), n});
  list(Str::kVolumes, volumes, Pick::kVolume);
}

void TaskInspector(const Frame& frame, const Task& task, UiState* ui) {
  std::string name = task.service_name + (task.slot > 0 ? "." + std::to_string(task.slot) : "");
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  ImGui::TextUnformatted(name.c_str());
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(StateColor(task.status.state)), "%s",
                     ToString(task.status.state));
  GlossTooltip(ToString(task.status.state));
  MonoText(frame, task.id);
  auto node = frame.state->nodes.find(task.node_id);
  Field(Tr(Str::kNode), node != frame.state->nodes.end() ? node->second.description.hostname : "-");
  Field(Tr(Str::kDesired), ToString(task.desired_state));
  GlossTooltip(ToString(task.desired_state));
  Field(Tr(Str::kMessage), task.status.message + "  (" + Ago(frame.now, task.status.timestamp) + ")");
  if (!task.status.err.empty()) Field(Tr(Str::kError), task.status.err);
  std::string networks;
  for (const TaskNetworkRow& r : TaskNetworkRows(*frame.state, task)) {
    networks += (networks.empty() ? "" : "\n") + r.network + "  " + r.address;
    if (!r.vip.empty()) networks += "  (" + std::string(Tr(Str::kVirtualIp)) + " " + r.vip + ")";
  }
  if (!networks.empty()) Field(Tr(Str::kNetworks), networks);
  if (ImGui::CollapsingHeader(Tr(Str::kDecision), ImGuiTreeNodeFlags_DefaultOpen)) DecisionSection(frame, task, ui);
  if (ImGui::CollapsingHeader(Tr(Str::kStateHistory), ImGuiTreeNodeFlags_DefaultOpen)) {
    HistorySection(frame, task, ui);
  }
  if (task.spec && (!task.spec->container.configs.empty() || !task.spec->container.secrets.empty() ||
                    !TaskMountPoints(*frame.state, task).empty())) {
    if (ImGui::CollapsingHeader(Tr(Str::kMountedFiles), ImGuiTreeNodeFlags_DefaultOpen)) {
      MountedFilesSection(frame, task, ui);
    }
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
                                 BytesSize(double(node.description.resources.memory_bytes)));
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
  if (!ImGui::Begin(title.c_str(), p_open, kTiledPanelFlags)) {
    ImGui::End();
    return;
  }
  DrawInspectorContents(frame, ui);
  ImGui::End();
}

void DrawInspectorContents(const Frame& frame, UiState* ui) {
  auto task = frame.state->tasks.find(ui->selected_task);
  auto node = frame.state->nodes.find(ui->selected_node);
  if (!ui->selected_task.empty() && task != frame.state->tasks.end()) {
    TaskInspector(frame, task->second, ui);
  } else if (!ui->selected_node.empty() && node != frame.state->nodes.end()) {
    NodeInspector(frame, node->second);
  } else if (!ui->selected_volume.empty()) {
    VolumeInspector(frame, ui->selected_volume, ui);
  } else if (!ui->selected_config.empty()) {
    BlobInspector(frame, BlobKind::kConfig, ui->selected_config);
  } else if (!ui->selected_secret.empty()) {
    BlobInspector(frame, BlobKind::kSecret, ui->selected_secret);
  } else {
    Overview(frame, ui);
  }
}

}  // namespace swarmsim::ui
