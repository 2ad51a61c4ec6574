// The cluster board: one column per node (header, labels, resource bars, task
// cards, recent history) and a Pending strip beneath with swarm's reason.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "core/format/size.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/panels/fit_text.h"
#include "ui/panels/theme.h"

namespace swarmsim::ui {

namespace {

std::string Cpus(int64_t nano) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2g", double(nano) / 1e9);
  return buf;
}

std::string Mem(int64_t bytes) { return BytesSize(double(bytes)); }

// A rounded pill with centred text; returns its width.
float Pill(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 fill, ImU32 text_color) {
  ImVec2 ts = ImGui::CalcTextSize(text);
  float pad = ImGui::GetFontSize() * 0.4f;
  ImVec2 end(pos.x + ts.x + 2 * pad, pos.y + ts.y + pad * 0.5f);
  dl->AddRectFilled(pos, end, fill, ts.y);
  dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.25f), text_color, text);
  return end.x - pos.x;
}

// Pills laid out left to right from the cursor, wrapping at the content edge.
void PillRow(const std::vector<std::pair<std::string, ImU32>>& pills, ImU32 text_color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x0 = ImGui::GetCursorScreenPos().x;
  float right = x0 + ImGui::GetContentRegionAvail().x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  float line_h = ImGui::GetTextLineHeight() + ImGui::GetFontSize() * 0.2f;
  float gap = ImGui::GetFontSize() * 0.3f;
  bool hover_window = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
  for (const auto& [text, fill] : pills) {
    float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFontSize() * 0.8f;
    if (p.x + w > right && p.x > x0) {
      p.x = x0;
      p.y += line_h + gap;
    }
    float drawn = Pill(dl, p, text.c_str(), fill, text_color);
    // docker's words (Ready, Active) stay docker's; in Korean the pill explains itself.
    if (hover_window && language() == Lang::kKorean && ImGui::IsMouseHoveringRect(p, ImVec2(p.x + drawn, p.y + line_h))) {
      if (const char* ko = KoreanGloss(text)) ImGui::SetTooltip("%s: %s", text.c_str(), ko);
    }
    p.x += drawn + gap;
  }
  ImGui::Dummy(ImVec2(right - x0, p.y + line_h - ImGui::GetCursorScreenPos().y));
}

// Capacity as the bar's length, reservations filled (they block placement),
// limits as an outline (they never do; past capacity the outline runs off the end
// with a notch, so over-commitment shows).
// `compact` (a short column): one line, the text drawn over the bar; the limits'
// sum only in the outline and the tooltip.
void ResourceBar(const char* label, const ResourceUse& use, std::string (*fmt)(int64_t), bool compact) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float w = ImGui::GetContentRegionAvail().x;
  float fs = ImGui::GetFontSize();
  std::string text = std::string(label) + "  " + fmt(use.reserved) + " / " + fmt(use.capacity);
  if (compact && ImGui::CalcTextSize(text.c_str()).x > w - fs * 0.6f) {
    text = fmt(use.reserved) + " / " + fmt(use.capacity);
  }
  if (!compact) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
  }
  if (!compact && use.limited > 0) {  // the limits' sum, right-aligned in the outline's colour
    std::string lim = std::string(Tr(Str::kLimits)) + " " + fmt(use.limited);
    float lw = ImGui::CalcTextSize(lim.c_str()).x;
    float used = ImGui::CalcTextSize(text.c_str()).x + fs;
    if (used + lw <= w) {
      ImGui::SameLine();
      ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - lw);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kLimitOutline), "%s", lim.c_str());
    }
  }
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (compact) p.y += 2;  // room for the limits outline
  float h = compact ? ImGui::GetTextLineHeight() : fs * 0.75f;
  ImVec2 end(p.x + w, p.y + h);
  dl->AddRectFilled(p, end, kBarBg, 3);
  if (use.capacity > 0) {
    float r = std::clamp(float(double(use.reserved) / double(use.capacity)), 0.0f, 1.0f);
    if (r > 0) dl->AddRectFilled(p, ImVec2(p.x + w * r, end.y), compact ? (kReservedFill & 0x99FFFFFF) : kReservedFill, 3);
    if (use.limited > 0) {
      float l = float(double(use.limited) / double(use.capacity));
      float lx = p.x + w * std::min(l, 1.0f);
      dl->AddRect(ImVec2(p.x - 1, p.y - 2), ImVec2(lx + 1, end.y + 2), kLimitOutline, 3, 0, 2.5f);
      if (l > 1.0f) {  // over-committed limits: an arrow past the end
        dl->AddTriangleFilled(ImVec2(end.x - h * 0.6f, p.y + 1), ImVec2(end.x - h * 0.6f, end.y - 1),
                              ImVec2(end.x + 1, p.y + h * 0.5f), kLimitOutline);
      }
    }
  }
  if (compact) dl->AddText(ImVec2(p.x + fs * 0.3f, p.y), kTextBright, text.c_str());
  ImGui::Dummy(ImVec2(w, h + (compact ? 6 : 4)));
  if (ImGui::IsItemHovered()) {
    if (use.limited > 0) ImGui::SetTooltip("%s  %s %s", label, Tr(Str::kLimits), fmt(use.limited).c_str());
    else if (compact) ImGui::SetTooltip("%s", label);
  }
}

