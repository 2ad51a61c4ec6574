#include "core/lesson/runner.h"

#include <optional>

#include "core/lesson/library.h"
#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim::lesson {

namespace {

bool Ko(Lang lang) { return lang == Lang::kKo; }

const Service* FindService(const ClusterState& state, const std::string& name) {
  for (const auto& [id, s] : state.services) {
    if (s.spec.name == name || id == name) return &s;
  }
  return nullptr;
}

std::vector<const Task*> RunningTasks(const ClusterState& state, const std::string& service_id) {
  std::vector<const Task*> out;
  for (const auto& [id, t] : state.tasks) {
    if (t.service_id == service_id && t.desired_state == TaskState::kRunning &&
        t.status.state == TaskState::kRunning) {
      out.push_back(&t);
    }
  }
  return out;
}

Result<ClusterState> LoadNow(const SessionOptions& options) {
  auto opened = Database::Open(options.database_path);
  if (!opened.ok()) return opened.status();
  Database* db = opened.value().get();
  if (Status st = db->Begin(); !st.ok()) return st;
  ClusterState state;
  Status st = LoadState(db, &state);
  // Only reads: whatever the clock catch-up computed is thrown away with the
  // rollback, exactly like a read-only command that changed nothing.
  if (st.ok()) SyncClock(&state, options.wall_now);
  db->Rollback();
  if (!st.ok()) return st;
  return state;
}

CheckOutcome CommandCheck(const CheckContext& ctx, const Check& check, Lang lang) {
  CheckOutcome o;
  o.what = Describe(check, lang);
  const CommandOutput out = ctx.run(check.command.argv);
  std::string text = out.out + out.err;
  if (out.exit_code != check.exit_code) {
    o.found = (Ko(lang) ? "종료 코드 " : "exit code ") + std::to_string(out.exit_code) +
              (out.err.empty() ? "" : ": " + out.err.substr(0, out.err.find('\n')));
    return o;
  }
  for (const auto& want : check.contains) {
    if (text.find(want) == std::string::npos) {
      o.found = (Ko(lang) ? "출력에 없음: " : "not in the output: ") + want;
      return o;
    }
  }
  for (const auto& unwanted : check.not_contains) {
    if (text.find(unwanted) != std::string::npos) {
      o.found = (Ko(lang) ? "출력에 있음: " : "in the output: ") + unwanted;
      return o;
    }
  }
  o.ok = true;
  return o;
}

}  // namespace

bool StepRun::ok() const {
  if (!unmet.empty()) return false;
  for (const auto& c : commands) {
    if (!c.as_expected()) return false;
  }
  return AllOk(outcomes);
}

StepRun RunStep(const SessionOptions& options, const Lesson& lesson, size_t step, Lang lang) {
  StepRun run;
  const Step& s = lesson.steps[step];
  if (!s.preconditions.empty()) {
    auto pre = EvaluateChecks(options, lesson, s.preconditions, lang);
    if (!AllOk(pre)) {
      run.unmet = pre;
      return run;
    }
  }
  for (const auto& c : s.commands) run.commands.push_back(RunLessonCommand(options, c));
  run.outcomes = EvaluateChecks(options, lesson, s.checks, lang);
  return run;
}

bool AllOk(const std::vector<CheckOutcome>& outcomes) {
  for (const auto& o : outcomes) {
    if (!o.ok) return false;
  }
  return true;
}

std::string Describe(const Check& c, Lang lang) {
  bool ko = Ko(lang);
  switch (c.kind) {
    case Check::Kind::kCommand: {
      const std::string& s = c.command.line;
      auto quoted = [](const std::vector<std::string>& v) {
        std::string q;
        for (const auto& x : v) q += (q.empty() ? "" : ", ") + ("\"" + x + "\"");
        return q;
      };
      std::string want = quoted(c.contains), unwanted = quoted(c.not_contains);
      if (ko) {
        return "`" + s + "` 종료 코드 " + std::to_string(c.exit_code) + (want.empty() ? "" : ", 출력에 " + want) +
               (unwanted.empty() ? "" : ", 출력에 없음: " + unwanted);
      }
      return "`" + s + "` exits " + std::to_string(c.exit_code) + (want.empty() ? "" : ", prints " + want) +
             (unwanted.empty() ? "" : ", never prints " + unwanted);
    }
    case Check::Kind::kRunning:
      return ko ? c.service + " 서비스의 실행 중인 태스크 " + std::to_string(c.count) + "개"
                : c.service + " has " + std::to_string(c.count) + " running task" + (c.count == 1 ? "" : "s");
    case Check::Kind::kOnLabel:
      return ko ? c.service + " 의 실행 중인 태스크가 모두 레이블 " + c.label + " 인 노드에 있음"
                : "every running task of " + c.service + " is on a node labelled " + c.label;
    case Check::Kind::kVolume:
      return ko ? "볼륨 " + c.volume + " 이(가) " + (c.node.empty() ? "어느 노드에" : c.node + " 에") + " 있음"
                : "volume " + c.volume + " exists on " + (c.node.empty() ? "some node" : c.node);
    case Check::Kind::kNoVolume:
      return ko ? "볼륨 " + c.volume + " 이(가) " + (c.node.empty() ? "어느 노드에도" : c.node + " 에") + " 없음"
                : "no volume " + c.volume + " on " + (c.node.empty() ? "any node" : c.node);
    case Check::Kind::kStep:
      return ko ? "'" + c.step + "' 단계가 만든 상태" : "the state step '" + c.step + "' left";
  }
  return "";
}

