#include "core/lesson/lesson_parser.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "core/lesson/command_words.h"

namespace swarmsim::lesson {

int Lesson::FindStep(const std::string& id) const {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// yaml-cpp reports positions 0-based.
int LineOf(const YAML::Node& n) { return n.Mark().line + 1; }

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  Status Error(const YAML::Node& at, const std::string& what) const {
    return Error(LineOf(at), what);
  }
  Status Error(int line, const std::string& what) const {
    return Status::InvalidArgument(file_ + ":" + std::to_string(line) + ": " + what);
  }

  // Fails on keys outside `allowed`.
  Status Keys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& where) const {
    if (!map.IsMap()) return Error(map, where + ": expected a mapping");
    for (const auto& kv : map) {
      std::string key = kv.first.as<std::string>();
      if (!allowed.count(key)) return Error(kv.first, where + ": unknown field '" + key + "'");
    }
    return Status::OK();
  }

  Result<std::string> Scalar(const YAML::Node& map, const std::string& key, const std::string& where,
                             bool required = true) const {
    YAML::Node n = map[key];
    if (!n) {
      if (required) return Error(map, where + ": missing field '" + key + "'");
      return std::string();
    }
    if (!n.IsScalar()) return Error(n, where + ": field '" + key + "' must be a single value");
    return n.as<std::string>();
  }

  Result<Text> TextField(const YAML::Node& map, const std::string& key, const std::string& where,
                         bool required = true) const {
    YAML::Node n = map[key];
    if (!n) {
      if (required) return Error(map, where + ": missing field '" + key + "'");
      return Text{};
    }
    return TextOf(n, where + ": " + key);
  }

  Result<Text> TextOf(const YAML::Node& n, const std::string& where) const {
    if (!n.IsMap()) return Error(n, where + ": expected {ko: ..., en: ...}");
    if (Status st = Keys(n, {"ko", "en"}, where); !st.ok()) return st;
    Text t;
    for (const char* lang : {"ko", "en"}) {
      YAML::Node v = n[lang];
      if (!v || !v.IsScalar() || v.as<std::string>().empty()) {
        return Error(n, where + ": missing the '" + std::string(lang) + "' text");
      }
      (std::string(lang) == "ko" ? t.ko : t.en) = v.as<std::string>();
    }
    return t;
  }

  Result<LessonCommand> Command(const YAML::Node& n, const std::string& where) const {
    LessonCommand c;
    c.line_no = LineOf(n);
    // Copy-construct: assigning one YAML::Node to another writes into the document.
    const YAML::Node run = n.IsMap() ? n["run"] : n;
    bool docker_given = false;
    if (n.IsMap()) {
      if (Status st = Keys(n, {"run", "docker", "exit_code"}, where); !st.ok()) return st;
      if (n["exit_code"]) {
        try {
          c.exit_code = n["exit_code"].as<int>();
        } catch (const YAML::Exception&) {
          return Error(n["exit_code"], where + ": exit_code must be a number");
        }
      }
      if (!run) return Error(n, where + ": missing field 'run'");
      if (n["docker"]) {
        c.docker = n["docker"].IsNull() ? "" : n["docker"].as<std::string>();
        docker_given = true;
      }
    }
    if (!run.IsScalar()) return Error(n, where + ": a command is a line of text");
    c.line = run.as<std::string>();
    auto words = SplitWords(c.line);
    if (!words.ok()) return Error(n, where + ": " + words.status().message() + " in: " + c.line);
    if (words->empty() || words->front() != "swarmsim") {
      return Error(n, where + ": not a swarmsim command (write it as the student types it, "
                              "starting with 'swarmsim'): " + c.line);
    }
    c.argv.assign(words->begin() + 1, words->end());
    if (c.argv.empty()) return Error(n, where + ": 'swarmsim' alone is not a command");
    if (c.argv.front() == "lesson") return Error(n, where + ": a lesson cannot run a lesson: " + c.line);
    if (!docker_given) c.docker = DockerForm(c.argv);
    return c;
  }