// A card in flight from its slot's previous node, drawn over the columns once they
// are laid out (its place in the column is known only then).
struct Traveller {
  const TaskCard* card;
  ImVec2 pos;  // where the card lands
  ImVec2 size;
};

// Cards placed this frame that are travelling; filled by NodeColumnUi.
std::vector<Traveller>* g_travellers = nullptr;

void DrawCardBody(ImDrawList* dl, const Frame& frame, const TaskCard& card, ImVec2 p, ImVec2 size, float alpha,
                  bool selected, bool hovered, bool history, bool changed = false) {
  float fs = ImGui::GetFontSize();
  float line = ImGui::GetTextLineHeight();
  float pad = fs * 0.35f;
  ImVec2 end(p.x + size.x, p.y + size.y);
  ImU32 svc = ServiceColor(card.service_index, alpha);
  dl->AddRectFilled(p, end, ServiceColor(card.service_index, 0.22f * alpha + (hovered ? 0.1f : 0)), 5);
  dl->AddRectFilled(p, ImVec2(p.x + fs * 0.45f, end.y), svc, 5, ImDrawFlags_RoundCornersLeft);
  if (changed && !selected) dl->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(end.x + 2, end.y + 2), kLessonChange, 6, 0, 3);
  if (selected) dl->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(end.x + 2, end.y + 2), kSelection, 6, 0, 3);

  float x = p.x + fs * 0.8f;
  auto faded = [alpha](ImU32 c) {
    return (c & ~IM_COL32_A_MASK) | (ImU32(float((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha) << IM_COL32_A_SHIFT);
  };
  ImU32 text = faded(history ? kTextDim : kTextBright);
  ImFont* bold = frame.fonts && frame.fonts->card_title ? frame.fonts->card_title : ImGui::GetFont();
  float right = end.x - pad;
  if (history) {
    // The name keeps room for the state word after it; the image gets what is left.
    float state_w = ImGui::CalcTextSize(card.state_word).x + fs * 0.8f;
    std::string name = FitTaskName(ImGui::GetFont(), ImGui::GetFontSize(), card.name, card.slot,
                                   std::max(right - x - state_w, (right - x) * 0.5f));
    dl->AddText(ImVec2(x, p.y + pad), text, name.c_str());
    float rest_x = x + ImGui::CalcTextSize(name.c_str()).x + fs * 0.8f;
    std::string rest = FitText(std::string(card.state_word) + "  " + card.image, right - rest_x);
    dl->AddText(ImVec2(rest_x, p.y + pad), StateColor(card.state, 0.8f), rest.c_str());
  } else if (size.y < 2 * line + 2 * pad) {
    // One line (a short column): the name with its slot, the state as a dot in its
    // colour (hollow while shutting down); the tooltip says it in words.
    float r = fs * 0.3f;
    ImVec2 dot(right - r, p.y + size.y * 0.5f);
    std::string name = FitTaskName(bold, bold->FontSize, card.name, card.slot, dot.x - r - pad - x);
    dl->AddText(bold, bold->FontSize, ImVec2(x, p.y + (size.y - bold->FontSize) * 0.5f), text, name.c_str());
    if (card.shutting_down) dl->AddCircle(dot, r, StateColor(card.state, alpha), 0, 2.5f);
    else dl->AddCircleFilled(dot, r, StateColor(card.state, alpha));
  } else {
    std::string state = card.shutting_down ? std::string(card.state_word) + " → " + ToString(card.desired)
                                           : card.state_word;
    float sw = ImGui::CalcTextSize(state.c_str()).x + fs * 0.8f;
    float pill_x = right - sw;
    // Wide enough: name and state on the first line, the image beneath. Narrow
    // (many nodes, a projector's zoom): the name gets the whole first line and the
    // state moves down beside the image, so the slot always shows.
    std::string full = FitTaskName(bold, bold->FontSize, card.name, card.slot, 1e9f);
    bool narrow = bold->CalcTextSizeA(bold->FontSize, 1e9f, 0, full.c_str()).x > pill_x - pad - x;
    float name_w = narrow ? right - x : pill_x - pad - x;
    std::string name = FitTaskName(bold, bold->FontSize, card.name, card.slot, name_w);
    dl->AddText(bold, bold->FontSize, ImVec2(x, p.y + pad * 0.8f), text, name.c_str());
    if (narrow) {
      float y2 = p.y + 2 * pad + line;
      float pw = Pill(dl, ImVec2(x, y2 - pad * 0.25f), FitText(state, right - x - fs * 0.8f).c_str(),
                      StateColor(card.state, alpha), IM_COL32(16, 20, 26, 255));
      float image_x = x + pw + fs * 0.4f;
      std::string image = FitText(card.image, right - image_x);
      // A letter and an ellipsis tell nothing: the image shows when a few letters fit.
      if (image == card.image || image.size() >= 4 + std::string("…").size()) dl->AddText(ImVec2(image_x, y2), faded(kTextDim), image.c_str());
    } else {
      dl->AddText(ImVec2(x, p.y + 2 * pad + line), faded(kTextDim), FitText(card.image, right - x).c_str());
      Pill(dl, ImVec2(pill_x, p.y + pad), state.c_str(), StateColor(card.state, alpha), IM_COL32(16, 20, 26, 255));
    }
    if (card.progress >= 0) {  // image pull
      float by = end.y - pad + 1;  // in the bottom padding, clear of the image line
      dl->AddRectFilled(ImVec2(x, by), ImVec2(end.x - pad, end.y - 3), kBarBg, 2);
      dl->AddRectFilled(ImVec2(x, by), ImVec2(x + (end.x - pad - x) * card.progress, end.y - 3),
                        StateColor(TaskState::kPreparing), 2);
    }
  }
}

// A task card; returns true when clicked. Its fade comes from the card's motion
// (virtual time); a travelling card leaves only an outline where it will land and
// is drawn in flight after the columns.
// `brief`: one line (see DrawCardBody).
bool Card(const Frame& frame, const TaskCard& card, bool selected, bool history, bool changed = false,
          bool brief = false) {
  float fs = ImGui::GetFontSize();
  float w = ImGui::GetContentRegionAvail().x;
  float line = ImGui::GetTextLineHeight();
  float pad = fs * 0.35f;
  float title = frame.fonts && frame.fonts->card_title ? frame.fonts->card_title->FontSize : fs;
  float h = history ? line + 2 * pad : brief ? std::max(title, line) + 2 * pad : 2 * line + 3 * pad;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(card.task_id.c_str());
  bool clicked = ImGui::InvisibleButton("card", ImVec2(w, h));
  bool hovered = ImGui::IsItemHovered();
  bool visible = ImGui::IsItemVisible();
  ImGui::PopID();
  if (!visible) return clicked;  // scrolled out of view: nothing to draw
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (!history && !card.motion.from_node_id.empty() && card.motion.travel < 1.0f && g_travellers) {
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), ServiceColor(card.service_index, 0.5f), 5, 0, 1.5f);
    g_travellers->push_back({&card, p, ImVec2(w, h)});
    return clicked;
  }
  if (hovered) {
    const char* ko = language() == Lang::kKorean ? KoreanGloss(card.state_word) : nullptr;
    ImGui::SetTooltip("%s  %s%s%s  %s", card.name.c_str(), card.state_word, ko ? " — " : "", ko ? ko : "",
                      card.image.c_str());
  }
  float alpha = history ? 0.45f : card.motion.opacity;
  DrawCardBody(dl, frame, card, p, ImVec2(w, h), alpha, selected, hovered, history, changed);
  return clicked;
}

