// The inspector drawn headless for hand-built clusters: what it shows for a
// volume, a config, a secret and a task's mounted files (text captured with
// ImGui's log, which records every text item drawn).
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "task_with_mounts.h"
#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

class InspectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLanguage(Lang::kEnglish);
    AddTaskWithMounts(&state_);
    // A second copy of the volume, on node2, that no longer holds the same data.
    Node n2;
    n2.id = "n2";
    n2.description.hostname = "node2";
    state_.nodes["n2"] = n2;
    Volume copy = state_.volumes.at({"n1", "todo_data"});
    copy.node_id = "n2";
    copy.files = {{"todo.db", "walk dog\n"}};
    state_.volumes[{"n2", "todo_data"}] = copy;
    state_.swarm_active = true;
    frame_.state = &state_;
  }

  // One frame of the inspector's contents in a window filling the display; returns
  // the text it drew.
  std::string Draw() {
    std::string text;
    imgui_.Frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("inspector under test");
      // (Logging stops at a top-level window's End: read it before.)
      ImGui::LogToBuffer();
      DrawInspectorContents(frame_, &ui_);
      text = ImGui::GetCurrentContext()->LogBuffer.c_str();
      ImGui::LogFinish();
      ImGui::End();
    });
    return text;
  }

  ImGuiHeadless imgui_;
  ClusterState state_;
  Frame frame_;
  UiState ui_;
  bool open_ = true;
};

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(InspectorTest, NothingSelectedListsConfigsSecretsAndVolumes) {
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "todo-config")) << text;
  EXPECT_TRUE(Has(text, "db-password"));
  EXPECT_TRUE(Has(text, "todo_data"));
}

TEST_F(InspectorTest, AVolumeShowsEveryCopyAndThatTheyDiffer) {
  Select(&ui_, Pick::kVolume, "todo_data");
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "node1")) << text;
  EXPECT_TRUE(Has(text, "node2"));
  EXPECT_TRUE(Has(text, "buy milk"));
  EXPECT_TRUE(Has(text, "walk dog"));
  EXPECT_TRUE(Has(text, Tr(Str::kDiffers)));
  EXPECT_TRUE(Has(text, "todo_web.1"));  // who mounts node1's copy
}

TEST_F(InspectorTest, AConfigShowsItsData) {
  Select(&ui_, Pick::kConfig, "c1");
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "todo-config")) << text;
  EXPECT_TRUE(Has(text, "postgres"));
}

TEST_F(InspectorTest, ASecretNeverShowsItsData) {
  Select(&ui_, Pick::kSecret, "s1");
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "db-password")) << text;
  EXPECT_TRUE(Has(text, Tr(Str::kSecretHidden)));
  EXPECT_FALSE(Has(text, "hunter2"));
}

TEST_F(InspectorTest, ATasksSecretShowsOnlyAsTheContainerSeesIt) {
  Select(&ui_, Pick::kTask, "t1");
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "/app/config/config.json")) << text;
  EXPECT_TRUE(Has(text, "postgres"));
  EXPECT_TRUE(Has(text, "/run/secrets/db-password"));
  EXPECT_TRUE(Has(text, "/data/todo.db"));
  EXPECT_TRUE(Has(text, "buy milk"));
  EXPECT_FALSE(Has(text, "hunter2"));
  ui_.show_secrets = true;
  text = Draw();
  EXPECT_TRUE(Has(text, "hunter2")) << text;
}

// A decision over thousands of nodes is read once and drawn clipped to the rows on
// screen (its column widths measured once over every row), and still says where
// the task went.
TEST_F(InspectorTest, ALargeDecisionIsReadOnceAndClipped) {
  Decision d;
  d.id = "d1";
  d.service_name = "todo";
  for (int i = 1; i <= 2000; ++i) {
    std::string n = std::to_string(i);
    d.nodes.push_back(NodeVerdict{"n" + n, "node" + n, {{"Ready", true, true, ""}}});
  }
  d.placements = {{"t1", 1, "n1", 0, 0}};
  state_.tasks.at("t1").decision_id = "d1";
  int reads = 0;
  frame_.decision = [&](const std::string&) -> Result<Decision> {
    ++reads;
    return d;
  };
  frame_.state_serial = 1;
  Select(&ui_, Pick::kTask, "t1");
  Draw();
  std::string text = Draw();
  EXPECT_TRUE(Has(text, "node1 *")) << text;
  EXPECT_TRUE(Has(text, "node2000"));  // (ImGui's log turns clipping off: every row)
  EXPECT_TRUE(Has(text, "scheduler assigned task to node node1"));
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(ui_.cache.grid_widths.size(), 3u);  // measured once over every row
}

}  // namespace
}  // namespace swarmsim::ui