  Result<std::vector<std::string>> StringList(const YAML::Node& n, const std::string& where) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.as<std::string>());
      return out;
    }
    if (!n.IsSequence()) return Error(n, where + ": expected a text or a list of texts");
    for (const auto& v : n) {
      if (!v.IsScalar()) return Error(v, where + ": expected a text");
      out.push_back(v.as<std::string>());
    }
    return out;
  }

  Result<Check> CheckOf(const YAML::Node& n, const std::string& where) const {
    Check c;
    c.line_no = LineOf(n);
    if (!n.IsMap()) return Error(n, where + ": a check is a mapping such as {running: {service: S, count: N}}");
    static const std::set<std::string> kKinds = {"command", "running", "on_label", "volume", "no_volume", "step"};
    std::string kind;
    for (const auto& kv : n) {
      std::string key = kv.first.as<std::string>();
      if (kKinds.count(key)) {
        if (!kind.empty()) return Error(n, where + ": one check per entry ('" + kind + "' and '" + key + "')");
        kind = key;
      }
    }
    if (kind.empty()) {
      return Error(n, where + ": a check needs one of command, running, on_label, volume, no_volume, step");
    }
    if (kind == "command") {
      if (Status st = Keys(n, {"command", "exit_code", "contains", "not_contains"}, where); !st.ok()) return st;
      auto cmd = Command(n["command"], where);
      if (!cmd.ok()) return cmd.status();
      c.kind = Check::Kind::kCommand;
      c.command = cmd.value();
      if (n["exit_code"]) {
        try {
          c.exit_code = n["exit_code"].as<int>();
        } catch (const YAML::Exception&) {
          return Error(n["exit_code"], where + ": exit_code must be a number");
        }
      }
      if (n["contains"]) {
        auto l = StringList(n["contains"], where + ": contains");
        if (!l.ok()) return l.status();
        c.contains = l.value();
      }
      if (n["not_contains"]) {
        auto l = StringList(n["not_contains"], where + ": not_contains");
        if (!l.ok()) return l.status();
        c.not_contains = l.value();
      }
      return c;
    }
    if (Status st = Keys(n, {kind}, where); !st.ok()) return st;
    YAML::Node body = n[kind];
    if (kind == "step") {
      if (!body.IsScalar()) return Error(body, where + ": step: expected a step id");
      c.kind = Check::Kind::kStep;
      c.step = body.as<std::string>();
      return c;
    }
    std::string w = where + ": " + kind;
    if (kind == "running") {
      if (Status st = Keys(body, {"service", "count"}, w); !st.ok()) return st;
      c.kind = Check::Kind::kRunning;
      auto s = Scalar(body, "service", w);
      if (!s.ok()) return s.status();
      c.service = s.value();
      if (!body["count"]) return Error(body, w + ": missing field 'count'");
      try {
        c.count = body["count"].as<int>();
      } catch (const YAML::Exception&) {
        return Error(body["count"], w + ": count must be a number");
      }
      if (c.count < 0) return Error(body["count"], w + ": count must not be negative");
      return c;
    }
    if (kind == "on_label") {
      if (Status st = Keys(body, {"service", "label"}, w); !st.ok()) return st;
      c.kind = Check::Kind::kOnLabel;
      auto s = Scalar(body, "service", w);
      if (!s.ok()) return s.status();
      auto l = Scalar(body, "label", w);
      if (!l.ok()) return l.status();
      c.service = s.value();
      c.label = l.value();
      return c;
    }
    // volume, no_volume
    if (Status st = Keys(body, {"name", "node"}, w); !st.ok()) return st;
    c.kind = kind == "volume" ? Check::Kind::kVolume : Check::Kind::kNoVolume;
    auto v = Scalar(body, "name", w);
    if (!v.ok()) return v.status();
    auto node = Scalar(body, "node", w, false);
    if (!node.ok()) return node.status();
    c.volume = v.value();
    c.node = node.value();
    return c;
  }

  Result<std::vector<Check>> Checks(const YAML::Node& n, const std::string& where) const {
    std::vector<Check> out;
    if (!n) return out;
    if (!n.IsSequence()) return Error(n, where + ": expected a list");
    for (const auto& c : n) {
      auto check = CheckOf(c, where);
      if (!check.ok()) return check.status();
      out.push_back(check.value());
    }
    return out;
  }

  Result<Predict> PredictOf(const YAML::Node& n, const std::string& where) const {
    Predict p;
    p.line_no = LineOf(n);
    if (Status st = Keys(n, {"question", "choices", "answer", "explanation"}, where); !st.ok()) return st;
    auto q = TextField(n, "question", where);
    if (!q.ok()) return q.status();
    p.question = q.value();
    YAML::Node choices = n["choices"];
    if (!choices || !choices.IsSequence() || choices.size() < 2) {
      return Error(choices ? choices : n, where + ": 'choices' must list at least two answers");
    }
    for (const auto& c : choices) {
      auto t = TextOf(c, where + ": choice");
      if (!t.ok()) return t.status();
      p.choices.push_back(t.value());
    }
    if (!n["answer"]) return Error(n, where + ": missing field 'answer'");
    int answer = 0;
    try {
      answer = n["answer"].as<int>();
    } catch (const YAML::Exception&) {
      return Error(n["answer"], where + ": answer must be the number of a choice (1 for the first)");
    }
    if (answer < 1 || answer > static_cast<int>(p.choices.size())) {
      return Error(n["answer"], where + ": answer " + std::to_string(answer) + " names no choice (1 to " +
                                    std::to_string(p.choices.size()) + ")");
    }
    p.answer = answer - 1;
    auto e = TextField(n, "explanation", where);
    if (!e.ok()) return e.status();
    p.explanation = e.value();
    return p;
  }

  Result<Step> StepOf(const YAML::Node& n, int index) const {
    Step s;
    s.line_no = LineOf(n);
    std::string where = "step " + std::to_string(index + 1);
    if (Status st = Keys(n, {"id", "title", "explain", "commands", "predict", "requires", "checks", "picture"},
                         where);
        !st.ok()) {
      return st;
    }
    auto id = Scalar(n, "id", where);
    if (!id.ok()) return id.status();
    s.id = id.value();
    if (s.id.empty() || s.id.find_first_of(" \t") != std::string::npos) {
      return Error(n["id"], where + ": id must be one word");
    }
    where = "step '" + s.id + "'";
    auto title = TextField(n, "title", where);
    if (!title.ok()) return title.status();
    s.title = title.value();
    auto explain = TextField(n, "explain", where);
    if (!explain.ok()) return explain.status();
    s.explain = explain.value();
    auto picture = Scalar(n, "picture", where, /*required=*/false);
    if (!picture.ok()) return picture.status();
    s.picture = picture.value();
    if (YAML::Node cmds = n["commands"]) {
      if (!cmds.IsSequence()) return Error(cmds, where + ": commands: expected a list");
      for (const auto& c : cmds) {
        auto cmd = Command(c, where);
        if (!cmd.ok()) return cmd.status();
        s.commands.push_back(cmd.value());
      }
    }
    if (YAML::Node preds = n["predict"]) {
      if (!preds.IsSequence()) return Error(preds, where + ": predict: expected a list");
      for (const auto& p : preds) {
        auto pred = PredictOf(p, where + ": predict");
        if (!pred.ok()) return pred.status();
        s.predicts.push_back(pred.value());
      }
    }
    auto req = Checks(n["requires"], where + ": requires");
    if (!req.ok()) return req.status();
    s.preconditions = req.value();
    auto checks = Checks(n["checks"], where + ": checks");
    if (!checks.ok()) return checks.status();
    s.checks = checks.value();
    for (const auto& c : s.checks) {
      if (c.kind == Check::Kind::kStep) return Error(c.line_no, where + ": 'step' belongs under requires, not checks");
    }
    return s;
  }

  Result<Cluster> ClusterOf(const YAML::Node& n, const std::string& where) const {
    Cluster c;
    if (Status st = Keys(n, {"preset", "nodes", "description"}, where); !st.ok()) return st;
    if (n["description"]) {
      auto d = TextField(n, "description", where);
      if (!d.ok()) return d.status();
      c.description = d.value();
    }
    if (n["preset"] && n["nodes"]) return Error(n, where + ": give either a preset or nodes, not both");
    if (n["preset"]) {
      c.preset = n["preset"].as<std::string>();
      c.preset_line = LineOf(n["preset"]);
      return c;
    }
    YAML::Node nodes = n["nodes"];
    if (!nodes || !nodes.IsSequence() || nodes.size() == 0) {
      return Error(nodes ? nodes : n, where + ": needs a preset or a list of nodes");
    }
    std::set<std::string> names;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const YAML::Node& nd = nodes[i];
      std::string w = where + ": node " + std::to_string(i + 1);
      if (Status st = Keys(nd, {"hostname", "role", "cpus", "memory", "labels"}, w); !st.ok()) return st;
      ClusterNode node;
      auto h = Scalar(nd, "hostname", w);
      if (!h.ok()) return h.status();
      node.hostname = h.value();
      if (!names.insert(node.hostname).second) return Error(nd, w + ": hostname '" + node.hostname + "' twice");
      auto role = Scalar(nd, "role", w, false);
      if (!role.ok()) return role.status();
      if (!role->empty()) node.role = role.value();
      if (node.role != "manager" && node.role != "worker") {
        return Error(nd["role"], w + ": role must be manager or worker");
      }
      if (i == 0 && node.role != "manager") return Error(nd, w + ": the first node inits the swarm: role manager");
      auto cpus = Scalar(nd, "cpus", w, false);
      if (!cpus.ok()) return cpus.status();
      node.cpus = cpus.value();
      auto mem = Scalar(nd, "memory", w, false);
      if (!mem.ok()) return mem.status();
      node.memory = mem.value();
      if (YAML::Node labels = nd["labels"]) {
        if (!labels.IsMap()) return Error(labels, w + ": labels: expected a mapping");
        for (const auto& kv : labels) node.labels[kv.first.as<std::string>()] = kv.second.as<std::string>();
      }
      c.nodes.push_back(node);
    }
    return c;
  }

 private:
  std::string file_;
};