// The column's foot: the node's local volumes and how much each holds, pinned to
// the bottom when there is room. Click one to compare its copies in the inspector.
void VolumeFoot(const NodeColumn& col, UiState* ui) {
  if (col.volumes.empty()) return;
  float line = ImGui::GetTextLineHeightWithSpacing();
  float need = line * float(col.volumes.size() + 1) + ImGui::GetStyle().ItemSpacing.y * 2;
  float bottom = ImGui::GetWindowHeight();
  if (ImGui::GetCursorPosY() + need < bottom) ImGui::SetCursorPosY(bottom - need);
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
  ImGui::TextUnformatted(Tr(Str::kLocalVolumes));
  ImGui::PopStyleColor();
  for (const NodeVolume& v : col.volumes) {
    std::string label = VolumeLabel(v.name, v.anonymous);
    std::string size = BytesSize(double(v.bytes)) + " · " + std::to_string(v.files) + " " +
                       Tr(v.files == 1 ? Str::kFile : Str::kFiles);
    float size_x = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(size.c_str()).x;
    float x = ImGui::GetCursorPosX();
    ImGui::PushID(v.name.c_str());
    if (SelectableRow("##volume", ui->selected_volume == v.name)) Select(ui, Pick::kVolume, v.name);
    ImGui::PopID();
    ImGui::TextUnformatted(FitText(label, size_x - x - ImGui::GetStyle().ItemSpacing.x).c_str());
    ImGui::SameLine();
    ImGui::SetCursorPosX(size_x);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "%s", size.c_str());
  }
}

