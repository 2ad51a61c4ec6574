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

}  // namespace

Status BuildScene(const SessionOptions& options, const lesson::ScenarioFiles& files, const Scene& scene,
                  const std::string& stack_file) {
  auto preset = lesson::LoadPreset(files, scene.preset.empty() ? kDefaultPreset : scene.preset);
  if (!preset.ok()) return preset.status();
  lesson::Lesson l;
  l.cluster = preset.value();
  std::vector<lesson::CommandRun> ran;
  SWARMSIM_RETURN_IF_ERROR(lesson::StartCluster(options, l, &ran));
  SWARMSIM_RETURN_IF_ERROR(Run(options, {"time", "resume"}));  // the board comes alive on its own
  if (!scene.stack.empty()) {
    std::ofstream out(stack_file, std::ios::binary);
    out << scene.stack;
    if (!out.flush()) return Status::IOError("write " + stack_file);
    SWARMSIM_RETURN_IF_ERROR(Run(options, {"stack", "deploy", "-c", stack_file, scene.stack_name}));
  }
  return Status::OK();
}

}  // namespace swarmsim::ui
