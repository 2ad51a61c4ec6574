// The inspector drawn headless for hand-built clusters: what it shows for a
// volume, a config, a secret and a task's mounted files (text captured with
// ImGui's log, which records every text item drawn).
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <memory>

#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

class InspectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLanguage(Lang::kEnglish);
    for (auto [id, host] : {std::pair{"n1", "node1"}, std::pair{"n2", "node2"}}) {
      Node n;
      n.id = id;
      n.description.hostname = host;
      state_.nodes[id] = n;
    }
    Volume a;
    a.node_id = "n1";
    a.name = "todo_data";
    a.files = {{"todo.db", "buy milk"}};
    state_.volumes[{"n1", "todo_data"}] = a;
    Volume b = a;
    b.node_id = "n2";
    b.files = {{"todo.db", "walk dog"}};
    state_.volumes[{"n2", "todo_data"}] = b;
    Config c;
    c.id = "c1";
    c.name = "todo-config";
    c.data = "LOG_LEVEL=debug";
    state_.configs["c1"] = c;
    Config s;
    s.id = "s1";
    s.name = "db-password";
    s.data = "hunter2";
    state_.secrets["s1"] = s;
    auto spec = std::make_shared<TaskSpec>();
    FileReference cr;
    cr.id = "c1";
    cr.name = "todo-config";
    cr.file_name = "/app/app.env";
    spec->container.configs.push_back(cr);
    FileReference sr;
    sr.id = "s1";
    sr.name = "db-password";
    spec->container.secrets.push_back(sr);
    Mount m;
    m.source = "todo_data";
    m.target = "/data";
    spec->container.mounts.push_back(m);
    Task t;
    t.id = "t1";
    t.service_name = "todo_web";
    t.slot = 1;
    t.node_id = "n1";
    t.status.state = TaskState::kRunning;
    t.spec = spec;
    state_.tasks["t1"] = t;
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
  EXPECT_TRUE(Has(text, "LOG_LEVEL=debug"));
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
  EXPECT_TRUE(Has(text, "/app/app.env")) << text;
  EXPECT_TRUE(Has(text, "LOG_LEVEL=debug"));
  EXPECT_TRUE(Has(text, "/run/secrets/db-password"));
  EXPECT_TRUE(Has(text, "/data/todo.db"));
  EXPECT_TRUE(Has(text, "buy milk"));
  EXPECT_FALSE(Has(text, "hunter2"));
  ui_.show_secrets = true;
  text = Draw();
  EXPECT_TRUE(Has(text, "hunter2")) << text;
}

}  // namespace
}  // namespace swarmsim::ui
