#include "core/lesson/library.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace swarmsim::lesson {
namespace {

namespace fs = std::filesystem;
const ScenarioFiles kScenarios;  // built in

TEST(Library, EveryShippedLessonAndPresetLoads) {
  auto names = ListLessons(kScenarios);
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_NE(std::find(names->begin(), names->end(), "todo-list"), names->end());
  for (const auto& n : names.value()) {
    auto l = LoadLesson(kScenarios, n);
    ASSERT_TRUE(l.ok()) << l.status().message();
    EXPECT_FALSE(l->cluster.nodes.empty()) << n;
  }
  auto presets = ListPresets(kScenarios);
  EXPECT_EQ(presets, (std::vector<std::string>{"one-manager-two-workers", "single-node",
                                               "three-managers-two-workers", "two-raid-nodes"}));
}

TEST(Library, UnknownLessonAndUnknownPreset) {
  auto missing = LoadLesson(kScenarios, "nosuch");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "unknown lesson: nosuch (see swarmsim lesson list)");
  EXPECT_FALSE(LoadLesson(kScenarios, "../scenarios").ok());

  fs::path dir = fs::temp_directory_path() / "swarmsim_library_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "l");
  fs::create_directories(dir / "presets");
  std::ofstream(dir / "presets" / "p.yml") << "nodes:\n  - {hostname: a, role: manager}\n";
  std::ofstream(dir / "l" / "lesson.yml")
      << "title: {en: t, ko: t}\nsummary: {en: s, ko: s}\ncluster:\n  preset: nope\n"
         "steps:\n  - {id: a, title: {en: t, ko: t}, explain: {en: e, ko: e}}\n";
  auto bad = LoadLesson(ScenarioFiles(dir.string()), "l");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), (dir / "l" / "lesson.yml").string() + ":4: unknown cluster preset 'nope' (presets: one-manager-two-workers, p, single-node, "
                                            "three-managers-two-workers, two-raid-nodes)");
  fs::remove_all(dir);
}

TEST(Library, LoadPresetByName) {
  auto preset = LoadPreset(kScenarios, "one-manager-two-workers");
  ASSERT_TRUE(preset.ok()) << preset.status().message();
  EXPECT_EQ(preset->nodes.size(), 3u);
  for (const std::string bad : {"nope", "../todo-list/lesson", ""}) {
    auto missing = LoadPreset(kScenarios, bad);
    EXPECT_EQ(missing.status().code(), Status::Code::kNotFound) << bad;
    EXPECT_EQ(missing.status().message().rfind("unknown cluster preset '" + bad + "' (presets: one-manager-two-workers", 0), 0u)
        << missing.status().message();
  }
}

TEST(SetupCommands, InitAddLabelPause) {
  Cluster c;
  c.nodes = {{"m1", "manager", "2", "4GiB", {{"zone", "a"}}}, {"w1", "worker", "", "", {{"storage", "raid"}}}};
  auto cmds = SetupCommands(c);
  ASSERT_EQ(cmds.size(), 4u);
  EXPECT_EQ(cmds[0], (std::vector<std::string>{"swarm", "init", "--hostname", "m1", "--cpus", "2", "--memory", "4GiB"}));
  EXPECT_EQ(cmds[1], (std::vector<std::string>{"node", "update", "--label-add", "zone=a", "m1"}));
  EXPECT_EQ(cmds[2], (std::vector<std::string>{"node", "add", "--role", "worker", "--label", "storage=raid", "w1"}));
  EXPECT_EQ(cmds[3], (std::vector<std::string>{"time", "pause"}));
}

}  // namespace
}  // namespace swarmsim::lesson
