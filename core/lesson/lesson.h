// A lesson: a cluster to start from and steps a class walks through, each with
// its explanation in Korean and English, the commands a student types, optional
// questions to predict the outcome, and checks on the cluster afterwards — so a
// lesson is also a test that fails when the simulator stops behaving as it says.
//
// Plain data, filled by lesson_parser and read by the runner, the CLI and the
// window. Line numbers point into the lesson file for error messages.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace swarmsim::lesson {

enum class Lang { kEn, kKo };

// Text in both languages; both are required by the parser.
struct Text {
  std::string ko;
  std::string en;
  const std::string& In(Lang lang) const { return lang == Lang::kKo ? ko : en; }
};

// One command as a student types it ("swarmsim stack ls") and the docker form
// beside it ("docker stack ls"; empty when docker has no such command).
struct LessonCommand {
  std::string line;
  std::vector<std::string> argv;  // the words after "swarmsim"
  std::string docker;
  int exit_code = 0;  // what the lesson expects (a step may show an error on purpose)
  int line_no = 0;
};

// One condition on the cluster. Kinds:
//   kCommand: run a read-only swarmsim command; its exit code and output must match.
//   kRunning: service has exactly `count` tasks running (desired and observed).
//   kOnLabel: every running task of service is on a node whose labels hold `label`.
//   kVolume / kNoVolume: a volume named `volume` exists (or not) on a node
//                        (`node` hostname, or any node when empty).
//   kStep: every check of step `step` holds (for `requires`).
struct Check {
  enum class Kind { kCommand, kRunning, kOnLabel, kVolume, kNoVolume, kStep };
  Kind kind = Kind::kCommand;
  int line_no = 0;
  // kCommand
  LessonCommand command;
  int exit_code = 0;
  std::vector<std::string> contains;
  std::vector<std::string> not_contains;
  // kRunning, kOnLabel
  std::string service;
  int count = 0;
  std::string label;  // "key=value"
  // kVolume, kNoVolume
  std::string volume;
  std::string node;
  // kStep
  std::string step;
};

struct Predict {
  Text question;
  std::vector<Text> choices;
  int answer = 0;  // index into choices
  Text explanation;
  int line_no = 0;
};

struct Step {
  std::string id;
  Text title;
  Text explain;
  std::vector<LessonCommand> commands;
  std::vector<Predict> predicts;
  std::vector<Check> preconditions;  // the file's `requires`
  std::vector<Check> checks;
  // `picture: board` or `picture: TASK`: `lesson export` keeps a picture of the
  // window's board after this step (TASK selected in the inspector). Empty: none.
  std::string picture;
  int line_no = 0;
};

struct ClusterNode {
  std::string hostname;
  std::string role = "worker";  // the first node is the manager that inits the swarm
  std::string cpus;             // as `node add --cpus` takes it; empty = default
  std::string memory;           // as `node add --memory` takes it
  std::map<std::string, std::string> labels;
};

// The cluster a lesson starts from: a preset (scenarios/presets/NAME.yml) or nodes.
struct Cluster {
  std::string preset;  // resolved into `nodes` by the library
  int preset_line = 0;
  std::vector<ClusterNode> nodes;
  Text description;
};

struct Lesson {
  std::string name;  // the directory name: scenarios/NAME/lesson.yml
  std::string file;
  Text title;
  Text summary;
  Cluster cluster;
  std::vector<Step> steps;

  // The step's index, or -1.
  int FindStep(const std::string& id) const;
};

}  // namespace swarmsim::lesson
