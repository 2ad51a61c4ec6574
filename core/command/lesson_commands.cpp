// `lesson list | show | run | export`: run by app/lesson_cli, which talks to the
// terminal; here for --help and the command list.
#include "core/command/registry.h"

namespace swarmsim {

void RegisterLessonCommands(std::vector<CommandDef>* defs) {
  const FlagSpec scenarios =
      FlagSpec::Value("scenarios", 0, "string", "Read lessons from this directory instead of the built-in ones");
  const FlagSpec lang =
      FlagSpec::Value("lang", 0, "string", "Language of the lesson (\"en\", \"ko\"; default from the locale)");
  defs->push_back({.path = {"lesson", "list"},
                   .aliases = {"ls"},
                   .usage = "lesson list [OPTIONS]",
                   .description = "List the lessons",
                   .flags = {scenarios},
                   .max_args = 0,
                   .read_only = true,
                   .front_end_only = true});
  defs->push_back({.path = {"lesson", "show"},
                   .usage = "lesson show [OPTIONS] NAME",
                   .description = "Print a lesson's steps, commands and checks without running them",
                   .flags = {lang, scenarios},
                   .min_args = 1,
                   .max_args = 1,
                   .read_only = true,
                   .front_end_only = true});
  defs->push_back({.path = {"lesson", "run"},
                   .usage = "lesson run [OPTIONS] NAME",
                   .description = "Run a lesson on its own cluster, step by step, checking what each step says",
                   .flags = {lang, scenarios,
                             FlagSpec::Bool("auto", 0, "Do not wait for Enter between steps"),
                             FlagSpec::Value("from", 0, "string", "Start at this step, on the cluster the last run left")},
                   .min_args = 1,
                   .max_args = 1,
                   .front_end_only = true});
  defs->push_back({.path = {"lesson", "export"},
                   .usage = "lesson export [OPTIONS] NAME",
                   .description = "Run a lesson unattended and write it as one HTML page: texts, commands and "
                                  "their output, answers, checks",
                   .flags = {lang, scenarios, FlagSpec::Value("output", 'o', "string", "The HTML file to write")},
                   .min_args = 1,
                   .max_args = 1,
                   .front_end_only = true});
}

}  // namespace swarmsim