void NodeColumnUi(const Frame& frame, const NodeColumn& col, UiState* ui, float width, float height) {
  ImGui::PushID(col.node_id.c_str());
  bool down = col.state != NodeState::kReady;
  ImU32 bg = down ? IM_COL32(70, 30, 34, 255)
             : col.availability == NodeAvailability::kDrain ? IM_COL32(48, 38, 64, 255)
             : col.availability == NodeAvailability::kPause ? IM_COL32(62, 52, 30, 255)
                                                            : kColumnBg;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
  if (!ImGui::BeginChild("column", ImVec2(width, height), true,
                         ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {  // out of view
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (col.node_id == ui->selected_node) {
    ImVec2 a = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    dl->AddRect(a, ImVec2(a.x + s.x, a.y + s.y), kSelection, 6, 0, 3);
  }

  // Header: hostname (click to inspect the node) and role.
  if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
  if (ImGui::Selectable(col.hostname.c_str(), false, 0, ImVec2(0, 0))) {
    ui->selected_node = col.node_id;
    ui->selected_task.clear();
  }
  if (frame.fonts && frame.fonts->heading) ImGui::PopFont();

  std::vector<std::pair<std::string, ImU32>> status;
  if (col.leader) status.push_back({Tr(Str::kLeader), IM_COL32(255, 210, 90, 255)});
  else if (col.manager) status.push_back({Tr(Str::kManager), IM_COL32(230, 200, 120, 255)});
  else status.push_back({Tr(Str::kWorker), IM_COL32(170, 178, 190, 255)});
  // A short column shows the state and availability only when they are not the
  // usual Ready and Active (the column's colour says so too): one row of pills.
  bool compact = height < ImGui::GetFontSize() * 18;
  std::string st = ToString(col.state);
  st[0] = char(std::toupper(st[0]));
  if (col.state != NodeState::kReady || !compact) status.push_back({st, NodeStateColor(col.state)});
  if (col.availability != NodeAvailability::kActive || !compact) {
    std::string av = ToString(col.availability);
    av[0] = char(std::toupper(av[0]));
    status.push_back({av, AvailabilityColor(col.availability)});
  }
  PillRow(status, IM_COL32(16, 20, 26, 255));
  if (!col.labels.empty()) {
    std::vector<std::pair<std::string, ImU32>> labels;
    for (const auto& [k, v] : col.labels) labels.push_back({k + "=" + v, IM_COL32(70, 80, 100, 255)});
    PillRow(labels, kTextBright);
  }
  if (!compact) ImGui::Spacing();
  ResourceBar(Tr(Str::kCpu), col.cpu, Cpus, compact);
  ResourceBar(Tr(Str::kMemory), col.memory, Mem, compact);
  ImGui::Separator();
  // The header above stays pinned: only the tasks, history and volumes scroll.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("tasks", ImVec2(0, 0), false);
  ImGui::PopStyleVar();

  // Where not even one full card fits, cards take one line each, so they show.
  float full_card = 2 * ImGui::GetTextLineHeight() + 3 * ImGui::GetFontSize() * 0.35f;
  bool brief = ImGui::GetContentRegionAvail().y < 1.3f * full_card;
  for (const TaskCard& card : col.tasks) {
    if (Card(frame, card, card.task_id == ui->selected_task, false, ChangedByStep(ui->lesson, card.task_id),
             brief)) {
      ui->selected_task = card.task_id;
      ui->selected_node.clear();
    }
  }
  if (col.tasks.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
    ImGui::TextUnformatted(Tr(Str::kNoTasks));
    ImGui::PopStyleColor();
  }
  if (!col.history.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
    ImGui::TextUnformatted(Tr(Str::kHistory));
    ImGui::PopStyleColor();
    for (const TaskCard& card : col.history) {
      if (Card(frame, card, card.task_id == ui->selected_task, true)) {
        ui->selected_task = card.task_id;
        ui->selected_node.clear();
      }
    }
  }
  VolumeFoot(col, ui);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopID();
}

void PendingStrip(const Frame& frame, const BoardView& board, UiState* ui) {
  ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
  std::string title = std::string(Tr(Str::kPending)) + " (" + std::to_string(board.pending.size()) + ")";
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopStyleColor();
  if (board.pending.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
    ImGui::TextUnformatted(Tr(Str::kNoPending));
    ImGui::PopStyleColor();
    return;
  }
  // Cards side by side; tasks with the same reason say it once, beneath.
  float card_w = ImGui::GetFontSize() * 11;
  size_t shown = 0;
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (const PendingTask& p : board.pending) {
    // One row of cards: the reasons beneath say the rest.
    if (shown > 0) {
      if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + card_w > right) break;
      ImGui::SameLine();
    }
    float card_h = 2 * ImGui::GetTextLineHeight() + 1.05f * ImGui::GetFontSize() + 4;
    ImGui::BeginChild(ImGui::GetID(p.card.task_id.c_str()), ImVec2(card_w, card_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (Card(frame, p.card, p.card.task_id == ui->selected_task, false, ChangedByStep(ui->lesson, p.card.task_id))) {
      ui->selected_task = p.card.task_id;
      ui->selected_node.clear();
    }
    ImGui::EndChild();
    ++shown;
  }
  std::string last;
  ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
  for (const PendingTask& p : board.pending) {
    if (p.reason.empty() || p.reason == last) continue;
    last = p.reason;
    ImGui::TextWrapped("%s: %s", p.card.name.c_str(), p.reason.c_str());
  }
  ImGui::PopStyleColor();
}

// The node whose column holds the card for `task_id` ("" when none does).
std::string ColumnOf(const BoardView& board, const std::string& task_id) {
  for (const NodeColumn& c : board.columns) {
    for (const TaskCard& card : c.tasks) {
      if (card.task_id == task_id) return c.node_id;
    }
  }
  return "";
}

// What the bars mean, once, above the columns; on a narrow board in one word
// each, the whole sentence in the tooltip.
void Legend() {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float fs = ImGui::GetFontSize();
  float box = fs * 0.7f;
  auto item = [&](const char* text, bool filled) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float y = p.y + (ImGui::GetTextLineHeight() - box) / 2;
    if (filled) dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + box * 2, y + box), kReservedFill, 3);
    else dl->AddRect(ImVec2(p.x, y), ImVec2(p.x + box * 2, y + box), kLimitOutline, 3, 0, 2.5f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + box * 2 + fs * 0.4f, p.y));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "%s", text);
  };
  float full = 2 * (box * 2 + fs * 0.4f) + fs * 1.5f + ImGui::CalcTextSize(Tr(Str::kReservedLegend)).x +
               ImGui::CalcTextSize(Tr(Str::kLimitsLegend)).x;
  bool brief = ImGui::GetContentRegionAvail().x < full;
  item(Tr(brief ? Str::kReserved : Str::kReservedLegend), true);
  if (brief && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kReservedLegend));
  ImGui::SameLine(0, fs * 1.5f);
  item(Tr(brief ? Str::kLimits : Str::kLimitsLegend), false);
  if (brief && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kLimitsLegend));
}