Result<YAML::Node> LoadYaml(const std::string& text, const std::string& file) {
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return Status::InvalidArgument(file + ":1: expected a mapping at the top");
    return root;
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Result<Lesson> Parse(const YAML::Node& root, const std::string& file, const std::string& name) {
  Reader r(file);
  Lesson lesson;
  lesson.name = name;
  lesson.file = file;
  if (Status st = r.Keys(root, {"title", "summary", "cluster", "steps"}, "lesson"); !st.ok()) return st;
  auto title = r.TextField(root, "title", "lesson");
  if (!title.ok()) return title.status();
  lesson.title = title.value();
  auto summary = r.TextField(root, "summary", "lesson");
  if (!summary.ok()) return summary.status();
  lesson.summary = summary.value();
  if (!root["cluster"]) return r.Error(root, "lesson: missing field 'cluster'");
  auto cluster = r.ClusterOf(root["cluster"], "cluster");
  if (!cluster.ok()) return cluster.status();
  lesson.cluster = cluster.value();
  YAML::Node steps = root["steps"];
  if (!steps || !steps.IsSequence() || steps.size() == 0) {
    return r.Error(steps ? steps : root, "lesson: 'steps' must list at least one step");
  }
  for (size_t i = 0; i < steps.size(); ++i) {
    auto step = r.StepOf(steps[i], static_cast<int>(i));
    if (!step.ok()) return step.status();
    if (lesson.FindStep(step->id) >= 0) {
      return r.Error(step->line_no, "step '" + step->id + "' appears twice");
    }
    for (const auto& req : step->preconditions) {
      if (req.kind != Check::Kind::kStep) continue;
      if (req.step == step->id) return r.Error(req.line_no, "step '" + step->id + "' requires itself");
      if (lesson.FindStep(req.step) < 0) {
        return r.Error(req.line_no, "step '" + step->id + "' requires unknown step '" + req.step +
                                        "' (it must come earlier in the lesson)");
      }
    }
    lesson.steps.push_back(step.value());
  }
  return lesson;
}

}  // namespace

Result<Lesson> ParseLesson(const std::string& text, const std::string& file, const std::string& name) {
  auto root = LoadYaml(text, file);
  if (!root.ok()) return root.status();
  try {
    return Parse(root.value(), file, name);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Result<Cluster> ParsePreset(const std::string& text, const std::string& file) {
  auto root = LoadYaml(text, file);
  if (!root.ok()) return root.status();
  try {
    Reader r(file);
    auto c = r.ClusterOf(root.value(), "preset");
    if (!c.ok()) return c.status();
    if (!c->preset.empty()) return r.Error(c->preset_line, "preset: a preset cannot name another preset");
    return c;
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace swarmsim::lesson
