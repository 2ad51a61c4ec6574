#include "core/lesson/scenario_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace swarmsim::lesson {
namespace {

namespace fs = std::filesystem;

// A folder of its own per test, removed afterwards.
class ScenarioFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("swarmsim_scenario_files_" +
                                        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  fs::path dir_;
};

TEST_F(ScenarioFilesTest, BuiltInFilesNeedNoFolder) {
  ScenarioFiles files;
  EXPECT_EQ(files.root(), kBuiltinScenariosRoot);
  auto v1 = files.Read("todo-list/v1.yml");
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_NE(v1->find("todo-web"), std::string::npos);
  EXPECT_TRUE(files.Exists("todo-list/./configs/config.json"));
  EXPECT_TRUE(files.Exists("presets/single-node.yml"));
  EXPECT_FALSE(files.Exists("images.yml"));  // the image catalogue is compiled in on its own
  EXPECT_FALSE(files.Exists("../scenarios/todo-list/v1.yml"));
  auto missing = files.Read("todo-list/v9.yml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "open todo-list/v9.yml: no such file or directory");
  auto top = files.List("");
  ASSERT_TRUE(top.ok());
  EXPECT_NE(std::find(top->begin(), top->end(), "todo-list"), top->end());
  EXPECT_NE(std::find(top->begin(), top->end(), "presets"), top->end());
  EXPECT_EQ(files.DisplayPath("todo-list/lesson.yml"), "scenarios/todo-list/lesson.yml");
}

TEST_F(ScenarioFilesTest, AFolderOverlaysTheBuiltInFiles) {
  Write("todo-list/v1.yml", "mine");
  Write("mine/lesson.yml", "x");
  ScenarioFiles files(dir_.string());
  EXPECT_EQ(files.root(), dir_.string());
  EXPECT_EQ(files.Read("todo-list/v1.yml").value(), "mine");
  EXPECT_TRUE(files.Read("todo-list/v2.yml").ok());  // not in the folder: the built-in one
  auto top = files.List("");
  ASSERT_TRUE(top.ok());
  EXPECT_NE(std::find(top->begin(), top->end(), "mine"), top->end());
  EXPECT_NE(std::find(top->begin(), top->end(), "todo-list"), top->end());
  EXPECT_EQ(files.DisplayPath("mine/lesson.yml"), (dir_ / "mine/lesson.yml").string());
  EXPECT_FALSE(ScenarioFiles((dir_ / "nosuch").string()).List("").ok());
}

TEST_F(ScenarioFilesTest, FromEnvironment) {
  EXPECT_EQ(ScenarioFiles::FromEnvironment({}).dir(), "");
  EXPECT_EQ(ScenarioFiles::FromEnvironment({{"SWARMSIM_SCENARIOS", dir_.string()}}).dir(), dir_.string());
}

TEST_F(ScenarioFilesTest, LessonReaderResolvesUnderTheRootOnly) {
  ScenarioFiles files;
  FileReader read = LessonFileReader(files);
  EXPECT_TRUE(read("todo-list/v3.yml").ok());
  // compose makes a stack's own files absolute under PWD = root().
  EXPECT_TRUE(read(std::string(kBuiltinScenariosRoot) + "/todo-list/configs/config.json").ok());
  EXPECT_EQ(LessonEnvironment(files, {{"A", "b"}}).at("PWD"), kBuiltinScenariosRoot);
  Write("elsewhere.yml", "disk");
  EXPECT_EQ(read((dir_ / "elsewhere.yml").string()).value(), "disk");
  auto missing = read("nosuch.yml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "open nosuch.yml: no such file or directory");
}

TEST_F(ScenarioFilesTest, TypedReaderPrefersDiskThenScenarios) {
  Write("todo-list/v1.yml", "on disk");
  ScenarioFiles files;
  FileReader read = TypedFileReader(files, dir_.string(), nullptr);
  EXPECT_EQ(read((dir_ / "todo-list/v1.yml").string()).value(), "on disk");
  // Under PWD but not on disk: the scenario file of that relative name.
  auto configs = read((dir_ / "todo-list/configs/config.json").string());
  ASSERT_TRUE(configs.ok()) << configs.status().message();
  EXPECT_EQ(configs.value(), files.Read("todo-list/configs/config.json").value());
  EXPECT_TRUE(read("todo-list/v2.yml").ok());
  EXPECT_FALSE(read("-").ok());
  EXPECT_EQ(TypedFileReader(files, "", [](const std::string&) -> Result<std::string> { return std::string("in"); })("-")
                .value(),
            "in");
  auto missing = read("/nowhere/todo-list/v1.yml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "open /nowhere/todo-list/v1.yml: no such file or directory");
}

}  // namespace
}  // namespace swarmsim::lesson