// Large clusters: one tile per node, coloured by the share of its CPU reserved
// (down, drained and paused nodes in their own colours), with its task count.
void HeatMap(const Frame& frame, const BoardView& board, UiState* ui, float height) {
  size_t tasks = 0;
  for (const NodeColumn& c : board.columns) tasks += c.tasks.size();
  ImGui::Text("%zu %s  ·  %zu %s  ·  %zu %s", board.columns.size(), Tr(Str::kNodes), tasks, Tr(Str::kTasks),
              board.pending.size(), Tr(Str::kPending));
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kTextDim), "%s", Tr(Str::kHeatLegend));
  ImGui::BeginChild("heatmap", ImVec2(0, height), false);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float fs = ImGui::GetFontSize();
  float width = ImGui::GetContentRegionAvail().x;
  // As large as lets every node fit on one screen, within readable bounds.
  float gap = fs * 0.2f;
  float fit = std::sqrt(width * height / float(std::max<size_t>(board.columns.size(), 1))) - gap;
  float tile = std::clamp(fit, fs * 0.8f, fs * 2.2f);
  // Task counts in the body font on large tiles, in small bold digits on small
  // ones, and only in the tooltip when even those do not fit.
  ImFont* count_font = ImGui::GetFont();
  if (tile < fs * 1.5f) count_font = frame.fonts && frame.fonts->tile_digits ? frame.fonts->tile_digits : nullptr;
  bool numbers = count_font && tile >= count_font->FontSize * 1.1f;
  int per_row = std::max(1, int((width + gap) / (tile + gap)));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  int rows = int((board.columns.size() + size_t(per_row) - 1) / size_t(per_row));
  ImGui::Dummy(ImVec2(width, float(rows) * (tile + gap)));
  // Only the visible rows are drawn: a thousand nodes cost a screenful.
  float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
  ImVec2 mouse = ImGui::GetIO().MousePos;
  bool hovered_window = ImGui::IsWindowHovered();
  // Square tiles without anti-aliased fringes: a thousand of them are two
  // triangles each, which a software rasteriser draws in a fraction of the time.
  ImDrawListFlags saved_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (size_t i = 0; i < board.columns.size(); ++i) {
    const NodeColumn& c = board.columns[i];
    ImVec2 p(origin.x + float(int(i) % per_row) * (tile + gap), origin.y + float(int(i) / per_row) * (tile + gap));
    if (p.y + tile < clip_top || p.y > clip_bottom) continue;
    ImVec2 end(p.x + tile, p.y + tile);
    ImU32 fill;
    if (c.state != NodeState::kReady) fill = kBad;
    else if (c.availability != NodeAvailability::kActive) fill = AvailabilityColor(c.availability);
    else {
      float r = c.cpu.capacity > 0 ? std::clamp(float(double(c.cpu.reserved) / double(c.cpu.capacity)), 0.f, 1.f) : 0;
      fill = ImGui::ColorConvertFloat4ToU32(ImVec4(0.15f + 0.8f * r, 0.35f + 0.25f * r, 0.55f - 0.4f * r, 1));
    }
    dl->AddRectFilled(p, end, fill);
    bool hover = hovered_window && mouse.x >= p.x && mouse.x < end.x && mouse.y >= p.y && mouse.y < end.y;
    if (hover || c.node_id == ui->selected_node) dl->AddRect(p, end, kSelection, 4, 0, 2.5f);
    if (numbers) {
      std::string n = std::to_string(c.tasks.size());
      ImVec2 ts = count_font->CalcTextSizeA(count_font->FontSize, 1e9f, 0, n.c_str());
      if (ts.x <= tile - 2) {
        dl->AddText(count_font, count_font->FontSize, ImVec2(p.x + (tile - ts.x) / 2, p.y + (tile - ts.y) / 2),
                    IM_COL32(10, 12, 16, 255), n.c_str());
      }
    }
    if (hover) {
      ImGui::SetTooltip("%s  %s/%s  %s\nCPU %s / %s\n%zu %s", c.hostname.c_str(), ToString(c.state),
                        ToString(c.availability), c.leader ? Tr(Str::kLeader) : "", Cpus(c.cpu.reserved).c_str(),
                        Cpus(c.cpu.capacity).c_str(), c.tasks.size(), Tr(Str::kTasks));
      if (ImGui::IsMouseClicked(0)) {
        ui->selected_node = c.node_id;
        ui->selected_task.clear();
      }
    }
  }
  dl->Flags = saved_flags;
  ImGui::EndChild();
}

