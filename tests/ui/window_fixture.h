// Shared by the ui tests that draw the whole window headless (no GL): a cluster
// database driven like the CLI, re-read the way the window's loop does, and a
// frame whose commands run through the same session code as the console's.
#pragma once

#include <imgui_internal.h>

#include <string>
#include <vector>

#include "ui/i18n.h"
#include "ui/live_cluster.h"
#include "ui/panels/panels.h"
#include "ui_fixture.h"

namespace swarmsim::ui {

class WindowFixture : public ClusterFixture {
 protected:
  void SetUp() override {
    ClusterFixture::SetUp();
    SetLanguage(Lang::kEnglish);
    live_.path = path_;
  }

  // Re-reads the cluster and draws one frame of the whole window. The window's
  // commands are recorded in sent_; one that fails is shown in the console, as in
  // the window, not a test failure.
  void DrawFrame() {
    ASSERT_TRUE(Refresh(&live_, FixedWall()).ok());
    ui_.refresh_now = false;
    board_ = BuildBoardView(live_.state, live_.state.clock.now);
    frame_.state = &live_.state;
    frame_.board = &board_;
    frame_.events = &live_.recent_events;
    frame_.now = live_.state.clock.now;
    frame_.live_now = live_.state.clock.now;
    frame_.run = [this](const std::vector<std::string>& args) {
      sent_.push_back(args);
      SessionOptions o;
      o.database_path = path_;
      o.wall_now = FixedWall();
      o.seed = 7;
      o.read_file = ReadSourceFile;
      return RunSessionCommand(o, args);
    };
    frame_.decision = [this](const std::string& id) { return LoadDecision(&live_, id); };
    imgui_.Frame([&] { DrawClassroom(frame_, &ui_); });
  }

  // The window whose name ends in `id_suffix` (kBoardWindow...), or null.
  ImGuiWindow* Window(const char* id_suffix) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
      if (std::string(w->Name).find(id_suffix) != std::string::npos) return w;
    }
    return nullptr;
  }

  ImGuiHeadless imgui_;
  LiveCluster live_;
  BoardView board_;
  Frame frame_;
  UiState ui_;
  std::vector<std::vector<std::string>> sent_;
};

}  // namespace swarmsim::ui