CheckOutcome EvaluateStateCheck(const ClusterState& state, const Check& c, Lang lang) {
  CheckOutcome o;
  o.what = Describe(c, lang);
  bool ko = Ko(lang);
  switch (c.kind) {
    case Check::Kind::kRunning:
    case Check::Kind::kOnLabel: {
      const Service* s = FindService(state, c.service);
      if (!s) {
        o.found = ko ? "서비스 " + c.service + " 없음" : "no service " + c.service;
        return o;
      }
      auto running = RunningTasks(state, s->id);
      if (c.kind == Check::Kind::kRunning) {
        o.ok = static_cast<int>(running.size()) == c.count;
        if (!o.ok) o.found = (ko ? "실행 중 " : "running: ") + std::to_string(running.size());
        return o;
      }
      std::string key = c.label.substr(0, c.label.find('='));
      std::string value = c.label.find('=') == std::string::npos ? "" : c.label.substr(c.label.find('=') + 1);
      if (running.empty()) {
        o.found = ko ? "실행 중인 태스크 없음" : "no running task";
        return o;
      }
      for (const Task* t : running) {
        auto node = state.nodes.find(t->node_id);
        bool has = node != state.nodes.end() && node->second.spec.labels.count(key) &&
                   node->second.spec.labels.at(key) == value;
        if (!has) {
          o.found = (ko ? "태스크가 노드 " : "a task on ") + NodeHostname(state, t->node_id) +
                    (ko ? " 에 있음" : "");
          return o;
        }
      }
      o.ok = true;
      return o;
    }
    case Check::Kind::kVolume:
    case Check::Kind::kNoVolume: {
      std::vector<std::string> on;
      for (const auto& [key, v] : state.volumes) {
        if (v.name != c.volume) continue;
        std::string host = NodeHostname(state, key.first);
        if (c.node.empty() || host == c.node) on.push_back(host);
      }
      bool exists = !on.empty();
      o.ok = c.kind == Check::Kind::kVolume ? exists : !exists;
      if (!o.ok) {
        if (exists) {
          std::string where;
          for (const auto& h : on) where += (where.empty() ? "" : ", ") + h;
          o.found = (ko ? "다음 노드에 있음: " : "found on ") + where;
        } else {
          o.found = ko ? "없음" : "not found";
        }
      }
      return o;
    }
    case Check::Kind::kCommand:
    case Check::Kind::kStep:
      o.found = "needs the database";
      return o;
  }
  return o;
}

Status StartCluster(const SessionOptions& options, const Lesson& lesson, std::vector<CommandRun>* ran) {
  for (const auto& argv : SetupCommands(lesson.cluster)) {
    LessonCommand cmd;
    cmd.argv = argv;
    cmd.line = "swarmsim";
    for (const auto& w : argv) cmd.line += " " + w;
    CommandRun run = RunLessonCommand(options, cmd);
    ran->push_back(run);
    if (run.output.exit_code != 0) {
      std::string err = run.output.err.substr(0, run.output.err.find('\n'));
      return Status::FailedPrecondition(cmd.line + ": " + err);
    }
  }
  return Status::OK();
}

CommandRun RunLessonCommand(const SessionOptions& options, const LessonCommand& command) {
  CommandRun run;
  run.command = command;
  run.output = RunSessionCommand(options, command.argv);
  return run;
}

CheckContext SessionCheckContext(const SessionOptions& options) {
  CheckContext ctx;
  ctx.run = [options](const std::vector<std::string>& argv) { return RunSessionCommand(options, argv); };
  ctx.load = [options]() -> Result<std::shared_ptr<const ClusterState>> {
    auto state = LoadNow(options);
    if (!state.ok()) return state.status();
    return std::shared_ptr<const ClusterState>(std::make_shared<ClusterState>(std::move(state.value())));
  };
  return ctx;
}

std::vector<CheckOutcome> EvaluateChecks(const SessionOptions& options, const Lesson& lesson,
                                         const std::vector<Check>& checks, Lang lang) {
  return EvaluateChecks(SessionCheckContext(options), lesson, checks, lang);
}

std::vector<CheckOutcome> EvaluateChecks(const CheckContext& ctx, const Lesson& lesson,
                                         const std::vector<Check>& checks, Lang lang) {
  std::vector<CheckOutcome> out;
  std::optional<Result<std::shared_ptr<const ClusterState>>> state;
  for (const auto& c : checks) {
    if (c.kind == Check::Kind::kCommand) {
      out.push_back(CommandCheck(ctx, c, lang));
      state.reset();  // a command may have moved the cluster
      continue;
    }
    if (c.kind == Check::Kind::kStep) {
      CheckOutcome o;
      o.what = Describe(c, lang);
      int i = lesson.FindStep(c.step);
      if (i < 0) {
        o.found = "unknown step " + c.step;
      } else {
        auto sub = EvaluateChecks(ctx, lesson, lesson.steps[i].checks, lang);
        o.ok = AllOk(sub);
        for (const auto& s : sub) {
          if (!s.ok) {
            o.found = s.what + " — " + s.found;
            break;
          }
        }
      }
      out.push_back(o);
      state.reset();
      continue;
    }
    if (!state) state = ctx.load();
    if (!state->ok()) {
      CheckOutcome o;
      o.what = Describe(c, lang);
      o.found = state->status().message();
      out.push_back(o);
      continue;
    }
    out.push_back(EvaluateStateCheck(*state->value(), c, lang));
  }
  return out;
}

}  // namespace swarmsim::lesson
