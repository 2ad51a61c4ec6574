#include "ui/view/lesson_view.h"

#include <algorithm>
#include <map>

#include "core/lesson/library.h"

namespace swarmsim::ui {

void OpenLesson(LessonProgress* p, const std::string& name) {
  p->lesson.reset();
  p->error.clear();
  auto l = lesson::LoadLesson(p->files, name);
  if (!l.ok()) {
    p->error = l.status().message();
    return;
  }
  p->lesson = l.value();
  p->predictions = p->predictions_right = 0;
  GoToStep(p, 0);
}

bool ChangedByStep(const LessonProgress& p, const std::string& task_id) {
  if (!p.lesson || !p.ran) return false;
  return std::find(p.changed_tasks.begin(), p.changed_tasks.end(), task_id) != p.changed_tasks.end();
}

void NoteStepCommand(LessonProgress* p, const lesson::LessonCommand& command, const CommandOutput& out) {
  if (out.exit_code == command.exit_code) return;
  p->failed_commands.push_back(command.line + "  (exit " + std::to_string(out.exit_code) + ", " +
                               std::to_string(command.exit_code) + " expected)");
}

void CountPredictions(LessonProgress* p) {
  if (!p->lesson || p->step >= p->lesson->steps.size()) return;
  const auto& predicts = p->lesson->steps[p->step].predicts;
  for (size_t k = 0; k < predicts.size() && k < p->guesses.size(); ++k) {
    if (p->guesses[k] < 0) continue;
    ++p->predictions;
    if (p->guesses[k] == predicts[k].answer) ++p->predictions_right;
  }
}

bool StepFailed(const LessonProgress& p) {
  if (!p.unmet.empty()) return true;
  if (!p.ran) return false;
  return !p.failed_commands.empty() || !lesson::AllOk(p.outcomes);
}

void GoToStep(LessonProgress* p, size_t index) {
  if (!p->lesson) return;
  if (index >= p->lesson->steps.size()) index = p->lesson->steps.empty() ? 0 : p->lesson->steps.size() - 1;
  p->step = index;
  p->guesses.assign(p->lesson->steps.empty() ? 0 : p->lesson->steps[index].predicts.size(), -1);
  p->ran = false;
  p->checks_due = false;
  p->unmet.clear();
  p->outcomes.clear();
  p->failed_commands.clear();
  p->changes.clear();
  p->changes_ko.clear();
  p->changed_tasks.clear();
}

namespace {

std::string NodeText(const Node& n) {
  std::string s = std::to_string(static_cast<int>(n.spec.role)) + "/" +
                  std::to_string(static_cast<int>(n.spec.availability)) + "/" +
                  std::to_string(static_cast<int>(n.status.state));
  for (const auto& [k, v] : n.spec.labels) s += "/" + k + "=" + v;
  return s;
}

}  // namespace

StepSnapshot TakeSnapshot(const ClusterState& state) {
  StepSnapshot s;
  s.index = state.index;
  for (const auto& [id, t] : state.tasks) s.tasks.insert(id);
  for (const auto& [id, n] : state.nodes) s.nodes[id] = NodeText(n);
  return s;
}

std::vector<std::string> StepChanges(const ClusterState& state, const StepSnapshot& before, lesson::Lang lang,
                                     std::vector<std::string>* tasks) {
  const uint64_t since = before.index;
  bool ko = lang == lesson::Lang::kKo;
  auto host = [&](const std::string& id) {
    auto it = state.nodes.find(id);
    return it == state.nodes.end() ? std::string("-") : it->second.description.hostname;
  };
  struct PerService {
    int created = 0;
    int stopped = 0;
    std::set<std::string> nodes;
  };
  std::map<std::string, PerService> by_service;  // by name: deterministic order
  std::vector<std::pair<Time, std::string>> created;
  for (const auto& [id, t] : state.tasks) {
    if (t.version <= since) continue;
    auto s = state.services.find(t.service_id);
    std::string name = s == state.services.end() ? t.service_id : s->second.spec.name;
    PerService& ps = by_service[name];
    if (!before.tasks.count(id)) {
      ++ps.created;
      created.push_back({t.created_at, id});
      if (!t.node_id.empty()) ps.nodes.insert(host(t.node_id));
    } else if (!DesiredAlive(t.desired_state)) {
      ++ps.stopped;
    }
  }
  std::vector<std::string> lines;
  for (const auto& [name, ps] : by_service) {
    if (ps.created == 0 && ps.stopped == 0) continue;
    std::string where;
    for (const auto& n : ps.nodes) where += (where.empty() ? "" : ", ") + n;
    std::string line = name + ": ";
    if (ko) {
      line += "새 태스크 " + std::to_string(ps.created) + "개" + (where.empty() ? "" : " (" + where + ")");
      if (ps.stopped) line += ", 멈춘 태스크 " + std::to_string(ps.stopped) + "개";
    } else {
      line += std::to_string(ps.created) + " new task" + (ps.created == 1 ? "" : "s") +
              (where.empty() ? "" : " (" + where + ")");
      if (ps.stopped) line += ", " + std::to_string(ps.stopped) + " stopped";
    }
    lines.push_back(line);
  }
  for (const auto& [key, v] : state.volumes) {
    if (v.version <= since || v.anonymous) continue;
    lines.push_back((ko ? "볼륨 " : "volume ") + v.name + (ko ? " → " : " on ") + host(key.first));
  }
  for (const auto& [id, n] : state.nodes) {
    auto was = before.nodes.find(id);
    if (was != before.nodes.end() && was->second == NodeText(n)) continue;
    lines.push_back((ko ? "노드 " : "node ") + n.description.hostname + (ko ? " 변경됨" : " changed"));
  }
  std::sort(created.begin(), created.end());
  if (tasks) {
    tasks->clear();
    for (const auto& [v, id] : created) tasks->push_back(id);
  }
  return lines;
}

std::string Reflow(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(i, end - i);
    if (line.empty()) {
      if (!out.empty() && out.back() != '\n') out += "\n\n";
    } else {
      if (!out.empty() && out.back() != '\n') out += ' ';
      out += line;
    }
    i = end + 1;
  }
  return out;
}

