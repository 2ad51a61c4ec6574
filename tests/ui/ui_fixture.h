// Shared by the ui tests: a cluster database in a fresh temporary directory,
// driven through the same session code the CLI and the window's console use, on a
// fixed wall clock so virtual time only moves when told.
#pragma once

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/command/session.h"
#include "core/format/time_format.h"
#include "core/lesson/scenario_files.h"
#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim::ui {

inline Time FixedWall() { return ParseRFC3339("2026-03-01T10:00:00Z").value(); }

// Files named on a command line (compose files, lessons) are read from the source
// tree, as if the command ran at its root.
// A source-tree path, else a lesson's file as the window finds it ("todo-list/v1.yml").
inline Result<std::string> ReadSourceFile(const std::string& path) {
  std::ifstream in(std::string(SWARMSIM_SOURCE_DIR) + "/" + path);
  if (!in) return lesson::ScenarioFiles().Read(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ClusterFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / "swarmsim-ui-tests" /
           (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "cluster.db").string();
  }

  // Runs one command line (split on spaces) and expects it to succeed.
  CommandOutput Run(const std::string& line) {
    std::vector<std::string> args;
    size_t start = 0;
    while (start < line.size()) {
      size_t end = line.find(' ', start);
      if (end == std::string::npos) end = line.size();
      if (end > start) args.push_back(line.substr(start, end - start));
      start = end + 1;
    }
    return RunArgs(args);
  }

  CommandOutput RunArgs(const std::vector<std::string>& args) {
    SessionOptions o;
    o.database_path = path_;
    o.wall_now = FixedWall();
    o.seed = 7;
    o.read_file = ReadSourceFile;
    CommandOutput out = RunSessionCommand(o, args);
    EXPECT_EQ(out.exit_code, 0) << out.err;
    return out;
  }

  ClusterState Load() {
    auto db = Database::Open(path_);
    EXPECT_TRUE(db.ok());
    ClusterState state;
    EXPECT_TRUE(db.value()->Begin().ok());
    EXPECT_TRUE(LoadState(db.value().get(), &state).ok());
    db.value()->Rollback();
    return state;
  }

  // Three nodes, paused clock, "web" with two replicas holding resources.
  void ThreeNodesWithWeb() {
    Run("swarm init");
    Run("node add --count 2");
    Run("time pause");
    Run("service create --name web --replicas 2 --reserve-cpu 0.25 --reserve-memory 64M "
        "--limit-cpu 0.5 --limit-memory 100M nginx:1.25");
    Run("time advance 30s");
  }

  std::filesystem::path dir_;
  std::string path_;
};

// An ImGui context with no window and no GL (toolchain.md §6).
class ImGuiHeadless {
 public:
  ImGuiHeadless() {
    IMGUI_CHECKVERSION();
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60;
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(1)));
  }
  ~ImGuiHeadless() { ImGui::DestroyContext(ctx_); }

  void Frame(const std::function<void()>& ui) {
    ImGui::NewFrame();
    ui();
    ImGui::Render();
  }

  // Clicks at `pos` over three frames (move, press, release).
  void Click(ImVec2 pos, const std::function<void()>& ui) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    Frame(ui);
    io.MouseDown[0] = true;
    Frame(ui);
    io.MouseDown[0] = false;
    Frame(ui);
  }

 private:
  ImGuiContext* ctx_;
};

}  // namespace swarmsim::ui
