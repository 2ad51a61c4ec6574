#include "ui/web/scene.h"

#include <fstream>

#include "core/lesson/lesson_parser.h"
#include "core/lesson/library.h"
#include "core/lesson/runner.h"

namespace swarmsim::ui {

namespace {

Status Run(const SessionOptions& options, const std::vector<std::string>& argv) {
  CommandOutput out = RunSessionCommand(options, argv);
  if (out.exit_code == 0) return Status::OK();
  std::string line = "swarmsim";
  for (const auto& w : argv) line += " " + w;
  return Status::FailedPrecondition(line + ": " + out.err.substr(0, out.err.find('\n')));
}

Result<lesson::Cluster> LoadPreset(const std::string& scenarios_dir, const std::string& name) {
  std::string file = scenarios_dir + "/presets/" + name + ".yml";
  std::ifstream in(file);
  if (name.find('/') != std::string::npos || !in) {
    std::string known;
    for (const auto& p : lesson::ListPresets(scenarios_dir)) known += (known.empty() ? "" : ", ") + p;
    return Status::NotFound("unknown preset: " + name + " (presets: " + known + ")");
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return lesson::ParsePreset(text, file);
}

}  // namespace

Status BuildScene(const SessionOptions& options, const std::string& scenarios_dir, const Scene& scene,
                  const std::string& stack_file) {
  std::vector<lesson::CommandRun> ran;
  if (!scene.lesson.empty()) {
    auto l = lesson::LoadLesson(scenarios_dir, scene.lesson);
    if (!l.ok()) return l.status();
    SWARMSIM_RETURN_IF_ERROR(lesson::StartCluster(options, l.value(), &ran));
    size_t before = std::min<size_t>(scene.step > 0 ? size_t(scene.step - 1) : 0, l->steps.size());
    for (size_t i = 0; i < before; ++i) {
      for (const auto& c : l->steps[i].commands) (void)lesson::RunLessonCommand(options, c);
    }
  } else {
    auto preset = LoadPreset(scenarios_dir, scene.preset.empty() ? kDefaultPreset : scene.preset);
    if (!preset.ok()) return preset.status();
    lesson::Lesson l;
    l.cluster = preset.value();
    SWARMSIM_RETURN_IF_ERROR(lesson::StartCluster(options, l, &ran));
    SWARMSIM_RETURN_IF_ERROR(Run(options, {"time", "resume"}));  // the board comes alive on its own
  }
  if (!scene.stack.empty()) {
    std::ofstream out(stack_file, std::ios::binary);
    out << scene.stack;
    if (!out.flush()) return Status::IOError("write " + stack_file);
    SWARMSIM_RETURN_IF_ERROR(Run(options, {"stack", "deploy", "-c", stack_file, scene.stack_name}));
  }
  return Status::OK();
}

}  // namespace swarmsim::ui