// While rewound the board itself says it shows the past: a banner (with the way
// back) and an amber frame round the whole board, over the columns.
void RewoundBanner(const Frame& frame, UiState* ui) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  float h = ImGui::GetFrameHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(255, 176, 64, 60), 4);
  Time s = frame.now / kSecond;
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", int(s / 3600 % 24), int(s / 60 % 60), int(s % 60));
  ImGui::AlignTextToFramePadding();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 0.4f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s  %s", Tr(Str::kRewoundReadOnly), clock);
  ImGui::SameLine();
  if (ImGui::SmallButton(Tr(Str::kBackToLive))) ui->rewinding = false;
  ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  fg->AddRect(ImVec2(wp.x + 2, wp.y + 2), ImVec2(wp.x + ws.x - 2, wp.y + ws.y - 2), kWarn, 6, 0, 4);
}

}  // namespace

void DrawBoard(const Frame& frame, UiState* ui, bool* p_open) {
  std::string title = std::string(Tr(Str::kBoard)) + kBoardWindow;
  // No title bar: the board is plainly the cluster, and a short screen needs the
  // row for cards (the View menu closes and opens it).
  if (!ImGui::Begin(title.c_str(), p_open,
                    kTiledPanelFlags | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::End();
    return;
  }
  const BoardView& board = *frame.board;
  if (!frame.notice.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s", frame.notice.c_str());
  if (frame.rewound) RewoundBanner(frame, ui);
  if (!board.swarm_active) {
    if (frame.fonts && frame.fonts->heading) ImGui::PushFont(frame.fonts->heading);
    ImGui::TextUnformatted(Tr(Str::kNoSwarm));
    if (frame.fonts && frame.fonts->heading) ImGui::PopFont();
    ImGui::End();
    return;
  }
  if (board.columns.size() > kMaxBoardColumns) {
    ImGui::Checkbox(Tr(Str::kShowColumns), &ui->force_columns);
    if (!ui->force_columns) {
      float pending_h = board.pending.empty() ? ImGui::GetFrameHeightWithSpacing() : ImGui::GetTextLineHeight() * 6.0f;
      HeatMap(frame, board, ui, std::max(ImGui::GetContentRegionAvail().y - pending_h, ImGui::GetFontSize() * 6));
      PendingStrip(frame, board, ui);
      ImGui::End();
      return;
    }
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  }
  Legend();
  float fs = ImGui::GetFontSize();
  if (board.pending.empty()) {  // nothing pending: say so on the legend's line
    ImGui::SameLine(0, fs * 1.5f);
    std::string none = std::string(Tr(Str::kPending)) + " (0)  " + Tr(Str::kNoPending);
    if (ImGui::GetContentRegionAvail().x >= ImGui::CalcTextSize(none.c_str()).x) {
      PendingStrip(frame, board, ui);
    } else {
      std::string brief = std::string(Tr(Str::kPending)) + " (0)";
      if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(brief.c_str()).x) ImGui::NewLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWarn), "%s", brief.c_str());
    }
  }
  size_t n = std::max<size_t>(board.columns.size(), 1);
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Every column on screen: they share the width down to kMinColumnEms each, then
  // wrap onto further rows (which share the height) instead of running off the side.
  const float min_w = fs * kMinColumnEms;
  size_t per_row = std::clamp<size_t>(size_t((avail.x + spacing) / (min_w + spacing)), 1, n);
  size_t rows = (n + per_row - 1) / per_row;
  per_row = (n + rows - 1) / rows;  // balance the rows
  float col_w = std::min((avail.x - spacing * float(per_row - 1)) / float(per_row), fs * 26);
  float pending_h = board.pending.empty() ? 0 : ImGui::GetTextLineHeight() * 4.5f;
  float rows_h = std::max(avail.y - pending_h - ImGui::GetStyle().ItemSpacing.y, fs * 6);
  float col_h = std::max((rows_h - ImGui::GetStyle().ItemSpacing.y * float(rows - 1)) / float(rows), fs * 6);
  std::vector<Traveller> travellers;
  g_travellers = &travellers;
  for (size_t i = 0; i < board.columns.size(); ++i) {
    if (i % per_row != 0) ImGui::SameLine();
    // A column scrolled out of view keeps its place without being submitted (it
    // would draw nothing): 10,000 child windows a frame cost more than the frame.
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (!ImGui::IsRectVisible(at, ImVec2(at.x + col_w, at.y + col_h))) {
      ImGui::Dummy(ImVec2(col_w, col_h));
      continue;
    }
    NodeColumnUi(frame, board.columns[i], ui, col_w, col_h);
  }
  g_travellers = nullptr;
  std::map<std::string, size_t> index_of;
  if (!travellers.empty()) {
    for (size_t i = 0; i < board.columns.size(); ++i) index_of[board.columns[i].node_id] = i;
  }
  // Cards in flight: from the old node's column to their place, over the columns
  // (the foreground list, clipped to the board: the columns are child windows drawn
  // above the board's own list).
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  dl->PushClipRect(wp, ImVec2(wp.x + ws.x, wp.y + ws.y), true);
  for (const Traveller& t : travellers) {
    auto from = index_of.find(t.card->motion.from_node_id);
    auto to = index_of.find(t.card->motion.from_node_id.empty() ? "" : ColumnOf(board, t.card->task_id));
    if (from == index_of.end() || to == index_of.end()) continue;
    float left = 1.0f - EaseInOut(t.card->motion.travel);
    float dx = (float(from->second % per_row) - float(to->second % per_row)) * (col_w + spacing) * left;
    float dy = (float(from->second / per_row) - float(to->second / per_row)) * (col_h + spacing) * left;
    ImVec2 p(t.pos.x + dx, t.pos.y + dy);
    DrawCardBody(dl, frame, *t.card, p, t.size, t.card->motion.opacity, t.card->task_id == ui->selected_task, false,
                 false);
  }
  dl->PopClipRect();
  if (!board.pending.empty()) PendingStrip(frame, board, ui);
  ImGui::End();
}

}  // namespace swarmsim::ui