std::string LessonGlyphText(const lesson::ScenarioFiles& files) {
  std::string text;
  auto names = lesson::ListLessons(files);
  if (!names.ok()) return text;
  for (const auto& n : names.value()) {
    auto l = lesson::LoadLesson(files, n);
    if (!l.ok()) continue;
    auto add = [&](const lesson::Text& t) { text += t.ko + t.en; };
    add(l->title);
    add(l->summary);
    add(l->cluster.description);
    for (const auto& s : l->steps) {
      add(s.title);
      add(s.explain);
      for (const auto& p : s.predicts) {
        add(p.question);
        add(p.explanation);
        for (const auto& c : p.choices) add(c);
      }
    }
  }
  // The panel's own words, the check descriptions (core/lesson/runner.cpp) and
  // the change lines above.
  text += "레슨 레슨이 없습니다: 이 레슨은 자신의 클러스터에서 시작합니다: 레슨 클러스터 만들기 예측: 이 단계 실행 "
          "다음 단계 마지막 단계입니다. 이 단계에 필요한 클러스터 상태가 더 이상 없습니다: 확인 이 단계가 바꾼 것 "
          "가장 새 태스크 보기 종료 코드 출력에 없음: 출력에 있음: 서비스의 실행 중인 태스크 개 의 실행 중인 태스크가 "
          "모두 레이블 인 노드에 있음 볼륨 이(가) 어느 노드에 있음 어느 노드에도 없음 단계가 만든 상태 서비스 없음 "
          "실행 중 태스크가 노드 다음 노드에 있음: 실행 중인 태스크 없음 새 태스크 멈춘 태스크 노드 변경됨 →✓✗—"
          "맞힌 예측: 단계 예측이 맞았습니다. 예측이 틀렸습니다. 설명 (예측한 뒤에) 이 단계는 실패했습니다: "
          "클러스터가 레슨 설명과 다릅니다. 다음 단계 (이 단계는 실패)";
  return text;
}

}  // namespace swarmsim::ui
